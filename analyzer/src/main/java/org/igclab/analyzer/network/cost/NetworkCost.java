package org.igclab.analyzer.network.cost;

import java.util.List;
import org.igclab.analyzer.network.ParamCount;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.rules.model.ExactCounts;

/**
 * The whole cost of a network: one row per operation (and per residual add or concatenation), one per block,
 * and the totals.
 *
 * @param network        the network
 * @param layers         per operation, in execution order
 * @param blocks         per block template instance
 * @param params         total parameters by kind; {@code params.total()} is PyTorch's count
 * @param macs           total MACs (convolutions and fully connected layers)
 * @param activations    sum of all operations' output elements (what training keeps for the backward pass)
 * @param peakActivation largest input + output of one operation (a lower bound on inference memory)
 * @param traffic        total elements read and written
 */
public record NetworkCost(ResolvedNetwork network, List<LayerCost> layers, List<BlockCost> blocks, ParamCount params, long macs,
                          long activations, long peakActivation, long traffic) {

    public NetworkCost {
        layers = List.copyOf(layers);
        blocks = List.copyOf(blocks);
    }

    public long flops() {
        return ExactCounts.multiply(2, macs);
    }

    /** Bytes of {@code elements} float32 values, in MiB. */
    public static double mebibytes(long elements) {
        return elements * 4.0 / (1024 * 1024);
    }
}
