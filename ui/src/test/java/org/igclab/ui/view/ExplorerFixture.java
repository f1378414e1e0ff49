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

    /** Types into a control as a user would: click it, select what is there, type over it. */
    static void type(FxRobot robot, Control control, String text) {
        TextField field = robot.lookup("#" + control.key()).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
        assertThat(field.getText()).isEqualTo(text);
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
