package org.igclab.rules.condition;

import java.util.Optional;

/**
 * The balance condition of a width-keeping chain in both of its forms (src/site/markdown/concepts.md).
 *
 * @param channels   the width {@code C}
 * @param weights    the chain's weights {@code Q = C * sum S_l K_l}
 * @param allKernels every kernel weighted by its area: balanced iff {@code S_1 K_1 = ... = S_L K_L}
 * @param oneByOne   only the kernels after a channel-wise first kernel; present when {@code K_1 = 1} and {@code L >= 2}
 */
public record BalanceReport(int channels, long weights, BalanceForm allKernels, Optional<BalanceForm> oneByOne) {

    /** The form that fits the chain: the 1x1 form when the first kernel is channel-wise, else all kernels. */
    public BalanceForm applicable() {
        return oneByOne.orElse(allKernels);
    }

    /** Balanced in the applicable form within {@code tolerance}. */
    public boolean isBalanced(double tolerance) {
        return applicable().isBalanced(tolerance);
    }
}
