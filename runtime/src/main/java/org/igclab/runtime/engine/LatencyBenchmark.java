package org.igclab.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
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
        try (NoGrad off = NoGrad.enter()) {
            ParameterStore store = new ParameterStore(inst.manager(), false);
            AdaptiveTiming.Passes pass = () -> {
                try (NDManager scope = inst.manager().newSubManager()) {
                    NDArray x = scope.randomUniform(0f, 1f, Instantiation.batchShape(inst.network().spec().input(), batch));
                    long wall = System.nanoTime();
                    long cpu = AdaptiveTiming.threadCpuNanos();
                    inst.block().forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                    long cpuAfter = AdaptiveTiming.threadCpuNanos();
                    long wallAfter = System.nanoTime();
                    // without a per-thread CPU clock every pass counts as undisturbed: the load average still applies
                    return new AdaptiveTiming.Pass(wallAfter - wall, cpu < 0 ? wallAfter - wall : cpuAfter - cpu);
                }
            };
            AdaptiveTiming.Timing t = AdaptiveTiming.measure(policy, rule, AdaptiveTiming.Environment.system(), pass, cancelled, progress);
            Threads.Counts threads = Threads.current();
            return LatencyStats.of(execution, batch, threads.intra(), threads.interop(), t);
        }
    }
}
