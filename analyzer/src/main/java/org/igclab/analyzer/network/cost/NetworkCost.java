package org.igclab.analyzer.network.cost;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
 * @param unknown        operators IGC Lab does not count ({@link org.igclab.analyzer.network.Op.Unknown}), by name, with
 *                       their numbers; when there are any, every total is a lower bound
 */
public record NetworkCost(ResolvedNetwork network, List<LayerCost> layers, List<BlockCost> blocks, ParamCount params, long macs,
                          long activations, long peakActivation, long traffic, SortedMap<String, Integer> unknown) {

    public NetworkCost {
        layers = List.copyOf(layers);
        blocks = List.copyOf(blocks);
        unknown = Collections.unmodifiableSortedMap(new TreeMap<>(unknown));
    }

    /** True when the network holds operators IGC Lab does not count, so that its totals are lower bounds. */
    public boolean lowerBound() {
        return !unknown.isEmpty();
    }

    /** {@code Einsum x2, Slice x1}: the operators not counted, with their numbers. */
    public String unknownSummary() {
        return unknown.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    public long flops() {
        return ExactCounts.multiply(2, macs);
    }

    /** Bytes of {@code elements} float32 values, in MiB. */
    public static double mebibytes(long elements) {
        return elements * 4.0 / (1024 * 1024);
    }
}
