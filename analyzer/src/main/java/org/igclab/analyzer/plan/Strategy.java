package org.igclab.analyzer.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a run of linear operations is executed; every strategy computes what the design computes (the runtime checks
 * each numerically before trusting it). A strategy that has nothing to change in a run leaves it as the one before it.
 */
public enum Strategy {
    /** The operations as the design writes them: group convolutions, permutations, BatchNorm. */
    DESIGNED("the operations as designed"),
    /**
     * BatchNorm folded into the convolution before it (inference only), and permutations next to a dense convolution
     * folded into its weights; group convolutions stay as they are.
     */
    FOLDED("BatchNorm folded into the convolution before it; permutations next to a dense convolution folded into it"),
    /**
     * The spatial kernel kept; the 1x1 kernels, permutations (and, in inference, BatchNorm) after it multiplied into one
     * dense 1x1 convolution.
     */
    MERGED("the spatial kernel kept, the 1x1 kernels and permutations after it multiplied into one dense 1x1"),
    /** The whole run multiplied out into one dense convolution of the first kernel's size. */
    DENSE("the whole run multiplied out into one dense convolution");

    private final String description;

    Strategy(String description) {
        this.description = description;
    }

    /** {@code designed}, {@code folded}, {@code merged}, {@code dense}: the name on the command line and in the store. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The strategy a label names. */
    public static Optional<Strategy> named(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }
}
