package org.igclab.analyzer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.igclab.analyzer.text.OneLine;
import org.igclab.rules.IgcException;
import org.igclab.rules.model.CountOverflowException;
import org.igclab.rules.model.InvalidDesignException;
import picocli.CommandLine;

/**
 * The one place failures become exit codes: one clear line on standard error, and the stack trace with its causes only
 * when {@code IGC_DEBUG} is set, because a user who mistyped a file name should not read one. A domain error
 * ({@link IgcException}: an invalid design, a count too large, a store, checkpoint or data set that cannot be used, bad
 * input) and a file that cannot be read are invalid input (2); anything else, an {@link ArithmeticException} included,
 * is a failure of the tool itself (3).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    /** Whether to print the stack trace, causes included ({@code IGC_DEBUG} set). */
    private final boolean debug;

    ErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        String command = qualifiedName(cl);
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        int code;
        String message;
        if (cause instanceof CountOverflowException overflow) {
            code = IgcCli.INVALID;
            message = overflow.getMessage();
        } else if (cause instanceof InvalidDesignException design) {
            code = IgcCli.INVALID;
            message = "invalid design: " + design.getMessage();
        } else if (cause instanceof IgcException domain) {
            code = IgcCli.INVALID;
            message = domain.getMessage();
        } else if (cause instanceof NoSuchFileException missing) {
            code = IgcCli.INVALID;
            message = "cannot read " + missing.getFile() + ": no such file";
        } else if (cause instanceof AccessDeniedException denied) {
            code = IgcCli.INVALID;
            message = "cannot access " + denied.getFile() + ": permission denied";
        } else if (cause instanceof FileAlreadyExistsException exists) {
            code = IgcCli.INVALID;
            message = exists.getFile() + " " + (exists.getReason() == null ? "exists" : exists.getReason());
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
        if (debug) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return code;
    }

    static int onParameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        // picocli starts some of its messages (options that exclude each other) with an "Error: " the command name replaces
        String message = String.valueOf(ex.getMessage()).replaceFirst("^Error: ", "");
        cl.getErr().println(qualifiedName(cl) + ": " + OneLine.of(message, OneLine.MESSAGE));
        cl.getErr().println("Try '" + qualifiedName(cl) + " --help' for usage and examples.");
        cl.getErr().flush();
        return IgcCli.INVALID;
    }

    private static String qualifiedName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName();
    }
}
