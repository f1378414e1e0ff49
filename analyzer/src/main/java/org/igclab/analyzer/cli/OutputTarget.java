package org.igclab.analyzer.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.igclab.analyzer.io.AtomicFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code -o OUT} / {@code --force} choice of commands that write a report or file (a picocli mixin). */
public final class OutputTarget {
    // the fields are set by picocli
    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file (atomically) instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Replace OUT if it exists.")
    boolean force;

    /** Whether OUT was given (otherwise the output goes to standard output). */
    public boolean toFile() {
        return output != null;
    }

    /** OUT, when given. */
    public Path file() {
        return output;
    }

    /** Writes bytes to OUT atomically, refusing to replace a file without --force (a binary format needs OUT). */
    public void write(byte[] bytes) throws IOException {
        AtomicFiles.write(output, bytes, force);
    }

    /** Fails before any work when OUT could not be written (exists without --force, no such folder, not a file). */
    public void checkBeforeWork() throws IOException {
        if (output != null) {
            AtomicFiles.checkWritable(output, force);
        }
    }

    /** Prints the text, or writes it to OUT (refusing to replace a file without --force) and says so on standard error. */
    public void emit(CommandSpec spec, String text, String what) throws IOException {
        if (output == null) {
            spec.commandLine().getOut().print(text);
            return;
        }
        AtomicFiles.write(output, text, force);
        spec.commandLine().getErr().println("wrote " + output + (what.isEmpty() ? "" : " (" + what + ")"));
    }
}
