package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
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

    /**
     * A typing pause no test reaches: a typed value is applied by Enter or by leaving the field, as {@link #type} does,
     * so that no valid prefix of it is applied on the way, however slowly a busy machine types.
     */
    static final Duration NEVER = Duration.ofHours(1);

    /**
     * Closes the model and hides every popup (tooltips, context menus) and extra window the test left showing: they would
     * otherwise stay over the next test's window, which reuses the stage, and take its clicks.
     */
    void close() throws Exception {
        model.close();
        WaitForAsyncUtils.asyncFx(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != window.root().getScene().getWindow()).forEach(javafx.stage.Window::hide)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A folder of its own for a test's settings and results store. */
    static Path freshDir() throws java.io.IOException {
        return java.nio.file.Files.createDirectories(Path.of("target", "explorer-tests", java.util.UUID.randomUUID().toString()));
    }

    /** Starting controls with the more widths of the L chart set. */
    static Map<Control, String> withWidths(String widths) {
        Map<Control, String> initial = new java.util.EnumMap<>(Control.class);
        initial.put(Control.WIDTHS, widths);
        return initial;
    }

    /** Shows the explorer on the stage (call from {@code @Start}, on the FX thread). */
    static ExplorerFixture show(Stage stage, Path dir, Map<Control, String> initial, Evaluations evaluations) {
        return show(stage, dir, initial, evaluations, NEVER, 1280, 800);
    }

    /** Shows the explorer with a typing pause, in a window of a size. */
    static ExplorerFixture show(Stage stage, Path dir, Map<Control, String> initial, Evaluations evaluations, Duration typingPause,
                                double width, double height) {
        ExplorerContext context = new ExplorerContext(new SettingsStore(dir.resolve("settings.json")), true, initial,
                dir.resolve("results.db"), NetworkTemplates.load(SAMPLES.resolve("networks")), evaluations, Platform::runLater)
                .withTypingPause(typingPause);
        ExplorerModel model = new ExplorerModel(context);
        RecordingDialogs dialogs = new RecordingDialogs();
        ExplorerWindow window = new ExplorerWindow(model, dialogs);
        ExplorerFixture f = new ExplorerFixture(dir, model, window, dialogs);
        stage.setScene(window.scene(width, height));
        stage.show();
        model.start();
        return f;
    }

    /**
     * Waits until every computation is done and shown, then for one more pulse of layout. The limit only stops a hung
     * test: on a loaded machine the largest enumeration here takes tens of seconds.
     */
    void awaitIdle() throws Exception {
        assertThat(model.awaitIdle(Duration.ofMinutes(5))).as("the explorer became idle").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean warm;

    /** An interaction with the window. */
    @FunctionalInterface
    interface Interaction {
        void run() throws Exception;
    }

    /**
     * Runs the interaction once the explorer is idle, then waits until everything it started is done and shown. How
     * long the FX thread works meanwhile is a benchmark's figure ({@link FxResponsivenessBench}), never a test's.
     */
    void interact(Interaction interaction) throws Exception {
        awaitIdle();
        interaction.run();
        awaitIdle();
    }

    /** Types into a control as a user would: click it, select what is there, type over it, press Enter. */
    static void type(FxRobot robot, Control control, String text) {
        typeOnly(robot, control, text);
        robot.type(javafx.scene.input.KeyCode.ENTER);
    }

    /** Types into a control without Enter: the value waits for the typing pause. */
    static void typeOnly(FxRobot robot, Control control, String text) {
        TextField field = robot.lookup("#" + control.key()).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        if (text.isEmpty()) {
            robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        assertThat(field.getText()).isEqualTo(text);
    }

    /** A chart's view. */
    static PlotChart chart(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(PlotChart.class);
    }

    /** The designs a scatter draws: every dot that stands for designs, counted with the designs it stands for. */
    static int designsDrawn(PlotChart chart) {
        return chart.plot().marks().stream().filter(m -> m instanceof org.igclab.ui.model.plot.Mark.Dot d && !d.hollow()
                && !d.keys().isEmpty()).mapToInt(m -> ((org.igclab.ui.model.plot.Mark.Dot) m).count()).sum();
    }

    /** Where a design is drawn on a scatter, on the screen. */
    static javafx.geometry.Point2D screenOf(PlotChart chart, DesignRow row) {
        PlotChart.Hit hit = chart.hits().stream().filter(h -> h.mark() instanceof org.igclab.ui.model.plot.Mark.Dot d
                && d.keys().contains(row)).findFirst().orElseThrow();
        return chart.canvas().localToScreen(hit.x(), hit.y());
    }

    /**
     * Runs the window through its paths once per JVM, so that later interactions find the JIT's code compiled (a cold
     * JVM's first charts and table updates take several times longer, once) and their classes loaded.
     */
    void warmUp(FxRobot robot) throws Exception {
        if (warm) {
            return;
        }
        awaitIdle();
        Map<Control, String> before = model.form().texts();
        String[][] steps = {{"channels", "128"}, {"logX", "false"}, {"channels", "64"}, {"logX", "true"},
            {"nameFilter", "K=4"}, {"nameFilter", ""}};
        for (int round = 0; round < 3; round++) {
            for (String[] step : steps) {
                Control c = Control.byKey(step[0]).orElseThrow();
                robot.interact(() -> {
                    model.form().text(c).set(step[1]);
                    model.commit();
                });
                awaitIdle();
            }
            for (int i = 0; i < 4; i++) {
                int row = i;
                robot.interact(() -> model.select(model.shown().get(row)));
                awaitIdle();
            }
            robot.moveTo("#paretoChart").moveTo("#designs").moveTo("#detailTabs").moveTo("#lengthChart");
            // the menu's popup and typing are first used by the tests too: their classes load here
            robot.clickOn("#fileMenu").push(javafx.scene.input.KeyCode.ESCAPE);
            robot.clickOn("#nameFilter").write("K").eraseText(1);
            awaitIdle();
        }
        for (Control c : List.of(Control.CHANNELS, Control.LOG_X, Control.NAME_FILTER)) {
            robot.interact(() -> {
                model.form().text(c).set(before.get(c));
                model.commit();
            });
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
