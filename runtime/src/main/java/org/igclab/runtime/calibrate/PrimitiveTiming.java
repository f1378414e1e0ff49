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
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.NoGrad;
import org.igclab.runtime.engine.SpeedProbe;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.latency.AdaptiveTiming;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;

/**
 * Times one primitive in DJL/PyTorch as a network's forward pass runs it: the operation built by the same
 * {@link DjlNetwork} a design is built with (a network of that one operation), in inference mode, each pass on a fresh
 * random input drawn before the clock starts. The clock stops when the operation returns: PyTorch on the CPU computes
 * eagerly, and inside a network the next operation reads the output where it lies.
 *
 * <p>Alone (the default) or in context: inside a network an operation reads its weights after the other operations'
 * weights and activations have passed through the core's cache, and writes its output to memory no recent pass used
 * (DJL keeps every output of a pass until the pass ends); timed alone, the same weights and the same freed output block
 * stay in the cache from one pass to the next. In context, the passes go round {@link #copies} copies of the operation,
 * each with its own weights, and keep the last copies' outputs alive, so that what the passes touch adds up to at least
 * the context's bytes; the input, drawn just before the pass, is in the cache as a previous operation's output is.
 */
final class PrimitiveTiming {

    private PrimitiveTiming() {
    }

    /** What the passes over one primitive touch at least: four times this machine's 1 MiB L2 cache per core. */
    static final double CONTEXT_BYTES = 4 << 20;

    /** At most this many copies of one primitive (its weights and outputs), however small. */
    static final int MAX_COPIES = 64;

