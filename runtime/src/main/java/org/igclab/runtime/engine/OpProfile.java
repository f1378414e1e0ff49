package org.igclab.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.igclab.analyzer.network.Layer;
import org.igclab.runtime.latency.AdaptiveTiming;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;

/**
 * Each operation's time inside its network's forward pass: the designed network's own blocks (same weights), put in a
 * tree of the same containers in which every operation's block is bracketed by the clock. PyTorch on the CPU computes
 * eagerly, so the time between an operation's call and its return is its work, in the context a network gives it:
 * its input where the previous operation left it, its weights after the others', its output written beside the
 * pass's other outputs. What the operations do not account for (joins of branches, the containers, the output copied
 * out) is the pass's rest.
 */
public final class OpProfile {

    private OpProfile() {
    }

    /**
     * Medians over the timed passes.
     *
     * @param ops  the operations in execution order (the designed network's blocks)
     * @param opMs each operation's median time
     * @param pass the whole pass as timed (clock reads around each operation included), with its interference verdict
     */
    public record Result(List<Layer.OpLayer> ops, double[] opMs, LatencyStats pass) {
        /** The pass's time outside the operations: joins of branches, containers, and copying the output out. */
        public double restMs() {
            return pass.medianMs() - Arrays.stream(opMs).sum();
        }
    }

    /**
     * Times inference passes of {@code inst} at {@code batch} as {@link LatencyBenchmark} does (each in its own
     * sub-manager on a fresh random input; warm-up, then until {@code policy} stops; one attempt, judged by {@code rule}),
     * every operation's share of each pass recorded.
     */
    public static Result measure(Instantiation inst, int batch, TimingPolicy policy, InterferenceRule rule, DoubleConsumer progress,
                                 BooleanSupplier cancelled) {
        List<DjlNetwork.Mapped> mapped = inst.djl().mapped();
        long[] sink = new long[mapped.size()];
        Block tree = timedTree(inst, sink);
        List<long[]> perPass = new ArrayList<>();
        LatencyStats stats;
        try (NoGrad off = NoGrad.enter()) {
            ParameterStore store = new ParameterStore(inst.manager(), false);
            AdaptiveTiming.Passes pass = () -> {
                Arrays.fill(sink, 0);
                try (NDManager scope = inst.manager().newSubManager()) {
                    NDArray x = scope.randomUniform(0f, 1f, Instantiation.batchShape(inst.network().spec().input(), batch));
                    AdaptiveTiming.Pass p = LatencyBenchmark.timed(() -> tree.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray());
                    perPass.add(sink.clone());
                    return p;
                }
            };
            stats = LatencyBenchmark.time("designed", batch, pass, policy.withAttempts(1), rule, progress, cancelled);
        }
        // with one attempt the timed passes are the last ones run (the warm-up's come before them)
        List<long[]> timed = perPass.subList(Math.max(0, perPass.size() - stats.runs()), perPass.size());
        Median median = new Median();
        double[] opMs = new double[mapped.size()];
        for (int k = 0; k < opMs.length; k++) {
            int op = k;
            opMs[k] = timed.isEmpty() ? Double.NaN : median.evaluate(timed.stream().mapToDouble(v -> v[op] / 1e6).toArray());
        }
        return new Result(mapped.stream().map(DjlNetwork.Mapped::layer).toList(), opMs, stats);
    }

    /** The network's tree over its own blocks, operation {@code k}'s time added to {@code sink[k]} (execution order) at each pass. */
    static Block timedTree(Instantiation inst, long[] sink) {
        return new TimedTree(inst.djl(), inst.djl().mapped(), sink).layer(inst.network().root());
    }

    /** The designed tree's containers, each operation's block wrapped by the clock. */
    private static final class TimedTree extends BlockTree {
        private final DjlNetwork djl;
        private final java.util.Map<Layer.OpLayer, Integer> index = new java.util.HashMap<>();
        private final long[] sink;

        TimedTree(DjlNetwork djl, List<DjlNetwork.Mapped> mapped, long[] sink) {
            this.djl = djl;
            this.sink = sink;
            for (int k = 0; k < mapped.size(); k++) {
                index.putIfAbsent(mapped.get(k).layer(), k);
            }
        }

        @Override
        public Block op(Layer.OpLayer op) {
            return new Timed(djl.blockOf(op), index.get(op), sink);
        }
    }

    /** An operation's block, its forward pass timed into {@code sink[index]}; no parameters of its own. */
    private static final class Timed extends AbstractBlock {
        private final Block inner;
        private final int index;
        private final long[] sink;

        Timed(Block inner, int index, long[] sink) {
            this.inner = inner;
            this.index = index;
            this.sink = sink;
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            long start = System.nanoTime();
            NDList out = inner.forward(ps, inputs, training, params);
            sink[index] += System.nanoTime() - start;
            return out;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inner.getOutputShapes(inputShapes);
        }
    }
}
