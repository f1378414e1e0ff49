package org.igclab.analyzer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
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
        } else if (cause instanceof IOException io) {
            code = IgcCli.INVALID;
            message = "input/output error: " + io.getMessage();
        } else {
            code = IgcCli.INTERNAL;
            message = "internal error: " + ex + " (set IGC_DEBUG=1 to see where)";
        }
        cl.getErr().println(command + ": " + message);
        if (System.getenv("IGC_DEBUG") != null) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return code;
    }

    static int onParameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println(qualifiedName(cl) + ": " + ex.getMessage());
        cl.getErr().println("Try '" + qualifiedName(cl) + " --help' for usage and examples.");
        cl.getErr().flush();
        return IgcCli.INVALID;
    }

    private static String qualifiedName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName();
    }
}
