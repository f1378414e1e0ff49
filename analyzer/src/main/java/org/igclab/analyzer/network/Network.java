package org.igclab.analyzer.network;

import java.util.List;

/**
 * A network as written: a name, the input shape and the top-level layers (stem, stages' blocks, head
 * flattened in order, each keeping its file path).
 *
 * @param name   a human name
 * @param input  the shape of one input image
 * @param layers the layers in order
 */
public record Network(String name, TensorShape input, List<LayerSpec> layers) {
    public Network {
        layers = List.copyOf(layers);
        name = name == null ? "" : name;
    }
}
