package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.igclab.ui.FxBusyMonitor;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignRow;
import org.igclab.ui.model.Evaluations;
import org.igclab.ui.model.ExplorerContext;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.NetworkTemplates;
import org.igclab.ui.model.SettingsStore;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The explorer on a test stage, with its settings, store and dialogs in a temporary folder. */
final class ExplorerFixture {
    static final Path SAMPLES = Path.of("..", "samples");

    final Path dir;
    final ExplorerModel model;
    final ExplorerWindow window;
    final RecordingDialogs dialogs;

    private ExplorerFixture(Path dir, ExplorerModel model, ExplorerWindow window, RecordingDialogs dialogs) {
        this.dir = dir;
        this.model = model;
        this.window = window;
        this.dialogs = dialogs;
    }

    /** Shows the explorer on the stage (call from {@code @Start}, on the FX thread). */
    static ExplorerFixture show(Stage stage, Path dir, Map<Control, String> initial, Evaluations evaluations) {
        ExplorerContext context = new ExplorerContext(new SettingsStore(dir.resolve("settings.json")), true, initial,
                dir.resolve("results.db"), NetworkTemplates.load(SAMPLES.resolve("networks")), evaluations, Platform::runLater);
        ExplorerModel model = new ExplorerModel(context);
        RecordingDialogs dialogs = new RecordingDialogs();
        ExplorerWindow window = new ExplorerWindow(model, dialogs);
        ExplorerFixture f = new ExplorerFixture(dir, model, window, dialogs);
        stage.setScene(window.scene(1280, 800));
        stage.show();
        model.start();
        return f;
    }

    /** Waits until every computation is done and shown, then for one more pulse of layout. */
    void awaitIdle() throws Exception {
        assertThat(model.awaitIdle(Duration.ofSeconds(60))).as("the explorer became idle").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The most the FX thread may work at a stretch: beyond it a user notices the window freeze. */
    static final double BUSY_LIMIT_MS = 100;
    /**
     * The most one run of the FX thread may last by the clock, waiting for a processor included: a guard against
     * gross stalls that stays clear of what a loaded two-core machine adds to a run well under the busy limit.
     */
    static final double ELAPSED_LIMIT_MS = 250;
    private static boolean warm;
    private static final java.util.concurrent.atomic.AtomicLong LONGEST = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong LONGEST_ELAPSED = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong LONGEST_WAIT = new java.util.concurrent.atomic.AtomicLong();

    /** An interaction with the window. */
    @FunctionalInterface
    interface Interaction {
        void run() throws Exception;
    }

    /**
     * Runs the interaction and checks that the FX thread never worked for {@link #BUSY_LIMIT_MS} at a stretch;
     * returns that longest stretch. How long tasks waited for it (rendering included) is printed beside it.
     */
    double responsive(Interaction interaction) throws Exception {
        awaitIdle();
        double busy;
        double elapsed;
        try (FxBusyMonitor monitor = FxBusyMonitor.start()) {
            interaction.run();
            awaitIdle();
            busy = monitor.busyMillis();
            elapsed = monitor.busyElapsedMillis();
            assertThat(monitor.samples()).isPositive();
            System.out.printf("FX thread busy at most %.1f ms at a stretch (%.1f ms by the clock); tasks waited at most %.1f ms%n",
                    busy, monitor.busyElapsedMillis(), monitor.unansweredMillis());
            LONGEST_ELAPSED.accumulateAndGet(Math.round(monitor.busyElapsedMillis() * 10), Math::max);
            LONGEST_WAIT.accumulateAndGet(Math.round(monitor.unansweredMillis() * 10), Math::max);
            if (busy >= BUSY_LIMIT_MS || monitor.busyElapsedMillis() >= ELAPSED_LIMIT_MS) {
                System.out.println(monitor.busyReport());
            }
        }
        LONGEST.accumulateAndGet(Math.round(busy * 10), Math::max);
        assertThat(busy).as("longest time the FX thread was busy, ms").isLessThan(BUSY_LIMIT_MS);
        assertThat(elapsed).as("longest run of the FX thread by the clock, ms").isLessThan(ELAPSED_LIMIT_MS);
        return busy;
    }

    /** What the interactions measured so far, in one line. */
    static String summary() {
        return String.format("FX thread busy at most %.1f ms at a stretch (%.1f ms by the clock); tasks waited for it at most %.1f ms",
                LONGEST.get() / 10.0, LONGEST_ELAPSED.get() / 10.0, LONGEST_WAIT.get() / 10.0);
    }

    /**
     * Runs the window through its paths once per test run, so that the measured interactions find the JIT's code
     * compiled: a cold JVM's first charts and table updates take several times longer, once.
     */
    void warmUp(FxRobot robot) throws Exception {
        if (warm) {
            return;
        }
        awaitIdle();
        Map<Control, String> before = model.form().texts();
        String[][] steps = {{"channels", "128"}, {"logScale", "false"}, {"channels", "64"}, {"logScale", "true"},
            {"nameFilter", "K=4"}, {"nameFilter", ""}};
        for (int round = 0; round < 3; round++) {
            for (String[] step : steps) {
                Control c = Control.byKey(step[0]).orElseThrow();
                robot.interact(() -> model.form().text(c).set(step[1]));
                awaitIdle();
            }
            for (int i = 0; i < 4; i++) {
                int row = i;
                robot.interact(() -> model.select(model.shown().get(row)));
                awaitIdle();
            }
            robot.moveTo("#paretoChart").moveTo("#designs").moveTo("#wiring").moveTo("#lengthChart");
            // the menu's popup and typing are first used by the tests too: their classes load here
            robot.clickOn("#fileMenu").push(javafx.scene.input.KeyCode.ESCAPE);
            robot.clickOn("#nameFilter").write("K").eraseText(1);
            awaitIdle();
        }
        for (Control c : List.of(Control.CHANNELS, Control.LOG_SCALE, Control.NAME_FILTER)) {
            robot.interact(() -> model.form().text(c).set(before.get(c)));
        }
        awaitIdle();
        warm = true;
    }

    @SuppressWarnings("unchecked")
    static TableView<DesignRow> table(FxRobot robot) {
        return robot.lookup("#designs").queryAs(TableView.class);
    }

    /** Clicks a design's row in the table, scrolling to it first. */
    static void clickRow(FxRobot robot, DesignRow row) {
        TableView<DesignRow> table = table(robot);
        robot.interact(() -> table.scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> cell = robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.getItem() == row).query();
        robot.clickOn(cell);
    }
}
