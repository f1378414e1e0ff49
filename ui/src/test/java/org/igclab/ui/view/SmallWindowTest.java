package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.igclab.ui.model.Control;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window at 1024x700, the smallest size the guide promises: nothing cut, nothing lost. */
@ExtendWith(ApplicationExtension.class)
class SmallWindowTest {
    private ExplorerFixture fx;
    private final Gate gate = new Gate();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ExplorerFixture.freshDir();
        Map<Control, String> initial = ExplorerFixture.withWidths("16, 256");
        initial.put(Control.TEMPLATE, "cifar-d11-1x28-k10");
        fx = ExplorerFixture.show(stage, dir, initial, gate, ExplorerFixture.NEVER, 1024, 700);
    }

    @AfterEach
    void close() {
        gate.release.countDown();
        fx.model.close();
    }

    /** Defect 4: with training ticked the labels read "epo...", "ima...", and while it ran both buttons read "...". */
    @Test
    void theEvaluationBarCutsNothingWhileTrainingRuns(FxRobot robot) throws Exception {
        fx.awaitIdle();
        Parent bar = robot.lookup("#evaluationBar").queryAs(Parent.class);
        fx.interact(() -> robot.clickOn("#evalTraining"));
        assertThat(Layouts.elided(bar)).isEmpty();
        robot.clickOn("#evaluate");
        assertThat(gate.started.await(60, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx.model.evaluation().messageProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Layouts.elided(bar)).isEmpty();
        assertThat(Layouts.narrowFields(bar)).isEmpty();
        gate.release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx.model.evaluation().runningProperty().get());
    }

    /** Defect 8: at 1024x700 the detail title lost its start, legend entries vanished, spinners showed "6.". */
    @Test
    void atTheSmallestSizeNoLabelLegendOrFieldIsCut(FxRobot robot) throws Exception {
        fx.awaitIdle();
        Parent root = fx.window.root();
        assertThat(Layouts.elided(root)).isEmpty();
        assertThat(Layouts.narrowFields(root)).isEmpty();
        for (String id : new String[] {"lengthChart", "paretoChart", "budgetChart"}) {
            PlotChart chart = ExplorerFixture.chart(robot, id);
            ChartPane pane = (ChartPane) chart.getParent();
            for (Node entry : ChartPane.legendEntries(pane)) {
                assertThat(entry.isVisible()).isTrue();
                assertThat(Layouts.inside(entry, pane)).as(id + " legend entry").isTrue();
            }
        }
        Node name = robot.lookup("#detailName").query();
        assertThat(Layouts.inside(name, fx.window.detail())).isTrue();
        assertThat(robot.lookup("#pathOutput").query().isVisible()).isTrue();
    }

    /** At 1024x700 the table scrolled sideways: its default columns now fit, the least needed left out (a header's menu shows them). */
    @Test
    void atTheSmallestSizeTheTableShowsItsColumnsWithoutScrolling(FxRobot robot) throws Exception {
        fx.awaitIdle();
        javafx.scene.control.TableView<?> table = ExplorerFixture.table(robot);
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        var sideways = robot.lookup("#designs .scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class).stream()
                .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).findFirst().orElseThrow();
        assertThat(sideways.isVisible()).as("columns %s px in a table %s px wide", columns, table.getWidth()).isFalse();
        assertThat(table.getVisibleLeafColumns()).extracting(javafx.scene.control.TableColumn::getId)
                .contains("column-K", "column-params", "column-MACs");
        assertThat(Layouts.elided(table)).isEmpty();
    }
}
