package org.igclab.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.latency.AdaptiveTiming;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;

/**
 * Times forward passes in inference mode (no gradients) with {@link AdaptiveTiming}. Every pass runs in its own
 * sub-manager that is closed afterwards: DJL keeps intermediate arrays until their manager closes, and a long-lived
 * one made passes several times slower (measured here: see src/site/markdown/benchmarks.md). The input is drawn
 * before the clock starts; the clock stops once the output has been copied out, as a caller would wait for it.
 */
public final class LatencyBenchmark {

    private LatencyBenchmark() {
    }

    /**
     * @param progress  the share of this measurement done, in [0, 1]
     * @param cancelled polled between passes; when it turns true the measurement stops with what it has
     */
    public static LatencyStats measure(Instantiation inst, String execution, int batch, TimingPolicy policy, InterferenceRule rule,
                                       DoubleConsumer progress, BooleanSupplier cancelled) {
        return measure(inst.manager(), inst.block(), inst.network().spec().input(), execution, batch, policy, rule, progress, cancelled);
    }

    /** Times {@code block}'s inference passes on batches of {@code input}; arrays of each pass live in a sub-manager of {@code manager}. */
    public static LatencyStats measure(NDManager manager, Block block, TensorShape input, String execution, int batch, TimingPolicy policy,
                                       InterferenceRule rule, DoubleConsumer progress, BooleanSupplier cancelled) {
        try (NoGrad off = NoGrad.enter()) {
            ParameterStore store = new ParameterStore(manager, false);
            AdaptiveTiming.Passes pass = () -> {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.randomUniform(0f, 1f, Instantiation.batchShape(input, batch));
                    return timed(() -> block.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray());
                }
            };
            return time(execution, batch, pass, policy, rule, progress, cancelled);
        }
    }

    /** Times passes of any kind (the planner times training steps too) with the same loop, threads and figures. */
    public static LatencyStats time(String execution, int batch, AdaptiveTiming.Passes pass, TimingPolicy policy, InterferenceRule rule,
                                    DoubleConsumer progress, BooleanSupplier cancelled) {
        AdaptiveTiming.Timing t = AdaptiveTiming.measure(policy, rule, SpeedProbe.environment(rule), pass, cancelled, progress);
        Threads.Counts threads = Threads.current();
        return LatencyStats.of(execution, batch, threads.intra(), threads.interop(), t);
    }

    /** Wall and thread CPU time of some work; without a per-thread CPU clock the pass counts as undisturbed. */
    public static AdaptiveTiming.Pass timed(Runnable work) {
        long wall = System.nanoTime();
        long cpu = AdaptiveTiming.threadCpuNanos();
        work.run();
        long cpuAfter = AdaptiveTiming.threadCpuNanos();
        long wallAfter = System.nanoTime();
        return new AdaptiveTiming.Pass(wallAfter - wall, cpu < 0 ? wallAfter - wall : cpuAfter - cpu);
    }
}
