package org.igclab.analyzer.network;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.igclab.analyzer.network.template.BlockTemplate;

/**
 * A layer of a resolved network: its shapes are known and templates are expanded. The tree mirrors
 * {@link LayerSpec}; everything that instantiates, costs or exports a network walks it with a {@link Visitor}, so a
 * new kind of layer is a compile error wherever it is not yet handled.
 */
public sealed interface Layer {

    String path();

    TensorShape in();

    TensorShape out();

    /** Direct sub-layers, in execution order (body before shortcut). */
    List<Layer> children();

    <R> R accept(Visitor<R> visitor);

    /** Every operation under this layer, in execution order. */
    default Stream<OpLayer> ops() {
        return children().stream().flatMap(Layer::ops);
    }

    /** Every block under this layer (this one included), outer before inner, in execution order. */
    default Stream<BlockLayer> blocks() {
        return children().stream().flatMap(Layer::blocks);
    }

    /** A block's human name on its input ({@code IGCV1 L24M2 48->48}); empty for other layers. */
    default Optional<String> blockLabel() {
        return Optional.empty();
    }

    /** One method per kind of layer. */
    interface Visitor<R> {
        R op(OpLayer layer);

        R sequence(SequenceLayer layer);

        R residual(ResidualLayer layer);

        R mul(MulLayer layer);

        R concat(ConcatLayer layer);

        R split(SplitLayer layer);

        R block(BlockLayer layer);
    }

    record OpLayer(String path, TensorShape in, TensorShape out, Op op) implements Layer {
        @Override
        public List<Layer> children() {
            return List.of();
        }

        @Override
        public Stream<OpLayer> ops() {
            return Stream.of(this);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.op(this);
        }
    }

    record SequenceLayer(String path, TensorShape in, TensorShape out, List<Layer> layers) implements Layer {
        public SequenceLayer {
            layers = List.copyOf(layers);
        }

        @Override
        public List<Layer> children() {
            return layers;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.sequence(this);
        }
    }

    record ResidualLayer(String path, TensorShape in, TensorShape out, Layer body, Optional<Layer> shortcut) implements Layer {
        @Override
        public List<Layer> children() {
            return shortcut.map(s -> List.of(body, s)).orElse(List.of(body));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.residual(this);
        }
    }

    /** {@code body(x) * other(x)}, a {@code C x 1 x 1} factor broadcast; without {@code other}, {@code x} itself. */
    record MulLayer(String path, TensorShape in, TensorShape out, Layer body, Optional<Layer> other) implements Layer {
        @Override
        public List<Layer> children() {
            return other.map(o -> List.of(body, o)).orElse(List.of(body));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.mul(this);
        }
    }

    record ConcatLayer(String path, TensorShape in, TensorShape out, List<Layer> branches) implements Layer {
        public ConcatLayer {
            branches = List.copyOf(branches);
        }

        @Override
        public List<Layer> children() {
            return branches;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.concat(this);
        }
    }

    record SplitLayer(String path, TensorShape in, TensorShape out, List<Integer> sizes, List<Layer> branches) implements Layer {
        public SplitLayer {
            sizes = List.copyOf(sizes);
            branches = List.copyOf(branches);
        }

        @Override
        public List<Layer> children() {
            return branches;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.split(this);
        }
    }

    record BlockLayer(String path, TensorShape in, TensorShape out, BlockTemplate template, Layer body) implements Layer {
        @Override
        public List<Layer> children() {
            return List.of(body);
        }

        @Override
        public Optional<String> blockLabel() {
            return Optional.of(template.label(in));
        }

        @Override
        public Stream<BlockLayer> blocks() {
            return Stream.concat(Stream.of(this), body.blocks());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.block(this);
        }
    }
}
