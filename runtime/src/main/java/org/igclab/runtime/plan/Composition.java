package org.igclab.runtime.plan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Layer.OpLayer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.plan.Step;
import org.igclab.analyzer.plan.Steps;
import org.igclab.analyzer.plan.WeightAlgebra;
import org.igclab.rules.model.Permutation;
import org.igclab.runtime.engine.DjlNetwork;

/**
 * The weights of a planned step, computed from the design's own parameters: a composition is the product of the
 * design's kernels, permutations and (in inference) BatchNorm, built with a few differentiable engine calls, so inside an
 * autograd recording its gradients reach the design's kernels.
 * {@link WeightAlgebra} computes the same weights in plain arithmetic; a test holds the two together.
 */
final class Composition {

    /**
     * A convolution's weights.
     *
     * @param weight {@code (out, in / groups, k, k)}
     * @param bias   {@code (out)}, or empty
     */
    record Affine(NDArray weight, Optional<NDArray> bias) {
    }

    private Composition() {
    }

    /** The weights of a step that is not kept as designed. */
    static Affine of(Step step, DjlNetwork design, ParameterStore ps, boolean training, NDManager manager) {
        if (step instanceof Step.Compose c) {
            return compose(c, design, ps, training, manager);
        }
        if (step instanceof Step.FoldNorm f) {
            return foldNorm(f, design, ps, training, manager);
        }
        throw new IllegalArgumentException("a kept step has the design's own weights: " + step.describe());
    }

    /**
     * The product of the design's operations as one dense convolution. The first convolution's weights (the identity
     * for a pointwise run) are the rows of a matrix over the step's input coordinates; every later operation is
     * pointwise and acts on those rows: a group convolution is one batched product of its diagonal blocks with the
     * rows of its groups, a permutation an order of the rows, BatchNorm a scale per row. A handful of engine calls
     * per step, each differentiable, so in training the gradient reaches the design's kernels.
     */
    static Affine compose(Step.Compose step, DjlNetwork design, ParameterStore ps, boolean training, NDManager manager) {
        List<OpLayer> sources = step.sources();
        int h = 0;
        while (!(sources.get(h).op() instanceof Op.Conv)) {
            h++;
        }
        OpLayer head = sources.get(h);
        Op.Conv conv = (Op.Conv) head.op();
        int in = step.in().channels();
        int k = conv.kernel();
        Rows rows;
        List<OpLayer> rest;
        if (k == 1 && conv.stride() == 1 && conv.padding() == 0) {
            rows = new Rows(manager.eye(in, in, 0, DataType.FLOAT32), Optional.empty());
            rest = sources;
        } else {
            NDArray w = embedGroups(value(ps, design.blockOf(head), "weight", manager, training), conv.groups(), manager);
            Optional<Permutation> before = WeightAlgebra.permutation(sources.subList(0, h), head.in().channels());
            if (before.isPresent()) {
                w = w.get(new NDIndex(":, {}", manager.create(indices(before.get().inverse()))));
            }
            Optional<NDArray> bias = conv.bias() ? Optional.of(value(ps, design.blockOf(head), "bias", manager, training))
                    : Optional.empty();
            rows = new Rows(w.reshape(conv.outChannels(), (long) in * k * k), bias);
            rest = sources.subList(h + 1, sources.size());
        }
        for (OpLayer op : rest) {
            rows = rows.then(op, design, ps, training, manager);
        }
        return new Affine(rows.matrix().reshape(step.out().channels(), in, k, k), rows.offset());
    }

    /**
     * An affine map being composed: {@code matrix} has a row per channel reached so far and a column per input
     * coordinate of the step; {@code offset}, a value per row, is what the map adds (empty: nothing).
     */
    private record Rows(NDArray matrix, Optional<NDArray> offset) {

