package org.igclab.analyzer.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.igclab.analyzer.io.AtomicFiles;
import org.igclab.analyzer.plot.Plots;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --plot FILE.png|FILE.svg}: a command's chart beside its report (a picocli mixin). The file is checked before
 * any work (its name's ending, its folder, an existing file without the command's {@code --force}) and written
 * atomically; the command says what the chart shows in its help.
 */
public final class PlotOption {
    // set by picocli
    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw a chart to FILE.png or FILE.svg (see above).")
    Path file;

    /** Whether a chart was asked for. */
    public boolean requested() {
        return file != null;
    }

    /** Refuses, before any work, a name that is neither .png nor .svg, and a file that could not be written. */
    public void checkBeforeWork(CommandSpec spec) throws IOException {
        if (file == null) {
            return;
        }
        try {
            Plots.format(file);
        } catch (IllegalArgumentException e) {
            throw new InputException("--plot " + e.getMessage(), e);
        }
        AtomicFiles.checkWritable(file, force(spec));
    }

    /** Writes the chart and says so on standard error. */
    public void write(CommandSpec spec, Plots.Chart chart) throws IOException {
        Plots.write(file, chart, force(spec));
        spec.commandLine().getErr().println("wrote " + file + " (" + chart.title() + ")");
    }

    /** The command's own {@code --force}, when it has one, also lets the chart replace a file. */
    private static boolean force(CommandSpec spec) {
        return spec.commandLine().getParseResult().hasMatchedOption("--force");
    }
}
