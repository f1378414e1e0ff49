package org.igclab.runtime.plan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * A model's block that holds the design's parameters and runs a plan: its children are the designed network's, under
 * the same names (so parameter paths, checkpoints, optimizer state and exports are the design's), and its forward pass
 * is the planned tree's, which computes with those same parameters.
 *
 * <p>The planned tree runs on its input laid out channels last (NHWC in memory, the same NCHW shape and values):
 * libtorch's convolutions, BatchNorm and ReLU keep that layout from one operation to the next and run without
 * reordering their operands per call, which made a merged training step about twice as fast as in the NCHW layout
 * (benchmarks.md); a permutation of the activations (a shuffle) returns to NCHW.
 */
public final class PlannedRoot extends SequentialBlock {
    private final Block planned;
    private final boolean channelsLast;

    /**
     * @param designed the designed network's root, a sequence
     * @param planned      the plan's block tree over the same parameters ({@link PlannedBlocks#network})
     * @param channelsLast whether the tree runs on its input laid out channels last
     */
    public PlannedRoot(Block designed, Block planned, boolean channelsLast) {
        this.planned = planned;
        this.channelsLast = channelsLast;
        for (Pair<String, Block> child : designed.getChildren()) {
            // the sequence numbers its children itself: the same names as in the designed root
            addChildBlock(child.getKey().replaceFirst("^\\d+", ""), child.getValue());
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return planned.forward(ps, new NDList(channelsLast && x.getShape().dimension() == 4 ? channelsLast(x) : x), training, params);
    }

    /** The same array laid out channels last: NHWC in memory, the same NCHW shape and values (one copy). */
    public static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1).flatten().reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    @Override
    public void initializeChildBlocks(ai.djl.ndarray.NDManager manager, ai.djl.ndarray.types.DataType dataType, Shape... inputShapes) {
        super.initializeChildBlocks(manager, dataType, inputShapes);
        planned.initialize(manager, dataType, inputShapes);
    }
}
