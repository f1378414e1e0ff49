package org.igclab.runtime.calibrate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.NoGrad;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.latency.AdaptiveTiming;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;

/**
 * Times one primitive in DJL/PyTorch as a network's forward pass runs it: the operation built by the same
 * {@link DjlNetwork} a design is built with (a network of that one operation), in inference mode, each pass in its own
 * sub-manager on a fresh random input drawn before the clock starts. The clock stops when the operation returns: PyTorch
 * on the CPU computes eagerly, and inside a network the next operation reads the output where it lies.
 */
final class PrimitiveTiming {

    private PrimitiveTiming() {
    }

    /**
     * A timing, with the median of the timing thread's CPU time over the timed passes (all attempts): with one intra-op
     * thread PyTorch works on that thread, so its CPU time is the work without the waits a busy machine adds.
     *
     * @param stats the wall-clock timing
     * @param cpuMs the median CPU time of a pass
     */
    record Timed(LatencyStats stats, double cpuMs) {
    }

    /** The median and spread of a pass of {@code batch} images through {@code p}. */
    static Timed time(Primitive p, int batch, TimingPolicy policy, InterferenceRule rule, BooleanSupplier cancelled) {
        Shape input = new Shape(batch, p.in().channels(), p.in().height(), p.in().width());
        if (p.op().isPresent()) {
            Network one = new Network(p.key(), p.in(), List.of(new LayerSpec.OpSpec("op", p.op().get())));
            try (Instantiation inst = Instantiation.of(ShapeInference.resolve(one), 1)) {
                return forward(inst, batch, policy, rule, cancelled);
            }
        }
        try (NoGrad off = NoGrad.enter()) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Primitive.Kind kind = p.kind();
                Shape factors = new Shape(batch, p.in().channels(), 1, 1);
                return time(manager, scope -> {
                    NDArray x = scope.randomUniform(0f, 1f, input);
                    NDArray y = scope.randomUniform(0f, 1f, kind == Primitive.Kind.MUL ? factors : input);
                    return switch (kind) {
                        case ADD -> () -> x.add(y);
                        case MUL -> () -> x.mul(y);
                        case CONCAT -> () -> NDArrays.concat(new NDList(x, y), 1);
                        default -> throw new IllegalStateException(kind + " is an operation");
                    };
                }, batch, policy, rule, cancelled);
            }
        }
    }

    /** Forward passes of an instantiated network (one operation, or a whole design), in inference mode. */
    static Timed forward(Instantiation inst, int batch, TimingPolicy policy, InterferenceRule rule, BooleanSupplier cancelled) {
        Shape input = Instantiation.batchShape(inst.network().spec().input(), batch);
        try (NoGrad off = NoGrad.enter()) {
            ParameterStore params = new ParameterStore(inst.manager(), false);
            return time(inst.manager(), scope -> {
                NDList x = new NDList(scope.randomUniform(0f, 1f, input));
                return () -> inst.block().forward(params, x, false);
            }, batch, policy, rule, cancelled);
        }
    }

    /** Times the work {@code prepare} returns, its inputs drawn by {@code prepare} in a fresh sub-manager before the clock starts. */
    private static Timed time(NDManager manager, Function<NDManager, Runnable> prepare, int batch, TimingPolicy policy,
                              InterferenceRule rule, BooleanSupplier cancelled) {
        List<Double> cpuMs = new ArrayList<>();
        AdaptiveTiming.Passes pass = () -> {
            try (NDManager scope = manager.newSubManager()) {
                Runnable work = prepare.apply(scope);
                long wall = System.nanoTime();
                long cpu = AdaptiveTiming.threadCpuNanos();
                work.run();
                long cpuAfter = AdaptiveTiming.threadCpuNanos();
                long wallAfter = System.nanoTime();
                AdaptiveTiming.Pass done = new AdaptiveTiming.Pass(wallAfter - wall, cpu < 0 ? wallAfter - wall : cpuAfter - cpu);
                cpuMs.add(done.cpuNanos() / 1e6);
                return done;
            }
        };
        AdaptiveTiming.Timing t = AdaptiveTiming.measure(policy, rule, AdaptiveTiming.Environment.system(), pass, cancelled, share -> { });
        Threads.Counts threads = Threads.current();
        double[] timed = cpuMs.subList(Math.min(t.warmup(), cpuMs.size()), cpuMs.size()).stream().mapToDouble(Double::doubleValue).toArray();
        return new Timed(LatencyStats.of("calibration", batch, threads.intra(), threads.interop(), t),
                timed.length == 0 ? Double.NaN : new Median().evaluate(timed));
    }

    /** Multiply-accumulates per second of a large square matrix product, from its fastest tenth of passes (p10). */
    static double peakMacsPerSecond(TimingPolicy policy, InterferenceRule rule, BooleanSupplier cancelled) {
        int n = 512;
        try (NoGrad off = NoGrad.enter(); NDManager manager = NDManager.newBaseManager()) {
            LatencyStats t = time(manager, scope -> {
                NDArray a = scope.randomUniform(0f, 1f, new Shape(n, n));
                NDArray b = scope.randomUniform(0f, 1f, new Shape(n, n));
                return () -> a.matMul(b);
            }, 1, policy, rule, cancelled).stats();
            return (double) n * n * n / (t.p10Ms() / 1000);
        }
    }

    /**
     * Bytes read plus written per second by an in-place add over 1, 8 and 64 MiB, the fastest of the three from its
     * fastest tenth of passes (p10): the caches count, so the roofline bound stays below the time of an operation whose
     * tensors fit in them.
     */
    static double peakBytesPerSecond(TimingPolicy policy, InterferenceRule rule, BooleanSupplier cancelled) {
        double best = 0;
        for (long mebibytes : new long[] {1, 8, 64}) {
            long elements = (mebibytes << 20) / Primitive.BYTES;
            try (NoGrad off = NoGrad.enter(); NDManager manager = NDManager.newBaseManager()) {
                NDArray a = manager.randomUniform(0f, 1f, new Shape(elements));
                LatencyStats t = time(manager, scope -> () -> a.addi(1f), 1, policy, rule, cancelled).stats();
                best = Math.max(best, 2.0 * Primitive.BYTES * elements / (t.p10Ms() / 1000));
            }
        }
        return best;
    }
}
