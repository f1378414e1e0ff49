package org.igclab.ui.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.application.Platform;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.Task;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.runtime.cli.StoreOption;
import org.igclab.ui.app.ExplorerLauncher;
import org.igclab.ui.app.FxPlatform;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.ExplorerContext;
import org.igclab.ui.model.NetworkTemplates;
import org.igclab.ui.model.RuntimeEvaluations;
import org.igclab.ui.model.SettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code igc explore}: the interactive explorer, in a window or rendered to a PNG. */
@Task.Of(Task.EXPLORE)
@Command(name = "explore",
        mixinStandardHelpOptions = true,
        header = "The interactive explorer: trade-off curves, verdicts and channel wiring of a width's designs.",
        sortOptions = false,
        description = {
            "Open a window in which every chain of a width C is enumerated, checked and costed as you move the controls:",
            "parameters against the chain length L with the closed-form optimum, the Pareto scatter of the designs",
            "(parameters, MACs, measured latency or accuracy), the widest C under a budget for each L, a table to sort",
            "and filter, and the selected design's verdicts, formula, per-layer costs and channel wiring. Evaluate a",
            "design (latency, or training) in the background, and export designs (JSON, CSV, DOT) and the charts (PNG).",
            "The controls are remembered between runs (in --settings).",
            "",
            "With --snapshot the window is rendered offscreen (no display needed) once its first result is shown."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc explore                                           the window, with the controls of last time",
            "  igc explore --spec samples/explorer/igcv2-c64.json    start from a saved state instead",
            "  igc explore --snapshot explorer.png --spec samples/explorer/igcv2-c64.json",
            "                                                        render it to a PNG without a display",
            "  xvfb-run ./igc explore                                a window on a machine without a display",
            "",
            "Exit codes: 0 success, 2 invalid input (or no display without --snapshot), 3 internal error."})
public final class ExploreCommand implements Callable<Integer> {
    /** The environment, replaceable so a test can take the display away. */
    static Function<String, String> environment = System::getenv;

    @Spec
    CommandSpec spec;

    @Option(names = "--snapshot", paramLabel = "OUT.png", description = "Render the window offscreen to this PNG and exit.")
    Path snapshot;

    @Option(names = "--spec", paramLabel = "FILE", description = "Start from the controls in this file (igc-explorer/1) "
            + "instead of the remembered ones.")
    Path specFile;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1440x900", description = "Window size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--settings", paramLabel = "FILE", description = "Where the controls are remembered "
            + "(default: ~/.config/igc-lab/explorer.json, or $XDG_CONFIG_HOME/igc-lab/explorer.json).")
    Path settings;

    @Mixin
    StoreOption store;

    @Option(names = "--force", description = "Replace OUT.png if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        double[] wh = size();
        SettingsStore remembered = new SettingsStore(settings != null ? settings : SettingsStore.defaultFile());
        PrintWriter err = spec.commandLine().getErr();
        Map<Control, String> initial = specFile == null ? remembered.load(problem -> err.println("igc explore: " + problem)) : spec(specFile);
        if (snapshot != null && !force && Files.exists(snapshot)) {
            throw new InputException(snapshot + " exists; pass --force to replace it");
        }
        NetworkTemplates templates = NetworkTemplates.load(samples());
        templates.problems().forEach(problem -> err.println("igc explore: " + problem));
        ExplorerContext context = new ExplorerContext(remembered, snapshot == null, initial, store.path(),
                templates, new RuntimeEvaluations(), Platform::runLater);
        if (snapshot != null) {
            FxPlatform.useHeadless(wh[0], wh[1]);
            ExplorerLauncher.snapshot(context, wh[0], wh[1], snapshot, force);
            spec.commandLine().getErr().println("wrote " + snapshot);
            return IgcCli.OK;
        }
        requireDisplay();
        try {
            ExplorerLauncher.window(context, wh[0], wh[1]);
        } catch (UnsupportedOperationException e) {
            throw new InputException("cannot open a window (" + e.getMessage() + "): " + ALTERNATIVES, e);
        }
        return IgcCli.OK;
    }

    private static final String ALTERNATIVES = "render it to a file with 'igc explore --snapshot OUT.png', or run it under a "
            + "virtual display with 'xvfb-run ./igc explore'";

    private static void requireDisplay() {
        if (blank(environment.apply("DISPLAY")) && blank(environment.apply("WAYLAND_DISPLAY"))) {
            throw new InputException("no display to open a window on (DISPLAY is not set): " + ALTERNATIVES);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private double[] size() {
        String[] parts = size.toLowerCase().split("x");
        try {
            double w = Double.parseDouble(parts[0].trim());
            double h = Double.parseDouble(parts[1].trim());
            if (parts.length == 2 && w >= 640 && h >= 480 && w <= 8192 && h <= 8192) {
                return new double[] {w, h};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // reported below
        }
        throw new InputException("--size = " + size + " must be WIDTHxHEIGHT, from 640x480 to 8192x8192 (e.g. 1440x900)");
    }

    private static Map<Control, String> spec(Path file) throws IOException {
        try {
            return SettingsStore.readSpec(file);
        } catch (InvalidDesignException e) {
            throw new InputException(DesignInputs.complaint(file, "invalid explorer spec ", e), e);
        }
    }

    /**
     * The sample networks offered as templates: those of the installation the launcher runs from ({@code igc.home}),
     * else of the current folder.
     */
    static Path samples() {
        String home = System.getProperty("igc.home");
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return base.resolve("samples").resolve("networks");
    }
}
