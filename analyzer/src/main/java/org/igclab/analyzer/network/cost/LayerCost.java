package org.igclab.analyzer.network.cost;

import org.igclab.analyzer.network.ParamCount;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.model.ExactCounts;

/**
 * The cost of one operation of a network (batch 1, counts in elements).
 *
 * @param path        where it stands in the network file, e.g. {@code stages[1].blocks[0].body.conv1}
 * @param op          what it is, e.g. {@code conv 3x3/2 G=4}, {@code add}
 * @param block       the label of the block it belongs to, or empty
 * @param in          input shape
 * @param out         output shape
 * @param params      parameters by kind
 * @param macs        multiply-accumulates
 * @param activations output elements: the activation memory it adds
 * @param traffic     elements read and written: inputs + outputs + parameters (ShuffleNet V2's memory access cost)
 */
public record LayerCost(String path, String op, String block, TensorShape in, TensorShape out, ParamCount params, long macs,
                        long activations, long traffic) {

    public long flops() {
        return ExactCounts.multiply(2, macs);
    }
}
