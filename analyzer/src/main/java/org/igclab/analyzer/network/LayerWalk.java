package org.igclab.analyzer.network;

import java.util.Locale;

/**
 * A network's operations in execution order, each join of branches after the branches it joins, with the label of the
 * block each belongs to: the one walk the cost model and the latency model share, so that they count and price the
 * same rows.
 */
public final class LayerWalk {

    private LayerWalk() {
    }

    /** How branches are joined: a residual's sum, a squeeze-and-excitation's product, a concatenation (or a split's slices). */
    public enum Join {
        ADD, MUL, CONCAT;

        /** {@code add}, {@code mul}, {@code concat}: the row's name. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the walk meets, in order. */
    public interface Steps {
        /** An operation, in the block labelled {@code block} (empty outside blocks). */
        void op(Layer.OpLayer op, String block);

        /** The join of {@code layer}'s branches, after them. */
        void join(Layer layer, Join join, String block);

        /** A block begins: {@code label} is what its operations' {@code block} will be. */
        default void enterBlock(Layer.BlockLayer b, String label) {
        }

        /** The block ends, after its operations. */
        default void leaveBlock(Layer.BlockLayer b, String label) {
        }
    }

    /** Walks {@code root}, its operations outside any block labelled {@code rootBlock}. */
    public static void walk(Layer root, String rootBlock, Steps steps) {
        root.accept(new Layer.Visitor<Void>() {
            private String block = rootBlock;

            @Override
            public Void op(Layer.OpLayer op) {
                steps.op(op, block);
                return null;
            }

            @Override
            public Void sequence(Layer.SequenceLayer s) {
                s.layers().forEach(l -> l.accept(this));
                return null;
            }

            @Override
            public Void residual(Layer.ResidualLayer r) {
                return joined(r, Join.ADD);
            }

            @Override
            public Void mul(Layer.MulLayer m) {
                return joined(m, Join.MUL);
            }

            @Override
            public Void concat(Layer.ConcatLayer c) {
                return joined(c, Join.CONCAT);
            }

            @Override
            public Void split(Layer.SplitLayer s) {
                return joined(s, Join.CONCAT);
            }

            private Void joined(Layer layer, Join join) {
                layer.children().forEach(l -> l.accept(this));
                steps.join(layer, join, block);
                return null;
            }

            @Override
            public Void block(Layer.BlockLayer b) {
                String outer = block;
                block = b.template().label(b.in());
                steps.enterBlock(b, block);
                b.body().accept(this);
                steps.leaveBlock(b, block);
                block = outer;
                return null;
            }
        });
    }
}
