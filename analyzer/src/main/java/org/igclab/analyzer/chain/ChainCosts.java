package org.igclab.analyzer.chain;

import org.igclab.rules.model.ExactCounts;
/**
 * Costs of a width-keeping stride-1 chain straight from its group sizes, without building objects,
 * for sweeps over millions of factorizations. Conventions (src/site/markdown/conventions.md): parameters are kernel weights
 * ({@code C * K_l * S_l} per kernel, no bias, no BatchNorm); MACs are weights times output positions;
 * FLOPs are twice the MACs.
 */
public final class ChainCosts {

    private ChainCosts() {
    }

    /** {@code C * sum_l K_l * S_l}, with {@code S_1 = firstKernelSize^2} and 1x1 kernels after it. */
    public static long weights(int channels, int firstKernelSize, int[] groupSizes, int length) {
        long sum = (long) groupSizes[0] * firstKernelSize * firstKernelSize;
        for (int l = 1; l < length; l++) {
            sum += groupSizes[l];
        }
        return ExactCounts.multiply(sum, (long) channels);
    }

    /** MACs on a {@code side x side} input at stride 1 with same padding: weights times {@code side^2}. */
    public static long macs(long weights, int side) {
        return ExactCounts.multiply(weights, (long) side * side);
    }
}