    /** Copies of a primitive moving {@code bytesPerPass} bytes a pass whose passes together touch {@code contextBytes} (0: alone). */
    static int copies(double bytesPerPass, double contextBytes) {
        return (int) Math.max(1, Math.min(MAX_COPIES, Math.ceil(contextBytes / Math.max(1, bytesPerPass))));
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

    /**
     * The median and spread of a pass of {@code batch} images through {@code p}, timed in a context of
     * {@code contextBytes} (see the class; {@link #CONTEXT_BYTES}, or 0 to time it alone, one copy and each pass's
     * output freed after it).
     */
    static Timed time(Primitive p, int batch, double contextBytes, TimingPolicy policy, InterferenceRule rule, BooleanSupplier cancelled) {
        Shape input = new Shape(batch, p.in().channels(), p.in().height(), p.in().width());
        int copies = copies(p.bytes(batch), contextBytes);
        try (NoGrad off = NoGrad.enter(); NDManager manager = NDManager.newBaseManager()) {
            if (p.op().isPresent()) {
                ResolvedNetwork one = ShapeInference.resolve(new Network(p.key(), p.in(), List.of(new LayerSpec.OpSpec("op", p.op().get()))));
                List<Instantiation> insts = new ArrayList<>();
                try {
                    for (int i = 0; i < copies; i++) {
                        insts.add(Instantiation.of(one, i + 1)); // each copy its own weights
                    }
                    List<ParameterStore> params = insts.stream().map(inst -> new ParameterStore(inst.manager(), false)).toList();
                    return time(manager, (scope, pass) -> {
                        NDList x = new NDList(scope.randomUniform(0f, 1f, input));
                        int k = pass % copies;
                        return () -> insts.get(k).block().forward(params.get(k), x, false);
                    }, copies - 1, batch, policy, rule, cancelled);
                } finally {
                    insts.forEach(Instantiation::close);
                }
            }
            Primitive.Kind kind = p.kind();
            Shape factors = new Shape(batch, p.in().channels(), 1, 1);
            return time(manager, (scope, pass) -> {
                NDArray x = scope.randomUniform(0f, 1f, input);
                NDArray y = scope.randomUniform(0f, 1f, kind == Primitive.Kind.MUL ? factors : input);
                return switch (kind) {
                    case ADD -> () -> x.add(y);
                    case MUL -> () -> x.mul(y);
                    case CONCAT -> () -> NDArrays.concat(new NDList(x, y), 1);
                    default -> throw new IllegalStateException(kind + " is an operation");
                };
            }, copies - 1, batch, policy, rule, cancelled);
        }
    }

    /** Forward passes of an instantiated network (one operation, or a whole design), in inference mode. */
    static Timed forward(Instantiation inst, int batch, TimingPolicy policy, InterferenceRule rule, BooleanSupplier cancelled) {
        Shape input = Instantiation.batchShape(inst.network().spec().input(), batch);
        try (NoGrad off = NoGrad.enter()) {
            ParameterStore params = new ParameterStore(inst.manager(), false);
            return time(inst.manager(), (scope, pass) -> {
                NDList x = new NDList(scope.randomUniform(0f, 1f, input));
                return () -> inst.block().forward(params, x, false);
            }, 0, batch, policy, rule, cancelled);
        }
    }

    /** The work of one pass, its inputs drawn in {@code scope}, where its outputs stay until the scope is closed. */
    private interface Prepare {
        Runnable work(NDManager scope, int pass);
    }

    /**
     * Times the work {@code prepare} returns, its inputs drawn in a fresh sub-manager before the clock starts; the
     * sub-managers of the last {@code kept} passes stay open ({@link RecentScopes}).
     */
    private static Timed time(NDManager manager, Prepare prepare, int kept, int batch, TimingPolicy policy,
                              InterferenceRule rule, BooleanSupplier cancelled) {
        List<Double> cpuMs = new ArrayList<>();
        try (RecentScopes scopes = new RecentScopes(manager, kept)) {
            AdaptiveTiming.Passes pass = () -> {
                Runnable work = prepare.work(scopes.next(), cpuMs.size());
                long wall = System.nanoTime();
                long cpu = AdaptiveTiming.threadCpuNanos();
                work.run();
                long cpuAfter = AdaptiveTiming.threadCpuNanos();
                long wallAfter = System.nanoTime();
                scopes.passDone();
                AdaptiveTiming.Pass done = new AdaptiveTiming.Pass(wallAfter - wall, cpu < 0 ? wallAfter - wall : cpuAfter - cpu);
                cpuMs.add(done.cpuNanos() / 1e6);
                return done;
            };
            AdaptiveTiming.Timing t = AdaptiveTiming.measure(policy, rule, SpeedProbe.environment(rule), pass, cancelled, share -> { });
            return timed(t, cpuMs, batch);
        }
    }

    private static Timed timed(AdaptiveTiming.Timing t, List<Double> cpuMs, int batch) {
        Threads.Counts threads = Threads.current();
        double[] timed = cpuMs.subList(Math.min(t.warmup(), cpuMs.size()), cpuMs.size()).stream().mapToDouble(Double::doubleValue).toArray();
        return new Timed(LatencyStats.of("calibration", batch, threads.intra(), threads.interop(), t),
                timed.length == 0 ? Double.NaN : new Median().evaluate(timed));
    }

    /** Multiply-accumulates per second of a large square matrix product, from its fastest tenth of passes (p10). */
    static double peakMacsPerSecond(TimingPolicy policy, InterferenceRule rule, BooleanSupplier cancelled) {
        int n = 512;
        try (NoGrad off = NoGrad.enter(); NDManager manager = NDManager.newBaseManager()) {
            LatencyStats t = time(manager, (scope, pass) -> {
                NDArray a = scope.randomUniform(0f, 1f, new Shape(n, n));
                NDArray b = scope.randomUniform(0f, 1f, new Shape(n, n));
                return () -> a.matMul(b);
            }, 0, 1, policy, rule, cancelled).stats();
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
                LatencyStats t = time(manager, (scope, pass) -> () -> a.addi(1f), 0, 1, policy, rule, cancelled).stats();
                best = Math.max(best, 2.0 * Primitive.BYTES * elements / (t.p10Ms() / 1000));
            }
        }
        return best;
    }
}
