package org.igclab.analyzer.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finding the block instances of a resolved network. */
public final class Blocks {

    private Blocks() {
    }

    /** Every block, in execution order. */
    public static List<Layer.BlockLayer> all(Layer root) {
        List<Layer.BlockLayer> blocks = new ArrayList<>();
        collect(root, blocks);
        return blocks;
    }

    /** The block at {@code path}. */
    public static Optional<Layer.BlockLayer> find(Layer root, String path) {
        return all(root).stream().filter(b -> b.path().equals(path)).findFirst();
    }

    /** The paths of every block. */
    public static List<String> paths(Layer root) {
        return all(root).stream().map(Layer::path).toList();
    }

    private static void collect(Layer layer, List<Layer.BlockLayer> out) {
        if (layer instanceof Layer.BlockLayer b) {
            out.add(b);
        }
        layer.children().forEach(c -> collect(c, out));
    }
}
