package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.igclab.runtime.evaluate.StoredEvaluation;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.igclab.runtime.store.RunRecord;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.RuntimeEvaluations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A latency evaluation in the real engine (DJL, PyTorch on the CPU), started and cancelled from the window. */
@ExtendWith(ApplicationExtension.class)
class EvaluationCancelTest {
    private ExplorerFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ExplorerFixture.freshDir();
        Map<Control, String> initial = new EnumMap<>(Control.class);
        initial.put(Control.CHANNELS, "16");
        // far more passes than the test waits for, each slow enough (a 1024x1024 input) that the warm-up and the
        // timing to a 3% interval take seconds: the cancel comes first
        initial.put(Control.RUNS, "1000000");
        initial.put(Control.RESOLUTION, "1024");
        fx = ExplorerFixture.show(stage, dir, initial, new RuntimeEvaluations());
    }

    @Test
    void anEvaluationCanBeCancelled(FxRobot robot) throws Exception {
        fx.awaitIdle();
        ProgressBar progress = robot.lookup("#evaluationProgress").queryAs(ProgressBar.class);
        Button evaluate = robot.lookup("#evaluate").queryButton();
        fx.interact(() -> {
            robot.clickOn(evaluate);
            assertThat(evaluate.isDisabled()).isTrue();
            // the engine loads and the warm-up passes run before the first timed pass moves the bar
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> progress.getProgress() > 0);
            robot.clickOn("#cancelEvaluation");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !fx.model.evaluation().runningProperty().get());
        });
        assertThat(robot.lookup("#evaluationMessage").queryAs(Label.class).getText()).startsWith("cancelled");
        assertThat(evaluate.isDisabled()).isFalse();
        try (ResultStore store = ResultStore.open(fx.dir.resolve("results.db"))) {
            List<RunRecord> runs = store.list(new RunQuery(StoredEvaluation.KIND, null, null, 0));
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).status()).isEqualTo(ResultStore.INTERRUPTED);
            assertThat(runs.get(0).latency()).isEmpty();
            assertThat(runs.get(0).designName()).isEqualTo(fx.model.detail().subjectProperty().get().name());
        }
        fx.model.close();
    }
}
