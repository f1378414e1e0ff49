package org.igclab.runtime.plan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.plan.LinearRun;
import org.igclab.analyzer.plan.Mode;
import org.igclab.analyzer.plan.Plan;
import org.igclab.analyzer.plan.Step;
import org.igclab.runtime.engine.BlockTree;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.NoGrad;

/**
 * The DJL blocks of a {@link Plan}: the design's own block for every operation kept, and for every other step a
 * convolution whose weights come from the design's. In inference they are computed once, without gradients; in
 * training every forward pass computes them from the design's parameters ({@link ComposedConv}), so gradients flow
 * back to the design's kernels and the trained parameters are the design's.
 */
public final class PlannedBlocks {

    private PlannedBlocks() {
    }

    /** The network's block tree under the plan; computed weights live in {@code manager}. */
    public static Block network(Plan plan, DjlNetwork design, NDManager manager) {
        return new Builder(plan, design, manager).layer(plan.network().root());
    }

    /**
     * The block a model trains under a training plan: it holds the design's parameters under the design's names (so
     * checkpoints, optimizer state and exports are the design's) and runs the plan, which computes its merged weights
     * from them at every step, on activations laid out channels last ({@link PlannedRoot}); the design's own block when
     * every run is executed as designed.
     */
    public static Block training(Plan plan, DjlNetwork design) {
        return training(plan, design, true);
    }

    /** As {@link #training(Plan, DjlNetwork)}, choosing the layout (to measure what it is worth). */
    static Block training(Plan plan, DjlNetwork design, boolean channelsLast) {
        if (plan.mode() != Mode.TRAINING) {
            throw new IllegalArgumentException("an inference plan cannot train: BatchNorm would be folded with fixed statistics");
        }
        if (plan.runs().stream().allMatch(r -> plan.strategy(r) == org.igclab.analyzer.plan.Strategy.DESIGNED)) {
            return design.block();
        }
        // a training plan computes every weight per pass: nothing is computed ahead into a manager
        return new PlannedRoot(design.block(), new Builder(plan, design, null).layer(plan.network().root()), channelsLast);
    }

    /** One run's steps as a sequence of blocks (for timing and checking a run by itself). */
    public static List<Block> run(List<Step> steps, Mode mode, DjlNetwork design, NDManager manager) {
        List<Block> blocks = new ArrayList<>();
        steps.forEach(s -> blocks.add(step(s, mode, design, manager)));
        return blocks;
    }

    private static Block step(Step step, Mode mode, DjlNetwork design, NDManager manager) {
        if (step instanceof Step.Keep k) {
            return design.blockOf(k.layer());
        }
        Op.Conv conv = (Op.Conv) step.op();
        if (mode == Mode.TRAINING) {
            return new ComposedConv(step, design);
        }
        try (NoGrad off = NoGrad.enter(); NDManager scope = manager.newSubManager()) {
            Composition.Affine weights = Composition.of(step, design, new ParameterStore(scope, false), false, scope);
            NDArray w = kept(weights.weight(), manager);
            NDArray b = weights.bias().map(a -> kept(a, manager)).orElse(null);
            return fixed(conv, w, b, step.describe());
        }
    }

    /** A copy of a computed array that outlives the computation's scope. */
    private static NDArray kept(NDArray a, NDManager manager) {
        NDArray copy = a.duplicate();
        copy.attach(manager);
        return copy;
    }

    /** A convolution with given weights and no parameters of its own. */
    static Block fixed(Op.Conv conv, NDArray weight, NDArray bias, String name) {
        Shape stride = new Shape(conv.stride(), conv.stride());
        Shape padding = new Shape(conv.padding(), conv.padding());
        Shape dilation = new Shape(1, 1);
        return LambdaBlock.singleton(x -> Conv2d.conv2d(x, weight, bias, stride, padding, dilation, conv.groups()).singletonOrThrow(), name);
    }

    private static final class Builder extends BlockTree {
        private final Plan plan;
        private final DjlNetwork design;
        private final NDManager manager;

        Builder(Plan plan, DjlNetwork design, NDManager manager) {
            this.plan = plan;
            this.design = design;
            this.manager = manager;
        }

        @Override
        public Block op(Layer.OpLayer op) {
            return design.blockOf(op);
        }

        @Override
        protected List<Block> items(Layer.SequenceLayer s) {
            List<Block> blocks = new ArrayList<>();
            List<Layer> layers = s.layers();
            for (int i = 0; i < layers.size(); i++) {
                Optional<LinearRun> run = layers.get(i) instanceof Layer.OpLayer op ? plan.runStartingAt(op) : Optional.empty();
                if (run.isPresent()) {
                    blocks.addAll(run(plan.steps(run.get()), plan.mode(), design, manager));
                    i += run.get().ops().size() - 1;
                } else {
                    blocks.add(layer(layers.get(i)));
                }
            }
            return blocks;
        }
    }
}
