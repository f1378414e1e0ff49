package org.igclab.runtime.engine;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.network.Layer;

/**
 * The DJL containers of a network's layer tree (sequences, residuals, branches), with what fills them left to a
 * subclass: one DJL block per operation for the network as designed, planned steps for an execution plan. Both trees
 * have the same shape of containers, so what one computes the other computes.
 */
public abstract class BlockTree implements Layer.Visitor<Block> {

    public final Block layer(Layer layer) {
        return layer.accept(this);
    }

    /** The blocks of a sequence, in order: one per layer unless a subclass executes some layers together. */
    protected List<Block> items(Layer.SequenceLayer s) {
        return s.layers().stream().map(this::layer).toList();
    }

    @Override
    public Block sequence(Layer.SequenceLayer s) {
        SequentialBlock seq = new SequentialBlock();
        items(s).forEach(seq::add);
        return seq;
    }

    @Override
    public Block block(Layer.BlockLayer b) {
        return layer(b.body());
    }

    @Override
    public Block residual(Layer.ResidualLayer r) {
        Block body = layer(r.body());
        Block shortcut = r.shortcut().map(this::layer).orElse(Blocks.identityBlock());
        return new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow())),
                List.of(body, shortcut));
    }

    @Override
    public Block mul(Layer.MulLayer m) {
        Block body = layer(m.body());
        Block other = m.other().map(this::layer).orElse(Blocks.identityBlock());
        // NDArray.mul broadcasts a C x 1 x 1 factor over the positions, as PyTorch does
        return new ParallelBlock(list -> new NDList(list.get(0).singletonOrThrow().mul(list.get(1).singletonOrThrow())),
                List.of(body, other));
    }

    @Override
    public Block concat(Layer.ConcatLayer c) {
        return new ParallelBlock(BlockTree::concatChannels, c.branches().stream().map(this::layer).toList());
    }

    @Override
    public Block split(Layer.SplitLayer s) {
        List<Block> branches = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.branches().size(); i++) {
            int from = start;
            int to = start + s.sizes().get(i);
            SequentialBlock branch = new SequentialBlock();
            branch.add(LambdaBlock.singleton(x -> x.get(new NDIndex(":, {}:{}", from, to)), "split"));
            branch.add(layer(s.branches().get(i)));
            branches.add(branch);
            start = to;
        }
        return new ParallelBlock(BlockTree::concatChannels, branches);
    }

    private static NDList concatChannels(List<NDList> outputs) {
        NDList all = new NDList();
        outputs.forEach(o -> all.add(o.singletonOrThrow()));
        return new NDList(NDArrays.concat(all, 1));
    }
}
