package org.igclab.analyzer.network;

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
        return root.ops().toList();
    }
}
