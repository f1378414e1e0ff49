package org.igclab.rules.condition;

import java.util.List;

/**
 * The chain with the fewest weights among all integer factorizations, found by enumeration.
 *
 * @param groupSizes {@code K_1..K_L} of the best chain
 * @param weights    its weights {@code Q = C * sum S_l K_l}
 */
public record IntegerOptimum(List<Integer> groupSizes, long weights) {
    public IntegerOptimum {
        groupSizes = List.copyOf(groupSizes);
    }

    public int length() {
        return groupSizes.size();
    }
}
