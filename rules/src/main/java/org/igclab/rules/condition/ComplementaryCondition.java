package org.igclab.rules.condition;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * The complementary condition: the path-count matrix {@code N = [P_L] B_L P_{L-1} ... P_1 B_1} has a 1 in every
 * entry (strict), at least 1 everywhere (dense), or a 0 somewhere (neither). Works for any permutations.
 *
 * <p>Why it is fast: counts saturate at two, so a row of {@code N} is two bit sets ("at least one path",
 * "at least two paths"), and after a group convolution all outputs of a group share one row. The
 * rows are built kernel by kernel as saturating sums of bit sets, costing {@code O(L * C * C / 64)}
 * word operations with at most {@code C} distinct rows alive: C = 4096 with four kernels takes
 * milliseconds. Witness counts are then recounted exactly for the one pair reported.
 */
public final class ComplementaryCondition {

    private ComplementaryCondition() {
    }

    /** The widest chain checked: its bit-set rows take up to {@code C^2 / 4} bytes (256 MiB here). */
    public static final int MAX_CHANNELS = 32_768;

    /**
     * Checks the chain and returns the verdict with its figures and witnesses.
     *
     * @throws InvalidDesignException when a stage is wider than {@link #MAX_CHANNELS}
     */
    public static ComplementaryReport check(KernelChain chain) {
        int widest = chain.kernels().stream().mapToInt(k -> Math.max(k.inChannels(), k.outChannels())).max().orElse(0);
        if (widest > MAX_CHANNELS) {
            throw new InvalidDesignException("channels", "= " + widest + ": the exact complementary check handles chains up to "
                    + MAX_CHANNELS + " channels wide");
        }
        SaturatedRows rows = SaturatedRows.firstKernel(chain.kernel(0));
        for (int l = 1; l < chain.length(); l++) {
            rows = rows.permute(chain.permutations().get(l - 1)).applyKernel(chain.kernel(l));
        }
        if (chain.finalPermutation().isPresent()) {
            rows = rows.permute(chain.finalPermutation().get());
        }
        return summarize(chain, rows);
    }

    /** The exact number of paths from output channel {@code output} back to input channel {@code input}. */
    public static BigInteger exactPaths(KernelChain chain, int output, int input) {
        return exactPathsFrom(chain, output)[input];
    }

    /** Exact path counts from one output channel to every input channel (a row of {@code N}); they can pass 64 bits. */
    public static BigInteger[] exactPathsFrom(KernelChain chain, int output) {
        int position = chain.finalPermutation().map(p -> p.sourceOf(output)).orElse(output);
        BigInteger[] counts = new BigInteger[chain.outChannels()];
        Arrays.fill(counts, BigInteger.ZERO);
        counts[position] = BigInteger.ONE;
        for (int l = chain.length() - 1; l >= 0; l--) {
            counts = backThroughKernel(chain.kernel(l), counts);
            if (l > 0) {
                counts = backThroughPermutation(chain.permutations().get(l - 1), counts);
            }
        }
        return counts;
    }

    private static BigInteger[] backThroughKernel(GroupConv kernel, BigInteger[] outputCounts) {
        BigInteger[] perGroup = new BigInteger[kernel.groups()];
        Arrays.fill(perGroup, BigInteger.ZERO);
        for (int o = 0; o < outputCounts.length; o++) {
            int g = kernel.groupOfOutput(o);
            perGroup[g] = perGroup[g].add(outputCounts[o]);
        }
        BigInteger[] inputCounts = new BigInteger[kernel.inChannels()];
        int k = kernel.groupSize();
        for (int i = 0; i < inputCounts.length; i++) {
            inputCounts[i] = perGroup[i / k];
        }
        return inputCounts;
    }

    private static BigInteger[] backThroughPermutation(Permutation p, BigInteger[] counts) {
        BigInteger[] before = new BigInteger[counts.length];
        for (int j = 0; j < counts.length; j++) {
            before[p.sourceOf(j)] = counts[j];
        }
        return before;
    }

    private static ComplementaryReport summarize(KernelChain chain, SaturatedRows rows) {
        int out = chain.outChannels();
        int in = chain.inChannels();
        long connected = 0;
        long redundant = 0;
        int missingAt = -1;
        int redundantAt = -1;
        boolean anyExactlyOne = false;
        for (int o = 0; o < out; o++) {
            int r = rows.rowOf(o);
            connected += rows.countAtLeastOne(r);
            redundant += rows.countAtLeastTwo(r);
            if (missingAt < 0 && rows.firstMissing(r) >= 0) {
                missingAt = o;
            }
            if (redundantAt < 0 && rows.firstRedundant(r) >= 0) {
                redundantAt = o;
            }
            anyExactlyOne |= rows.hasExactlyOne(r);
        }
        long all = (long) out * in;
        Optional<Witness> missing = missingAt < 0 ? Optional.empty()
                : Optional.of(new Witness(missingAt, rows.firstMissing(rows.rowOf(missingAt)), BigInteger.ZERO));
        Optional<Witness> twice = Optional.empty();
        if (redundantAt >= 0) {
            int i = rows.firstRedundant(rows.rowOf(redundantAt));
            twice = Optional.of(new Witness(redundantAt, i, exactPaths(chain, redundantAt, i)));
        }
        Verdict verdict = connected < all ? Verdict.NEITHER : redundant > 0 ? Verdict.DENSE : Verdict.STRICT;
        PathCount min = connected < all ? PathCount.NONE : anyExactlyOne ? PathCount.ONE : PathCount.MANY;
        PathCount max = redundant > 0 ? PathCount.MANY : connected > 0 ? PathCount.ONE : PathCount.NONE;
        return new ComplementaryReport(verdict, out, in, chain.productOfGroupSizes(), min, max,
                connected, redundant, missing, twice);
    }
}
