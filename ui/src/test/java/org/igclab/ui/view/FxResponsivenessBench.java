package org.igclab.ui.view;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.igclab.ui.FxBusyMonitor;
import org.igclab.ui.model.Control;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * How long the explorer's FX thread works at a stretch while a user drives it: the figure behind the explorer's
 * responsiveness goal (under 100 ms of processor time at a stretch, beyond which a user sees the window freeze). A
 * benchmark, not a test: a busy machine stretches every figure, so they are printed with the load, never asserted.
 * Run headless by {@code bench/fx-responsiveness.sh [ROUNDS]} (see {@code src/site/markdown/benchmarks.md}).
 */
public final class FxResponsivenessBench {
    private FxResponsivenessBench() {
    }

    /** One interaction of the script, repeatable: each round starts from the state the last one left. */
    private record Step(String name, ExplorerFixture.Interaction interaction) {
    }

    /** The largest figures of one step over the rounds, in milliseconds. */
    private static final class Worst {
        double busy;
        double elapsed;
        double waited;
    }

    public static void main(String[] args) {
        int code = 0;
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 3);
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        // the FX toolkit's threads would keep the JVM alive
        System.exit(code);
    }

    private static void run(int rounds) throws Exception {
        Path dir = Files.createTempDirectory("igc-fx-bench");
        Map<Control, String> initial = new EnumMap<>(Control.class);
        initial.put(Control.WIDTHS, "16, 256");
        FxToolkit.registerPrimaryStage();
        ExplorerFixture[] shown = new ExplorerFixture[1];
        FxToolkit.setupStage(stage -> shown[0] = ExplorerFixture.show(stage, dir, initial,
                (design, request, side, store, progress, cancelled) -> "not measured here"));
        ExplorerFixture fx = shown[0];
        FxRobot robot = new FxRobot();
        double loadBefore = loadAverage();
        fx.warmUp(robot);

        Map<String, Worst> worst = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Step step : script(fx, robot)) {
                fx.awaitIdle();
                try (FxBusyMonitor monitor = FxBusyMonitor.start()) {
                    step.interaction().run();
                    fx.awaitIdle();
                    Worst w = worst.computeIfAbsent(step.name(), k -> new Worst());
                    w.busy = Math.max(w.busy, monitor.busyMillis());
                    w.elapsed = Math.max(w.elapsed, monitor.busyElapsedMillis());
                    w.waited = Math.max(w.waited, monitor.unansweredMillis());
                }
            }
        }
        double loadAfter = loadAverage();
        print(worst, rounds, loadBefore, loadAfter);
        robot.interact(() -> fx.model.close());
        FxToolkit.cleanupStages();
    }

    /** What a user does: change the width, select, filter, switch template, a few thousand designs, sort, export. */
    private static List<Step> script(ExplorerFixture fx, FxRobot robot) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("width 64 -> 128", () -> ExplorerFixture.type(robot, Control.CHANNELS, "128")));
        steps.add(new Step("width 128 -> 64", () -> ExplorerFixture.type(robot, Control.CHANNELS, "64")));
        steps.add(new Step("select the row K=(1,8,8)", () -> ExplorerFixture.clickRow(robot,
                ExplorerFixture.table(robot).getItems().stream().filter(r -> r.groupSizes().equals("1,8,8")).findFirst().orElseThrow())));
        steps.add(new Step("loose chains on", () -> robot.clickOn("#" + Control.LOOSE.key())));
        steps.add(new Step("loose chains off", () -> robot.clickOn("#" + Control.LOOSE.key())));
        steps.add(new Step("log scale off, on", () -> {
            robot.interact(() -> fx.model.form().text(Control.LOG_X).set("false"));
            robot.interact(() -> fx.model.form().text(Control.LOG_X).set("true"));
        }));
        steps.add(new Step("type a name filter, clear it", () -> {
            ExplorerFixture.type(robot, Control.NAME_FILTER, "K=4");
            robot.eraseText(3);
        }));
        steps.add(new Step("hover a scatter point", () -> robot.moveTo(scatterPoint(fx, robot))));
        steps.add(new Step("click a scatter point", () -> robot.clickOn(scatterPoint(fx, robot))));
        String template = fx.model.form().texts().get(Control.TEMPLATE);
        String cifar = fx.model.templatesProperty().get().all().stream().filter(t -> t.key().startsWith("cifar-d38")).findFirst()
                .orElseThrow().key();
        steps.add(new Step("template: CIFAR network", () -> robot.interact(() -> fx.model.form().text(Control.TEMPLATE).set(cifar))));
        steps.add(new Step("template: back", () -> robot.interact(() -> fx.model.form().text(Control.TEMPLATE).set(template))));
        steps.add(new Step("C = 720 up to 64 kernels (3,000+ designs)", () -> {
            ExplorerFixture.type(robot, Control.MAX_LAYERS, "64");
            ExplorerFixture.type(robot, Control.CHANNELS, "720");
        }));
        steps.add(new Step("sort 3,000+ rows by params", () -> {
            Node header = robot.from(ExplorerFixture.table(robot)).lookup(".column-header .label")
                    .match((Node n) -> n instanceof Label l && l.getText().equals("params")).query();
            robot.clickOn(header).clickOn(header);
        }));
        steps.add(new Step("only balanced on, off", () -> {
            robot.clickOn("#" + Control.ONLY_BALANCED.key());
            robot.clickOn("#" + Control.ONLY_BALANCED.key());
        }));
        steps.add(new Step("back to C = 64, 8 kernels", () -> {
            ExplorerFixture.type(robot, Control.CHANNELS, "64");
            ExplorerFixture.type(robot, Control.MAX_LAYERS, "8");
        }));
        steps.add(new Step("export the charts as PNG", () -> {
            fx.dialogs.nextSave = fx.dir.resolve("charts-" + java.util.UUID.randomUUID() + ".png");
            robot.clickOn("#fileMenu").clickOn("#exportPng");
        }));
        return steps;
    }

    /** The screen position of the scatter's last design, away from the selection. */
    private static javafx.geometry.Point2D scatterPoint(ExplorerFixture fx, FxRobot robot) {
        PlotChart scatter = ExplorerFixture.chart(robot, "paretoChart");
        var data = fx.model.charts().scatterProperty().get();
        return ExplorerFixture.screenOf(scatter, data.rows().get(data.size() - 1));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void print(Map<String, Worst> worst, int rounds, double loadBefore, double loadAfter) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("# the explorer's FX thread, headless (Monocle, software rendering), %d rounds after a warm-up; "
                + "%d cores, 1-minute load average %.2f before, %.2f after%s%n", rounds, cores, loadBefore, loadAfter,
                Math.max(loadBefore, loadAfter) > 0.5 * cores ? " (a busy machine: the clock figures include waiting for a core)" : "");
        System.out.printf("%-44s %16s %16s %12s%n", "interaction (largest over the rounds)", "busy ms (CPU)", "busy ms (clock)", "waited ms");
        Worst all = new Worst();
        worst.forEach((name, w) -> {
            System.out.printf("%-44s %16.1f %16.1f %12.1f%n", name, w.busy, w.elapsed, w.waited);
            all.busy = Math.max(all.busy, w.busy);
            all.elapsed = Math.max(all.elapsed, w.elapsed);
            all.waited = Math.max(all.waited, w.waited);
        });
        System.out.printf("FX thread busy at most %.1f ms at a stretch (processor time; goal: under 100 ms), %.1f ms by the clock; "
                + "tasks posted to it waited at most %.1f ms (rendering included)%n", all.busy, all.elapsed, all.waited);
    }
}
