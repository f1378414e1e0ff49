package org.igclab.runtime.plan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.plan.Step;
import org.igclab.runtime.engine.DjlNetwork;

/**
 * A step's dense convolution whose weights are computed from the design's kernels at every forward pass: inside a
 * gradient recording the product is part of the graph, so the gradient of the loss reaches the design's parameters.
 * It has no parameters of its own; the design's blocks, which hold them, belong to the model.
 */
final class ComposedConv extends AbstractBlock {
    private final Step step;
    private final DjlNetwork design;
    private final Op.Conv conv;

    ComposedConv(Step step, DjlNetwork design) {
        this.step = step;
        this.design = design;
        this.conv = (Op.Conv) step.op();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Composition.Affine w = Composition.of(step, design, ps, training, x.getManager());
        Shape stride = new Shape(conv.stride(), conv.stride());
        Shape padding = new Shape(conv.padding(), conv.padding());
        return Conv2d.conv2d(x, w.weight(), w.bias().orElse(null), stride, padding, new Shape(1, 1), conv.groups());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), step.out().channels(), step.out().height(), step.out().width())};
    }

    @Override
    public String toString() {
        return "ComposedConv(" + step.describe() + ")";
    }
}
