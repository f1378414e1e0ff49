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
import org.igclab.ui.model.ControlForm;
import org.igclab.ui.model.NetworkTemplate;
import org.igclab.ui.model.Theme;
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
            "(parameters, MACs, measured or predicted latency, accuracy), the widest C under a budget for each L, a table to sort",
            "and filter, and the selected design's verdicts, formula, per-layer costs and channel wiring. Evaluate a",
            "design (latency, or training) in the background, and export designs (JSON, CSV, DOT) and the charts (PNG, SVG).",
            "Charts zoom (scroll), pan (drag), choose designs (Shift+drag) and reset (double-click); compare 2-4 designs;",
            "File > Open design also reads whole networks and ONNX models (layer tree, costs, verdicts, chains found);",
            "File > Open study shows a study of the results store (its trials and Pareto front); F1 lists the shortcuts.",
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
            "  igc explore --store studies.db                        File > Open study lists the studies there",
            "  igc explore --open samples/networks/resnet50.json     a whole network (or model.onnx) in the Network tab",
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

    @Option(names = "--open", paramLabel = "FILE", description = "Open a design file at the start, as File > Open design does: a "
            + "chain (igc-chain/1), a network (igc-network/1) or an ONNX model, whose layers show in the Network tab.")
    Path open;

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
        NetworkTemplates templates = NetworkTemplates.load(samples());
        Map<Control, String> initial = specFile == null ? remembered.load(problem -> err.println("igc explore: " + problem))
                : spec(specFile, templates);
        if (snapshot != null && !force && Files.exists(snapshot)) {
            throw new InputException(snapshot + " exists; pass --force to replace it");
        }
        templates.problems().forEach(problem -> err.println("igc explore: " + problem));
        if (open != null) {
            // read once here, so that a file that cannot be opened is a one-line error and exit code 2, not a notice
            DesignInputs.read(open);
        }
        ExplorerContext context = new ExplorerContext(remembered, snapshot == null, initial, store.path(), templates,
                new RuntimeEvaluations(), Platform::runLater).withSystemDark(snapshot == null && Theme.systemPrefersDark(System::getenv, Theme::run))
                .withOpen(open);
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

    /**
     * Reads a spec strictly: an unknown control, a value a control does not accept or a template that is not here is an
     * error naming the control and the value, rather than a window (or a snapshot) with nothing in it.
     */
    static Map<Control, String> spec(Path file, NetworkTemplates templates) throws IOException {
        Map<Control, String> texts;
        try {
            texts = SettingsStore.readSpec(file);
        } catch (InvalidDesignException e) {
            throw new InputException(DesignInputs.complaint(file, "invalid explorer spec ", e), e);
        }
        Map<Control, String> problems = new ControlForm(texts).problems();
        for (Map.Entry<Control, String> p : problems.entrySet()) {
            if (texts.containsKey(p.getKey())) {
                throw new InputException("invalid explorer spec " + file + ": controls." + p.getKey().key() + " = \""
                        + texts.get(p.getKey()) + "\": " + p.getValue());
            }
        }
        String template = texts.getOrDefault(Control.TEMPLATE, Control.TEMPLATE.defaultText());
        if (templates.find(template).isEmpty()) {
            throw new InputException("invalid explorer spec " + file + ": controls.template = \"" + template + "\" is not a template here "
                    + "(known: " + String.join(", ", templates.all().stream().map(NetworkTemplate::key).toList()) + ")");
        }
        return texts;
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
