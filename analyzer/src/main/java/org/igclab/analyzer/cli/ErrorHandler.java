package org.igclab.analyzer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.igclab.analyzer.text.OneLine;
import org.igclab.rules.model.InvalidDesignException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on standard error and an exit code; a stack trace only when
 * {@code IGC_DEBUG} is set, because a user who mistyped a file name should not read one.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        String command = qualifiedName(cl);
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        int code;
        String message;
        if (cause instanceof InputException input) {
            code = IgcCli.INVALID;
            message = input.getMessage();
        } else if (cause instanceof InvalidDesignException design) {
            code = IgcCli.INVALID;
            message = "invalid design: " + design.getMessage();
        } else if (cause instanceof NoSuchFileException missing) {
            code = IgcCli.INVALID;
            message = "cannot read " + missing.getFile() + ": no such file";
        } else if (cause instanceof AccessDeniedException denied) {
            code = IgcCli.INVALID;
            message = "cannot access " + denied.getFile() + ": permission denied";
        } else if (cause instanceof FileAlreadyExistsException exists) {
            code = IgcCli.INVALID;
            message = exists.getFile() + " " + (exists.getReason() == null ? "exists" : exists.getReason());
        } else if (cause instanceof ArithmeticException) {
            code = IgcCli.INVALID;
            message = "the counts do not fit in 64-bit integers: a width or resolution is too large";
        } else if (cause instanceof java.nio.charset.CharacterCodingException) {
            code = IgcCli.INVALID;
            message = "a file is not UTF-8 text (is it a design file?)";
        } else if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            code = IgcCli.INVALID;
            message = fs.getFile() + " " + fs.getReason();
        } else if (cause instanceof IOException io) {
            code = IgcCli.INVALID;
            message = "input/output error: " + io.getMessage();
        } else {
            code = IgcCli.INTERNAL;
            message = "internal error: " + ex + " (set IGC_DEBUG=1 to see where)";
        }
        cl.getErr().println(command + ": " + OneLine.of(message, OneLine.MESSAGE));
        if (System.getenv("IGC_DEBUG") != null) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return code;
    }

    static int onParameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println(qualifiedName(cl) + ": " + OneLine.of(String.valueOf(ex.getMessage()), OneLine.MESSAGE));
        cl.getErr().println("Try '" + qualifiedName(cl) + " --help' for usage and examples.");
        cl.getErr().flush();
        return IgcCli.INVALID;
    }

    private static String qualifiedName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName();
    }
}
