package org.igclab.analyzer.network;

import java.util.List;
import java.util.Optional;

/** Finding the block instances of a resolved network. */
public final class Blocks {

    private Blocks() {
    }

    /** Every block, in execution order. */
    public static List<Layer.BlockLayer> all(Layer root) {
        return root.blocks().toList();
    }

    /** The block at {@code path}. */
    public static Optional<Layer.BlockLayer> find(Layer root, String path) {
        return root.blocks().filter(b -> b.path().equals(path)).findFirst();
    }

    /** The paths of every block. */
    public static List<String> paths(Layer root) {
        return root.blocks().map(Layer::path).toList();
    }
}
