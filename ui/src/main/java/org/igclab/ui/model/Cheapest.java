package org.igclab.ui.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.ChainShape;
import org.igclab.analyzer.chain.EnumerationOptions;

/** The chain with the fewest weights among the strict shapes of a width and length, by the enumerator's fast path. */
final class Cheapest {

    /**
     * @param weights     its kernel weights
     * @param groupSizes  {@code K_1..K_L}
     */
    record Best(long weights, List<Integer> groupSizes) {
    }

    private Cheapest() {
    }

    /** The options at another width, every other bound kept. */
    static EnumerationOptions atWidth(EnumerationOptions o, int width) {
        return new EnumerationOptions(width, o.minLayers(), o.maxLayers(), o.firstKernel(), o.minGroupSize(), o.maxGroupSize(),
                o.firstKernelSize(), o.resolution(), false);
    }

    /** The cheapest chain of each length {@code 1..maxLength} at the options' width; null where there is none. */
    static Best[] byLength(EnumerationOptions o, int maxLength) {
        Best[] best = new Best[maxLength + 1];
        ChainEnumerator.forEachCostedShape(o, (k, length, params, macs) -> {
            if (length <= maxLength && (best[length] == null || params < best[length].weights())) {
                best[length] = new Best(params, Arrays.stream(k, 0, length).boxed().toList());
            }
        });
        return best;
    }

    /** The cheapest chain of exactly {@code length} kernels at {@code width}. */
    static Optional<Best> of(EnumerationOptions o, int width, int length) {
        return Optional.ofNullable(byLength(atWidth(o, width).withLayers(length, length), length)[length]);
    }

    static ChainShape shape(int width, int firstKernelSize, Best best) {
        return ChainShape.of(width, firstKernelSize, best.groupSizes().stream().mapToInt(Integer::intValue).toArray(),
                best.groupSizes().size());
    }
}
