package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.ui.model.Axis;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignRow;
import org.igclab.ui.model.NetworkTemplate;
import org.igclab.ui.model.SyntheticCalibration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** latency_pred in the window, at the smallest size: the table's column, the scatter's axis; the columns the user chooses. */
@ExtendWith(ApplicationExtension.class)
class PredictedLatencyTest {
    private ExplorerFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ExplorerFixture.freshDir();
        // a calibration of this machine, on the operations of some of the designs the window shows first
        var designs = ChainEnumerator.enumerate(new EnumerationOptions(64, 1, 4, FirstKernel.CHANNEL_WISE, 1, Integer.MAX_VALUE, 3, 32, false),
                ProgressListener.NONE);
        SyntheticCalibration.write(dir.resolve("results.db"), MachineInfo.fingerprint(),
                designs.stream().map(d -> NetworkTemplate.BLOCK.design(d.shape()).network(32)).toList());
        fx = ExplorerFixture.show(stage, dir, new EnumMap<>(Control.class), (d, r, s, st, p, c) -> "not used", ExplorerFixture.NEVER, 1024, 700);
        // the first result comes later, on this thread: every phase the status bar shows while predicting is heard
        fx.model.predicting().phaseProperty().addListener((o, was, now) -> phases.add(now));
    }

    private final List<String> phases = new java.util.ArrayList<>();

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    @Test
    void everyDesignIsPredictedInTheTableAndOnTheScatterAndTheUserChoosesTheColumns(FxRobot robot) throws Exception {
        fx.awaitIdle();
        TableView<DesignRow> table = ExplorerFixture.table(robot);
        TableColumn<DesignRow, ?> predicted = table.getColumns().stream().filter(c -> "column-latencypredms".equals(c.getId())).findFirst()
                .orElseThrow();
        assertThat(predicted.isVisible()).isTrue();
        assertThat(((Label) predicted.getGraphic()).getText()).isEqualTo("latency_pred\n(ms)");
        assertThat(table.getItems()).isNotEmpty().allMatch(r -> r.predictedMs() > 0);
        // predicting showed its progress in the status bar, to the last design, and then went away
        assertThat(phases).contains(String.format("predicting latency: %,d of %,d", table.getItems().size(), table.getItems().size()));
        assertThat(robot.lookup("#predicting").query().getParent().isVisible()).isFalse();
        // nothing is cut: the table does not scroll sideways, the scatter's axis label fits its axis
        assertThat(robot.from(table).lookup(".scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class))
                .filteredOn(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).isNotEmpty().allMatch(b -> !b.isVisible());

        fx.interact(() -> robot.interact(() -> fx.model.form().text(Control.Y_AXIS).set(Axis.LATENCY_PRED.key())));
        var scatter = fx.model.charts().scatterProperty().get();
        assertThat(scatter.size()).isEqualTo(fx.model.shown().size());
        assertThat(ExplorerFixture.chart(robot, "paretoChart").plot().y().label()).isEqualTo("predicted latency (ms)");
        var yAxis = ExplorerFixture.chart(robot, "paretoChart").yAxis();
        javafx.scene.control.Label yLabel = (javafx.scene.control.Label) yAxis.lookup(".axis-label");
        assertThat(yLabel.getText()).startsWith("predicted");
        assertThat(((javafx.scene.text.Text) yLabel.lookup(".text")).getText()).as("the label as drawn").isEqualTo(yLabel.getText());

        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve("predicted-1024x700.png");
        ImageIO.write(WaitForAsyncUtils.asyncFx(() -> SwingFXUtils.fromFXImage(fx.window.root().getScene().snapshot(null), null)).get(),
                "png", out.toFile());

        // a narrow table leaves out the least needed columns, but never the prediction; the user chooses in the header's menu
        assertThat(List.copyOf(table.getVisibleLeafColumns())).contains(predicted).extracting(TableColumn::getId)
                .contains("column-K", "column-params", "column-MACs").doesNotContain("column-imbalance", "column-front");
        fx.interact(() -> choose(robot, "column-imbalance"));
        assertThat(table.getVisibleLeafColumns()).extracting(TableColumn::getId).contains("column-imbalance");
        fx.interact(() -> choose(robot, "column-latencypredms"));
        assertThat(predicted.isVisible()).isFalse();
        // the choices outlast a new result
        fx.interact(() -> ExplorerFixture.type(robot, Control.CHANNELS, "32"));
        assertThat(table.getVisibleLeafColumns()).extracting(TableColumn::getId).contains("column-imbalance").doesNotContain("column-latencypredms");
    }

    /** Cancel (the menu's, Esc) stops the latency predictions as the status bar's Cancel does: no design is predicted late. */
    @Test
    void cancelStopsThePredictionsAndTheNewDesignsStayUnpredicted(FxRobot robot) throws Exception {
        fx.awaitIdle();
        assertThat(fx.model.shown()).isNotEmpty().allMatch(r -> r.predicted() != null);
        // cancelled on the FX thread in the very update that shows the first design predicted: it cannot finish first
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> fx.model.predicting().phaseProperty().addListener((o, was, now) -> {
            if (now.startsWith("predicting latency") && cancelled.compareAndSet(false, true)) {
                fx.model.cancel();
            }
        }));
        fx.interact(() -> ExplorerFixture.type(robot, Control.CHANNELS, "32"));
        assertThat(cancelled).isTrue();
        assertThat(fx.model.predicting().computingProperty().get()).isFalse();
        // the exploration's result stands; only its predictions were stopped
        assertThat(fx.model.form().get(Control.CHANNELS)).isEqualTo("32");
        assertThat(fx.model.shown()).isNotEmpty().allMatch(r -> r.design().shape().channels() == 32 && r.predicted() == null);
        assertThat(fx.model.noticeProperty().get()).startsWith("cancelled: predicting latency");
        assertThat(robot.lookup("#predicting").query().getParent().isVisible()).isFalse();
    }

    /** Right-clicks a header and clicks a column's entry in the menu, as a user would. */
    private static void choose(FxRobot robot, String columnId) {
        robot.rightClickOn(ExplorerFixture.table(robot).getColumns().stream().filter(c -> "column-params".equals(c.getId())).findFirst()
                .orElseThrow().getGraphic());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#show-" + columnId);
    }
}
