package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignRow;
import org.igclab.ui.model.plot.Mark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The defects a demanding first user met, each in the scenario that showed it: the focus after an evaluation, typed
 * prefixes, the evaluation's progress, the default scatter, the charts' margins, the table's order and names.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerDefectsTest {
    private ExplorerFixture fx;
    private final Gate gate = new Gate();
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = ExplorerFixture.freshDir();
        Map<Control, String> initial = ExplorerFixture.withWidths("16, 256");
        fx = ExplorerFixture.show(stage, dir, initial, gate);
    }

    @AfterEach
    void close() {
        gate.release.countDown();
        fx.model.close();
    }

    private Node focused() {
        return stage.getScene().getFocusOwner();
    }

    /** Defect 1: the focus jumped into "Width C", its text selected, when an evaluation ended. */
    @Test
    void theNextKeystrokeAfterAnEvaluationDoesNotReplaceTheWidth(FxRobot robot) throws Exception {
        fx.awaitIdle();
        Button evaluate = robot.lookup("#evaluate").queryButton();
        robot.clickOn(evaluate);
        assertThat(gate.started.await(60, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).as("while it runs, the focus is on Cancel").isSameAs(robot.lookup("#cancelEvaluation").query());
        gate.release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx.model.evaluation().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).isSameAs(evaluate);
        fx.interact(() -> robot.type(KeyCode.DIGIT5));
        assertThat(fx.model.form().get(Control.CHANNELS)).isEqualTo("64");
        assertThat(robot.lookup("#channels").queryAs(TextField.class).isFocused()).isFalse();
        // and after a cancel (of a run that waits again)
        gate.release = new java.util.concurrent.CountDownLatch(1);
        robot.clickOn(evaluate);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx.model.evaluation().runningProperty().get());
        robot.clickOn("#cancelEvaluation");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx.model.evaluation().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).isSameAs(evaluate);
    }

    /** Defect 2: every valid prefix of a typed number was applied (100000 over 4096 showed C = 1000). */
    @Test
    void aTypedValueIsAppliedWhenCompleteAndAnInvalidOneKeepsTheLastView(FxRobot robot) throws Exception {
        fx.awaitIdle();
        TableView<DesignRow> table = ExplorerFixture.table(robot);
        fx.interact(() -> ExplorerFixture.typeOnly(robot, Control.CHANNELS, "100000"));
        assertThat(robot.lookup("#channelsError").queryAs(Label.class).getText()).isEqualTo("must be at most 4096");
        assertThat(table.getItems()).isNotEmpty().allMatch(r -> r.design().shape().channels() == 64);
        fx.interact(() -> robot.type(KeyCode.ENTER));
        assertThat(table.getItems()).allMatch(r -> r.design().shape().channels() == 64);
        assertThat(fx.model.resultProperty().get().request().options().channels()).isEqualTo(64);

        // typed, not yet complete: nothing happens; Enter applies it
        // (not through interact: the typed value waits out its typing pause, so the explorer is not idle until Enter)
        ExplorerFixture.typeOnly(robot, Control.CHANNELS, "1000");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx.model.resultProperty().get().request().options().channels()).isEqualTo(64);
        robot.type(KeyCode.ENTER);
        fx.awaitIdle();
        assertThat(table.getItems()).isNotEmpty().allMatch(r -> r.design().shape().channels() == 1000);

        // "16, abc" would have dropped the 256 curve on the way ("16" is valid): the curves stay until it is fixed
        fx.interact(() -> ExplorerFixture.type(robot, Control.WIDTHS, "16, abc"));
        assertThat(robot.lookup("#compareWidthsError").queryAs(Label.class).getText()).isEqualTo("'abc' is not a whole number");
        assertThat(ExplorerFixture.chart(robot, "lengthChart").plot().legend().stream().map(e -> e.text()).toList())
                .startsWith("C = 1000", "C = 16", "C = 256");
        // leaving the field applies a complete value too
        fx.interact(() -> {
            ExplorerFixture.typeOnly(robot, Control.WIDTHS, "48");
            robot.clickOn("#designs");
        });
        assertThat(ExplorerFixture.chart(robot, "lengthChart").plot().legend().stream().map(e -> e.text()).toList())
                .startsWith("C = 1000", "C = 48").doesNotContain("C = 256");
    }

    /** Defect 11: no pass count or time left beside the latency progress bar. */
    @Test
    void theProgressBarSaysWhichPassAndHowLongIsLeft(FxRobot robot) throws Exception {
        fx.awaitIdle();
        robot.clickOn("#evaluate");
        assertThat(gate.started.await(60, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#evaluationMessage").queryAs(Label.class).getText().startsWith("timed pass 3 of at most 30"));
        assertThat(robot.lookup("#evaluationMessage").queryAs(Label.class).getText()).contains("left");
        gate.release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx.model.evaluation().runningProperty().get());
    }

    /** Defect 5: the default scatter (parameters against MACs) put every design on one line, the front in one dot. */
    @Test
    void theDefaultScatterTellsDesignsApartAndDrawsItsFrontAsAStaircase(FxRobot robot) throws Exception {
        fx.awaitIdle();
        PlotChart scatter = ExplorerFixture.chart(robot, "paretoChart");
        assertThat(scatter.yAxis().getLabel()).isEqualTo("kernels L");
        Mark.Line front = scatter.plot().marks().stream().filter(m -> m instanceof Mark.Line).map(m -> (Mark.Line) m).findFirst().orElseThrow();
        assertThat(front.stepped()).isTrue();
        assertThat(front.xs().length).isGreaterThanOrEqualTo(3);
        // coincident designs are counted where they are drawn
        assertThat(scatter.plot().marks()).anyMatch(m -> m instanceof Mark.Dot d && d.count() > 1);
        // asked for the old axes, the chart says why they tell nothing
        fx.interact(() -> robot.interact(() -> fx.model.form().text(Control.Y_AXIS).set("macs")));
        Label note = robot.lookup("#paretoChartNote").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains("Every design lies on one line");
    }

    /** Defect 6: log axes floored to whole decades, so points at the corners showed a quarter of a dot; a line at 1 ms. */
    @Test
    void everyPointIsDrawnWholeInsideItsChart(FxRobot robot) throws Exception {
        fx.awaitIdle();
        for (String id : List.of("lengthChart", "paretoChart", "budgetChart")) {
            PlotChart chart = ExplorerFixture.chart(robot, id);
            assertThat(chart.hits()).as(id).isNotEmpty();
            for (PlotChart.Hit h : chart.hits()) {
                double r = h.mark() instanceof Mark.Dot d ? d.radius() : 6;
                assertThat(h.x()).as(id).isBetween(r, chart.canvas().getWidth() - r);
                assertThat(h.y()).as(id).isBetween(r, chart.canvas().getHeight() - r);
            }
            assertThat(chart.lookup(".chart-horizontal-zero-line").isVisible()).as(id).isFalse();
            assertThat(Layouts.elided(chart)).as(id).isEmpty();
        }
    }

    /** Defect 7: not cheapest first under a template, names that repeat K, rows that jump, a hidden design still shown. */
    @Test
    void theTableIsCheapestFirstNamesOnceAndKeepsItsRows(FxRobot robot) throws Exception {
        fx.awaitIdle();
        fx.interact(() -> robot.interact(() -> fx.model.form().text(Control.TEMPLATE).set("cifar-d38-3x32-k10")));
        TableView<DesignRow> table = ExplorerFixture.table(robot);
        assertThat(table.getItems().stream().map(DesignRow::params).toList()).isSorted();
        DesignRow spelled = table.getItems().stream().filter(r -> r.groupSizes().equals("16,2,2")).findFirst().orElseThrow();
        fx.interact(() -> ExplorerFixture.clickRow(robot, spelled));
        assertThat(robot.lookup("#detailName").queryAs(Label.class).getText()).contains("IGCV2 K=(16,2,2), C = 64")
                .doesNotContain("(16,2,2) (16,2,2)");
        assertThat(Layouts.elided(table)).isEmpty();

        // a measurement arrives: the row stays where it was, selected
        double before = rowY(robot, spelled);
        gate.store = db -> Measured.latency(db, fx.model.detail().subjectProperty().get().design(), 3.25, false);
        robot.clickOn("#evaluate");
        gate.release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx.model.evaluation().runningProperty().get());
        fx.awaitIdle();
        DesignRow now = fx.model.selectedProperty().get();
        assertThat(now.groupSizes()).isEqualTo("16,2,2");
        assertThat(now.latencyMs()).isEqualTo(3.25);
        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(now);
        assertThat(rowY(robot, now)).isEqualTo(before);

        // a name filter that hides the selected design clears the detail pane; clearing the filter brings it back
        fx.interact(() -> ExplorerFixture.type(robot, Control.NAME_FILTER, "IGCV1"));
        assertThat(table.getItems()).noneMatch(r -> r.groupSizes().equals("16,2,2"));
        assertThat(fx.model.selectedProperty().get()).isNull();
        assertThat(robot.lookup("#detailName").queryAs(Label.class).getText()).startsWith("Select a design");
        fx.interact(() -> ExplorerFixture.type(robot, Control.NAME_FILTER, ""));
        assertThat(fx.model.selectedProperty().get().groupSizes()).isEqualTo("16,2,2");
    }

    private static double rowY(FxRobot robot, DesignRow row) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableRow<?> cell = robot.lookup(".table-row-cell").match((javafx.scene.control.TableRow<?> r) -> r.getItem() instanceof DesignRow d
                && d.groupSizes().equals(row.groupSizes())).query();
        return cell.localToScene(0, 0).getY();
    }

    /** Defect 11: the primary width changed colour between charts; the Fashion-MNIST template was called a CIFAR skeleton. */
    @Test
    void eachWidthKeepsItsColourAndTemplatesAreNamedAfterTheirData(FxRobot robot) throws Exception {
        fx.awaitIdle();
        PlotChart length = ExplorerFixture.chart(robot, "lengthChart");
        assertThat(length.plot().legend().get(0).ink()).isEqualTo(org.igclab.ui.model.plot.Ink.PRIMARY);
        assertThat(ExplorerFixture.chart(robot, "budgetChart").plot().legend().get(0).ink()).isEqualTo(org.igclab.ui.model.plot.Ink.PRIMARY);
        var before = length.plot().legend().stream().filter(e -> e.text().equals("C = 256")).findFirst().orElseThrow().ink();
        fx.interact(() -> ExplorerFixture.type(robot, Control.CHANNELS, "16"));
        var after = ExplorerFixture.chart(robot, "lengthChart").plot().legend().stream().filter(e -> e.text().equals("C = 256"))
                .findFirst().orElseThrow().ink();
        assertThat(after).isEqualTo(before);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<String> template = robot.lookup("#template").queryAs(javafx.scene.control.ChoiceBox.class);
        assertThat(template.getItems().stream().map(k -> template.getConverter().toString(k)).toList())
                .contains("Fashion-MNIST, depth 11", "CIFAR-10, depth 38")
                .noneMatch(l -> l.contains("skeleton"));
    }
}
