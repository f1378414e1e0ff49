package org.igclab.rules.junit;

import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.igclab.rules.factor.Factorizations;

/**
 * The alternatives a fix may suggest: group sizes with {@code prod K_l = C} and as many kernels as the chain has.
 * A channel-wise first kernel ({@code K_1 = 1}) stays channel-wise, since that is a choice of block family rather
 * than a mistake; every other group size is at least 2.
 */
final class SameLength {

    private SameLength() {
    }

    /**
     * The alternative with the lowest score, fewer weights ({@code sum S_l K'_l}) breaking ties; empty when {@code C}
     * has no factorization of this length.
     */
    static Optional<int[]> best(int channels, int[] groupSizes, int[] kernelSizes, ToDoubleFunction<int[]> score) {
        boolean channelWiseFirst = groupSizes[0] == 1 && groupSizes.length >= 2;
        int free = channelWiseFirst ? groupSizes.length - 1 : groupSizes.length;
        int[][] best = {null};
        double[] bestScore = {Double.POSITIVE_INFINITY};
        long[] bestWeights = {Long.MAX_VALUE};
        Factorizations.forEachOrdered(channels, new Factorizations.Bounds(free, free, 2, Integer.MAX_VALUE), (factors, length) -> {
            int[] candidate = new int[groupSizes.length];
            candidate[0] = 1;
            System.arraycopy(factors, 0, candidate, channelWiseFirst ? 1 : 0, length);
            double s = score.applyAsDouble(candidate);
            long weights = 0;
            for (int l = 0; l < candidate.length; l++) {
                weights += (long) kernelSizes[l] * kernelSizes[l] * candidate[l];
            }
            if (s < bestScore[0] - 1e-9 || (s < bestScore[0] + 1e-9 && weights < bestWeights[0])) {
                best[0] = candidate;
                bestScore[0] = s;
                bestWeights[0] = weights;
            }
        });
        return Optional.ofNullable(best[0]);
    }
}
