package org.igclab.analyzer.network;

import java.util.List;
import java.util.Map;

/**
 * A network as written: a name, the input shape and the top-level layers (stem, stages' blocks, head
 * flattened in order, each keeping its file path).
 *
 * @param name   a human name
 * @param input  the shape of one input image
 * @param layers the layers in order
 * @param labels the names its source gave some layers, by path: an imported ONNX model's node names (as Netron shows
 *               them), written as an operation's {@code "name"}; none for a network written by hand
 */
public record Network(String name, TensorShape input, List<LayerSpec> layers, Map<String, String> labels) {
    public Network {
        layers = List.copyOf(layers);
        name = name == null ? "" : name;
        labels = Map.copyOf(labels);
    }

    public Network(String name, TensorShape input, List<LayerSpec> layers) {
        this(name, input, layers, Map.of());
    }

    /** The same network without the names its source gave its layers: what identifies it as a design. */
    public Network unlabelled() {
        return labels.isEmpty() ? this : new Network(name, input, layers);
    }

    /** The name its source gave the layer at {@code path}, or blank. */
    public String label(String path) {
        return labels.getOrDefault(path, "");
    }
}
