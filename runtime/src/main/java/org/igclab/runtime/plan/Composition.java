package org.igclab.runtime.plan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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
import org.igclab.analyzer.plan.WeightAlgebra;
import org.igclab.rules.model.Permutation;
import org.igclab.runtime.engine.DjlNetwork;

/**
 * The weights of a planned step, computed from the design's own blocks and parameters: a composition is the design's
 * operations applied to a basis (the identity for pointwise operations, the spatial kernel's columns otherwise), so it
 * is the product of the design's kernels by construction, and inside an autograd recording its gradients reach them.
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

    /** Every source applied to a basis: the product of the design's operations, one dense convolution. */
    static Affine compose(Step.Compose step, DjlNetwork design, ParameterStore ps, boolean training, NDManager manager) {
        List<OpLayer> sources = step.sources();
        int h = 0;
        while (!(sources.get(h).op() instanceof Op.Conv)) {
            h++;
        }
        OpLayer head = sources.get(h);
        Op.Conv conv = (Op.Conv) head.op();
        boolean affine = sources.stream().anyMatch(s -> s.op() instanceof Op.BatchNorm || s.op() instanceof Op.Conv c && c.bias());
        int out = step.out().channels();
        if (conv.kernel() == 1 && conv.stride() == 1 && conv.padding() == 0) {
            int in = step.in().channels();
            NDArray basis = manager.eye(in, in, 0, DataType.FLOAT32);
            NDArray rows = affine ? basis.concat(manager.zeros(new ai.djl.ndarray.types.Shape(1, in)), 0) : basis;
            NDArray y = apply(sources, design, ps, training, rows.reshape(rows.getShape().get(0), in, 1, 1)).reshape(-1, out);
            return linearAndOffset(y, in, affine, false, out, in, 1);
        }
        NDArray w = embedGroups(value(ps, design.blockOf(head), "weight", manager, training), conv.groups(), manager);
        Optional<Permutation> before = WeightAlgebra.permutation(sources.subList(0, h), head.in().channels());
        if (before.isPresent()) {
            w = w.get(new NDIndex(":, {}", manager.create(indices(before.get().inverse()))));
        }
        Optional<NDArray> headBias = conv.bias() ? Optional.of(value(ps, design.blockOf(head), "bias", manager, training))
                : Optional.empty();
        List<OpLayer> rest = sources.subList(h + 1, sources.size());
        if (rest.isEmpty()) {
            return new Affine(w, headBias);
        }
        int mid = conv.outChannels();
        int in = head.in().channels();
        int k = conv.kernel();
        NDArray columns = w.transpose(1, 2, 3, 0).reshape((long) in * k * k, mid);
        if (affine) {
            // f(0) is the offset of the rest; f(head bias) the whole bias: the rest is affine, not only linear
            columns = columns.concat(manager.zeros(new ai.djl.ndarray.types.Shape(1, mid)), 0);
            if (headBias.isPresent()) {
                columns = columns.concat(headBias.get().reshape(1, mid), 0);
            }
        }
        NDArray y = apply(rest, design, ps, training, columns.reshape(columns.getShape().get(0), mid, 1, 1)).reshape(-1, out);
        return linearAndOffset(y, in * k * k, affine, headBias.isPresent(), out, in, k);
    }

    /** Splits the basis images back into the weights and, where the map is affine, the bias. */
    private static Affine linearAndOffset(NDArray y, int columns, boolean affine, boolean biasRow, int out, int in, int k) {
        NDArray linear = y.get(new NDIndex("0:{}", columns));
        Optional<NDArray> bias = Optional.empty();
        if (affine) {
            NDArray offset = y.get(new NDIndex("{}", columns));
            linear = linear.sub(offset);
            bias = Optional.of(biasRow ? y.get(new NDIndex("{}", columns + 1)) : offset);
        }
        NDArray weight = linear.reshape(in, k, k, out).transpose(3, 0, 1, 2);
        return new Affine(weight, bias);
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

    /** The design's operations applied one after another, as the design's blocks compute them. */
    private static NDArray apply(List<OpLayer> ops, DjlNetwork design, ParameterStore ps, boolean training, NDArray x) {
        NDArray y = x;
        for (OpLayer op : ops) {
            y = design.blockOf(op).forward(ps, new NDList(y), training).singletonOrThrow();
        }
        return y;
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
