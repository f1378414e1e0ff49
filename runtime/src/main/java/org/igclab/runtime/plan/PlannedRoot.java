package org.igclab.runtime.plan;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * A model's block that holds the design's parameters and runs a plan: its children are the designed network's, under
 * the same names (so parameter paths, checkpoints, optimizer state and exports are the design's), and its forward pass
 * is the planned tree's, which computes with those same parameters.
 */
public final class PlannedRoot extends SequentialBlock {
    private final Block planned;

    /**
     * @param designed the designed network's root, a sequence
     * @param planned  the plan's block tree over the same parameters ({@link PlannedBlocks#network})
     */
    public PlannedRoot(Block designed, Block planned) {
        this.planned = planned;
        for (Pair<String, Block> child : designed.getChildren()) {
            // the sequence numbers its children itself: the same names as in the designed root
            addChildBlock(child.getKey().replaceFirst("^\\d+", ""), child.getValue());
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return planned.forward(ps, inputs, training, params);
    }

    @Override
    public void initializeChildBlocks(ai.djl.ndarray.NDManager manager, ai.djl.ndarray.types.DataType dataType,
                                      ai.djl.ndarray.types.Shape... inputShapes) {
        super.initializeChildBlocks(manager, dataType, inputShapes);
        planned.initialize(manager, dataType, inputShapes);
    }
}
