package org.igclab.analyzer.network;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.template.BlockTemplate;

/**
 * A layer of a resolved network: its shapes are known and templates are expanded. The tree mirrors
 * {@link LayerSpec}; everything that instantiates, costs or exports a network walks it.
 */
public sealed interface Layer {

    String path();

    TensorShape in();

    TensorShape out();

    /** Direct sub-layers, in execution order (body before shortcut). */
    List<Layer> children();

    record OpLayer(String path, TensorShape in, TensorShape out, Op op) implements Layer {
        @Override
        public List<Layer> children() {
            return List.of();
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
    }

    record ResidualLayer(String path, TensorShape in, TensorShape out, Layer body, Optional<Layer> shortcut) implements Layer {
        @Override
        public List<Layer> children() {
            return shortcut.map(s -> List.of(body, s)).orElse(List.of(body));
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
    }

    record BlockLayer(String path, TensorShape in, TensorShape out, BlockTemplate template, Layer body) implements Layer {
        @Override
        public List<Layer> children() {
            return List.of(body);
        }
    }
}
