package org.igclab.analyzer.network;

import java.util.ArrayList;
import java.util.List;

/**
 * A network whose shapes are inferred and whose templates are expanded.
 *
 * @param spec the network as written
 * @param root the whole network as one sequence
 */
public record ResolvedNetwork(Network spec, Layer.SequenceLayer root) {

    public TensorShape output() {
        return root.out();
    }

    /** Every primitive operation in execution order. */
    public List<Layer.OpLayer> ops() {
        List<Layer.OpLayer> ops = new ArrayList<>();
        collect(root, ops);
        return ops;
    }

    private static void collect(Layer layer, List<Layer.OpLayer> ops) {
        if (layer instanceof Layer.OpLayer op) {
            ops.add(op);
        }
        for (Layer child : layer.children()) {
            collect(child, ops);
        }
    }
}
