package org.igclab.rules.condition;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The complementary condition of a chain, as computed by {@link ComplementaryCondition#check}.
 *
 * @param verdict                  strict, dense or neither
 * @param outChannels              rows of the path-count matrix {@code N}
 * @param inChannels               columns of {@code N}
 * @param productOfGroupSizes      {@code prod K_l}, the number of paths leaving every output channel, exactly
 * @param minPathCount             smallest entry of {@code N}, saturated at two
 * @param maxPathCount             largest entry of {@code N}, saturated at two
 * @param connectedPairs           entries of {@code N} that are at least 1
 * @param redundantPairs           entries of {@code N} that are at least 2
 * @param missing                  a pair with no path, when there is one
 * @param redundant                a pair with more than one path (exact count), when there is one
 */
public record ComplementaryReport(
        Verdict verdict,
        int outChannels,
        int inChannels,
        BigInteger productOfGroupSizes,
        PathCount minPathCount,
        PathCount maxPathCount,
        long connectedPairs,
        long redundantPairs,
        Optional<Witness> missing,
        Optional<Witness> redundant) {

    public boolean isStrict() {
        return verdict == Verdict.STRICT;
    }

    public boolean isDense() {
        return verdict != Verdict.NEITHER;
    }

    /** The necessary condition for strictness, {@code prod K_l = Cin}, reported on its own. */
    public boolean necessaryConditionHolds() {
        return productOfGroupSizes.equals(BigInteger.valueOf(inChannels));
    }

    /** Connected pairs over all pairs, in [0, 1]. */
    public double connectedFraction() {
        return (double) connectedPairs / ((double) outChannels * inChannels);
    }

    /** The pair that best explains a failure: a missing path first, else a redundant one. */
    public Optional<Witness> witness() {
        return missing.isPresent() ? missing : redundant;
    }

    /** One or two sentences on why the chain's verdict is strict, or why it is not. */
    public String explanation() {
        String product = "prod K_l = " + productOfGroupSizes;
        return switch (verdict) {
            case STRICT -> "every output channel reaches every input channel by exactly one path ("
                    + product + " = " + inChannels + " input channels).";
            case DENSE -> "every output channel reaches every input channel, but " + redundant.orElseThrow().describe()
                    + (productOfGroupSizes.compareTo(BigInteger.valueOf(inChannels)) > 0
                        ? "; " + product + " exceeds the " + inChannels + " input channels, so paths must repeat."
                        : "; the permutations do not interleave the groups.");
            case NEITHER -> missing.orElseThrow().describe()
                    + (productOfGroupSizes.compareTo(BigInteger.valueOf(inChannels)) < 0
                        ? "; " + product + " is less than the " + inChannels + " input channels, so no permutation can connect them all."
                        : redundant.isPresent()
                            ? "; the permutations route some paths twice (" + redundant.get().describe() + ") instead of reaching every input."
                            : "; the permutations do not interleave the groups.");
        };
    }
}