        /** This map followed by one pointwise operation of the design. */
        Rows then(OpLayer layer, DjlNetwork design, ParameterStore ps, boolean training, NDManager manager) {
            Op op = layer.op();
            long channels = matrix.getShape().get(0);
            if (op instanceof Op.Shuffle || op instanceof Op.Permute) {
                // output channel j is channel source[j]: the rows in that order
                NDArray order = manager.create(indices(WeightAlgebra.permutation(List.of(layer), (int) channels).orElseThrow()));
                return new Rows(matrix.get(new NDIndex("{}", order)), offset.map(b -> b.get(new NDIndex("{}", order))));
            }
            Block block = design.blockOf(layer);
            if (op instanceof Op.BatchNorm) {
                NDArray scale = value(ps, block, "gamma", manager, training)
                        .div(value(ps, block, "runningVar", manager, training).add(DjlNetwork.BN_EPSILON).sqrt());
                NDArray shift = value(ps, block, "beta", manager, training).sub(value(ps, block, "runningMean", manager, training).mul(scale));
                NDArray shifted = offset.map(b -> b.mul(scale).add(shift)).orElse(shift);
                return new Rows(matrix.mul(scale.reshape(channels, 1)), Optional.of(shifted));
            }
            if (op instanceof Op.Conv c && c.kernel() == 1 && c.stride() == 1 && c.padding() == 0) {
                // block diagonal: group g's outputs are its (out / groups) x (in / groups) block times group g's rows
                long groups = c.groups();
                NDArray blocks = value(ps, block, "weight", manager, training).reshape(groups, c.outChannels() / groups, channels / groups);
                NDArray product = blocks.matMul(matrix.reshape(groups, channels / groups, -1)).reshape(c.outChannels(), -1);
                Optional<NDArray> moved = offset.map(b -> blocks.matMul(b.reshape(groups, channels / groups, 1)).reshape(c.outChannels()));
                if (c.bias()) {
                    NDArray bias = value(ps, block, "bias", manager, training);
                    moved = Optional.of(moved.map(m -> m.add(bias)).orElse(bias));
                }
                return new Rows(product, moved);
            }
            throw new IllegalArgumentException("not a pointwise linear operation: " + layer.path() + " (" + Steps.name(op) + ")");
        }
    }

    /**
     * BatchNorm's scale and shift moved into the convolution before it: {@code s = gamma / sqrt(var + eps)} scales each
     * output channel's filter, {@code beta - mean * s} is the bias, both carried back through the permutations between.
     */
    static Affine foldNorm(Step.FoldNorm step, DjlNetwork design, ParameterStore ps, boolean training, NDManager manager) {
        Block conv = design.blockOf(step.conv());
        Block norm = design.blockOf(step.norm());
        NDArray w = value(ps, conv, "weight", manager, training);
        NDArray gamma = value(ps, norm, "gamma", manager, training);
        NDArray beta = value(ps, norm, "beta", manager, training);
        NDArray mean = value(ps, norm, "runningMean", manager, training);
        NDArray variance = value(ps, norm, "runningVar", manager, training);
        NDArray scale = gamma.div(variance.add(DjlNetwork.BN_EPSILON).sqrt());
        NDArray shift = beta.sub(mean.mul(scale));
        int channels = step.conv().out().channels();
        Optional<Permutation> between = WeightAlgebra.permutation(step.between(), channels);
        if (between.isPresent()) {
            NDArray back = manager.create(indices(between.get().inverse()));
            scale = scale.get(new NDIndex("{}", back));
            shift = shift.get(new NDIndex("{}", back));
        }
        NDArray bias = ((Op.Conv) step.conv().op()).bias()
                ? value(ps, conv, "bias", manager, training).mul(scale).add(shift) : shift;
        return new Affine(w.mul(scale.reshape(channels, 1, 1, 1)), Optional.of(bias));
    }

    /**
     * A parameter's value for this computation, attached to {@code scope} until it closes: what is computed from it
     * then lives in the scope too (an operation's result belongs to its first operand's manager), not in the model's
     * manager, where every training step would leave its products behind.
     */
    private static NDArray value(ParameterStore ps, Block block, String name, NDManager scope, boolean training) {
        Parameter p = block.getParameters().get(name);
        NDArray a = ps.getValue(p, scope.getDevice(), training);
        if (a.getManager() != scope) {
            a.tempAttach(scope);
        }
        return a;
    }

    /** A group convolution's weights as the dense convolution's: zero outside the diagonal blocks. */
    static NDArray embedGroups(NDArray w, int groups, NDManager manager) {
        if (groups == 1) {
            return w;
        }
        long out = w.getShape().get(0);
        long inPerGroup = w.getShape().get(1);
        long k1 = w.getShape().get(2);
        long k2 = w.getShape().get(3);
        NDArray mask = manager.eye(groups).reshape(groups, 1, groups, 1, 1, 1);
        return w.reshape(groups, out / groups, 1, inPerGroup, k1, k2).mul(mask).reshape(out, groups * inPerGroup, k1, k2);
    }

    private static long[] indices(Permutation p) {
        return java.util.Arrays.stream(p.toArray()).asLongStream().toArray();
    }
}
