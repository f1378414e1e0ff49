package org.igclab.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.TimingPolicy;
import org.junit.jupiter.api.Test;

/** The profiled tree computes what the network computes, and reports every operation in execution order. */
class OpProfileTest {
    private static ResolvedNetwork sample() throws IOException {
        Path file = Path.of("..", "samples", "networks", "fashion-igcv2-small.json");
        return ShapeInference.resolve(DesignInputs.read(file).network(28));
    }

    @Test
    void theTimedTreeGivesTheDesignedOutputAndTimesEveryOperation() throws IOException {
        try (Instantiation inst = Instantiation.of(sample(), 7); NoGrad off = NoGrad.enter();
             NDManager pass = inst.manager().newSubManager()) {
            long[] sink = new long[inst.djl().mapped().size()];
            Block timed = OpProfile.timedTree(inst, sink);
            ParameterStore store = new ParameterStore(pass, false);
            NDArray x = pass.randomUniform(0f, 1f, Instantiation.batchShape(inst.network().spec().input(), 2));
            float[] designed = inst.block().forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] profiled = timed.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
            assertThat(profiled).containsExactly(designed);
            assertThat(Arrays.stream(sink).filter(ns -> ns <= 0).count()).as("operations the clock did not see").isZero();
        }
    }

    @Test
    void aProfileHasOneFigurePerOperationInExecutionOrder() throws IOException {
        ResolvedNetwork network = sample();
        try (Instantiation inst = Instantiation.of(network, 7)) {
            TimingPolicy policy = TimingPolicy.defaults().withRuns(3, 5).withMaxSeconds(1).withMaxWarmup(2);
            OpProfile.Result r = OpProfile.measure(inst, 1, policy, InterferenceRule.defaults(), d -> { }, () -> false);
            assertThat(r.ops()).containsExactlyElementsOf(network.ops());
            assertThat(r.opMs()).hasSize(network.ops().size());
            assertThat(Arrays.stream(r.opMs()).filter(ms -> !(ms > 0 && Double.isFinite(ms))).count()).as("operations without a time").isZero();
            assertThat(r.pass().runs()).isBetween(3, 5);
            assertThat(r.pass().medianMs()).isPositive();
        }
    }
}
