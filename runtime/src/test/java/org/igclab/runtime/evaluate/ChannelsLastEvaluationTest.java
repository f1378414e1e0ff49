package org.igclab.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.runtime.plan.Execution;
import org.igclab.runtime.plan.Layout;
import org.igclab.runtime.plan.PlanOutcome;
import org.junit.jupiter.api.Test;

/** Every inference plan run channels last computes what the design computes in NCHW, checked before it is timed. */
class ChannelsLastEvaluationTest {

    @Test
    void everyExecutionChannelsLastAgreesWithTheDesignAndSaysItsLayout() throws Exception {
        EvaluationSettings settings = EvaluatorTest.small(EvaluatorTest.NEVER_NOISY).withBatches(List.of(2)).withLayout(Layout.CHANNELS_LAST)
                .withExecutions(List.of(Execution.DESIGNED, Execution.FOLDED, Execution.MERGED, Execution.DENSE));
        EvaluationReport report = Evaluator.evaluate(DesignFiles.read(Path.of("..", "samples", "networks", "fashion-igcv2-small.json")),
                settings, ProgressListener.NONE, () -> false);
        assertThat(report.plans()).hasSize(4).allSatisfy(p -> {
            assertThat(p.layout()).isEqualTo(Layout.CHANNELS_LAST);
            assertThat(p.layouts()).as("one layout asked for: nothing compared").isEmpty();
            // even the design's own execution is compared: the layout alone could change what it computes
            assertThat(p.agreement().scale()).as("a real comparison").isPositive();
            assertThat(p.agreement().agrees()).isTrue();
            assertThat(p.latency()).isPresent();
        });
        assertThat(EvaluationView.text(report, settings)).contains("plan merged, batch 2, channels-last: agrees");
        assertThat(report.plans()).extracting(PlanOutcome::execution).containsExactly(Execution.DESIGNED, Execution.FOLDED, Execution.MERGED,
                Execution.DENSE);
    }
}
