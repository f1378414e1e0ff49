package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Defects 9 and 10: the widest widths (progress and cancel), the wiring of long and wide chains, the words explained. */
@ExtendWith(ApplicationExtension.class)
class WideWidthsTest {
    private ExplorerFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ExplorerFixture.freshDir();
        Map<Control, String> initial = ExplorerFixture.withWidths("16, 256");
        fx = ExplorerFixture.show(stage, dir, initial, (d, r, s, st, p, c) -> "not used", ExplorerFixture.NEVER, 1440, 900);
    }

    @AfterEach
    void close() {
        fx.model.close();
    }

    /** Defect 9: C = 4096 took a minute with only "computing..."; now a slow computation shows its progress and cancels. */
    @Test
    void aSlowComputationShowsItsProgressAndCancelsBackToTheValuesShown(FxRobot robot) throws Exception {
        fx.awaitIdle();
        fx.interact(() -> robot.interact(() -> {
            fx.model.form().text(Control.MAX_LAYERS).set("13");
            fx.model.commit();
        }));
        robot.interact(() -> fx.model.form().text(Control.TEMPLATE).set("cifar-d38-3x32-k10"));
        fx.awaitIdle();
        // Cancel is pressed on the FX thread in the very update that shows the costing phase, so however fast the machine
        // the computation cannot finish first (waiting for the label from the test thread raced with it)
        Button cancel = robot.lookup("#cancelComputing").queryAs(Button.class);
        AtomicReference<String> shown = new AtomicReference<>();
        robot.interact(() -> fx.model.progress().phaseProperty().addListener((o, was, now) -> {
            if (now.contains("costing the designs") && shown.compareAndSet(null, now)) {
                assertThat(cancel.isVisible() && !cancel.isDisabled()).as("Cancel offered while computing").isTrue();
                cancel.fire();
            }
        }));
        ExplorerFixture.type(robot, Control.CHANNELS, "4096");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shown.get() != null);
        assertThat(shown.get()).matches(".*: [0-9,]+ of [0-9,]+");
        fx.awaitIdle();
        assertThat(fx.model.form().get(Control.CHANNELS)).isEqualTo("64");
        assertThat(ExplorerFixture.table(robot).getItems()).allMatch(r -> r.design().shape().channels() == 64);
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).startsWith("cancelled");
        assertThat(robot.lookup("#computing").query().getParent().isVisible()).isFalse();
    }

    @Test
    void theWidestBlockIsListedWhole(FxRobot robot) throws Exception {
        fx.interact(() -> ExplorerFixture.type(robot, Control.CHANNELS, "4096"));
        int expected = ChainEnumerator.enumerate(new EnumerationOptions(4096, 1, 8, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 32, false),
                (d, t) -> { }).size();
        assertThat(ExplorerFixture.table(robot).getItems()).hasSize(expected);
        assertThat(ExplorerFixture.designsDrawn(ExplorerFixture.chart(robot, "paretoChart"))).isEqualTo(expected);
    }

    /** Defect 10: C = 64 with L = 7 merged into grey bands; C = 256 a green square without axes; words never explained. */
    @Test
    void wiringsAndMatricesAreReadableAndTheWordsExplained(FxRobot robot) throws Exception {
        fx.awaitIdle();
        DesignRow seven = ExplorerFixture.table(robot).getItems().stream().filter(r -> r.length() == 7).findFirst().orElseThrow();
        fx.interact(() -> ExplorerFixture.clickRow(robot, seven));
        WiringView wiring = robot.lookup("#wiring").queryAs(WiringView.class);
        // thirteen rows (the input, seven kernels, six permutations) with room between them: the drawing has its tab's height
        assertThat(wiring.rowSpacing()).isGreaterThan(20);
        assertThat(robot.lookup("#wiringNote").queryAs(Label.class).getText()).contains("W1", "P1", "permutation");
        // a dense kernel's 4,096 edges cannot be told apart: its groups are drawn as bands
        DesignRow dense = ExplorerFixture.table(robot).getItems().stream().filter(r -> r.groupSizes().equals("1,64")).findFirst().orElseThrow();
        fx.interact(() -> ExplorerFixture.clickRow(robot, dense));
        assertThat(wiring.banded(2)).isTrue();
        assertThat(wiring.banded(0)).isFalse();

        fx.interact(() -> ExplorerFixture.type(robot, Control.CHANNELS, "256"));
        assertThat(fx.model.detail().detailProperty().get().complementary().isStrict()).isTrue();
        PlotChart heat = ExplorerFixture.chart(robot, "heatMap");
        assertThat(heat.isVisible()).isTrue();
        assertThat(heat.xAxis().getLabel()).isEqualTo("input channel");
        assertThat(heat.yAxis().getLabel()).isEqualTo("output channel");
        assertThat(heat.getTitle()).isEqualTo("Path counts: exactly one path between every pair");
        assertThat(heat.plot().legend()).hasSize(3);

        for (TableColumn<DesignRow, ?> c : ExplorerFixture.table(robot).getColumns()) {
            Label header = (Label) c.getGraphic();
            assertThat(header.getTooltip()).as(header.getText()).isNotNull();
            assertThat(header.getTooltip().getText()).isNotBlank();
        }
        assertThat(robot.lookup("#channels").queryAs(javafx.scene.control.TextField.class).getTooltip().getText()).contains("channels");
        assertThat(robot.lookup("#includeLoose").queryAs(javafx.scene.control.CheckBox.class).getTooltip().getText()).contains("loose");

        // the reports have the pane's height to themselves
        fx.interact(() -> robot.clickOn("Conditions"));
        TextArea conditions = robot.lookup("#conditions").queryAs(TextArea.class);
        assertThat(conditions.getHeight() / (conditions.getFont().getSize() * 1.3)).as("lines shown").isGreaterThan(12);
    }
}
