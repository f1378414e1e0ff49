package org.igclab.analyzer.network;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.template.BlockTemplate;

/**
 * A layer as written in a network file, before shapes are known. {@code path} is where it stands in the
 * file ({@code stages[1].blocks[0]}), used to name it in tables and errors. Interpreted through a {@link Visitor}.
 */
public sealed interface LayerSpec {

    String path();

    <R> R accept(Visitor<R> visitor);

    /** The layers this one stands for in a list of layers: a sequence's own, or itself. */
    default List<LayerSpec> asList() {
        return List.of(this);
    }

    /** One method per kind of layer. */
    interface Visitor<R> {
        R op(OpSpec spec);

        R sequence(SequenceSpec spec);

        R residual(ResidualSpec spec);

        R mul(MulSpec spec);

        R concat(ConcatSpec spec);

        R split(SplitSpec spec);

        R block(BlockSpec spec);
    }

    /** One primitive operation. */
    record OpSpec(String path, Op op) implements LayerSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.op(this);
        }
    }

    /** Layers applied one after another. */
    record SequenceSpec(String path, List<LayerSpec> layers) implements LayerSpec {
        public SequenceSpec {
            layers = List.copyOf(layers);
        }

        @Override
        public List<LayerSpec> asList() {
            return layers;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sequence(this);
        }
    }

    /** {@code body(x) + shortcut(x)}; without a shortcut, the identity. */
    record ResidualSpec(String path, LayerSpec body, Optional<LayerSpec> shortcut) implements LayerSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.residual(this);
        }
    }

    /**
     * {@code body(x) * other(x)} element by element; without {@code other}, {@code x} itself. A factor of
     * {@code C x 1 x 1} is broadcast over the positions (squeeze-and-excitation's channel scale).
     */
    record MulSpec(String path, LayerSpec body, Optional<LayerSpec> other) implements LayerSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.mul(this);
        }
    }

    /** Every branch reads the same input; their outputs are concatenated along channels. */
    record ConcatSpec(String path, List<LayerSpec> branches) implements LayerSpec {
        public ConcatSpec {
            branches = List.copyOf(branches);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.concat(this);
        }
    }

    /** The input channels are split into consecutive parts of {@code sizes}; branch {@code i} reads part {@code i}; outputs are concatenated. */
    record SplitSpec(String path, List<Integer> sizes, List<LayerSpec> branches) implements LayerSpec {
        public SplitSpec {
            sizes = List.copyOf(sizes);
            branches = List.copyOf(branches);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.split(this);
        }
    }

    /** A block template (IGCV1, IGCV2, ResNet basic, ...) that expands once its input shape is known. */
    record BlockSpec(String path, BlockTemplate template) implements LayerSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.block(this);
        }
    }
}
