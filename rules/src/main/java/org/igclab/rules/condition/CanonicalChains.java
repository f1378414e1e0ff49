package org.igclab.rules.condition;

import java.util.Optional;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * The complementary verdict of a canonical chain without counting paths. A chain that keeps its width {@code C},
 * whose permutation after kernel {@code l} is {@link Permutation#canonical(int, int) canonical(C, K_l)}, with no
 * final permutation and {@code prod K_l = C}, is strictly complementary by construction: each kernel chooses one
 * mixed-radix digit of the channel and the permutations only move digits, so from any input to any output there is
 * exactly one choice of digits (the proof is in {@code src/site/markdown/concepts.md}, "Why canonical interleaving
 * is strict"). Recognising such a chain costs at most {@code O(L C)} (nothing for the shuffles a chain is built with); the exact check {@link ComplementaryCondition#check}
 * costs {@code O(L C^2 / 64)}, which at {@code C = 4096} is most of an enumeration's time.
 */
public final class CanonicalChains {

    private CanonicalChains() {
    }

    /** Whether the chain is the canonical interleaving of its group sizes with {@code prod K_l = C}. */
    public static boolean isStrictByConstruction(KernelChain chain) {
        int c = chain.inChannels();
        if (!chain.hasConstantWidth() || !chain.productOfGroupSizes().equals(java.math.BigInteger.valueOf(c))
                || chain.finalPermutation().filter(p -> !p.isIdentity()).isPresent()) {
            return false;
        }
        for (int l = 0; l + 1 < chain.length(); l++) {
            if (!isCanonical(chain.permutations().get(l), c, chain.kernel(l).groupSize())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code p} is {@code canonical(C, K) = shuffle(C, C / K)}, the identity when {@code K} is 1 or {@code C}. */
    private static boolean isCanonical(Permutation p, int channels, int groupSize) {
        int rows = channels / groupSize;
        return rows == 1 || rows == channels ? p.isIdentity() : p.shuffleRows() == rows;
    }

    /**
     * The verdict: the strict report at once for a chain that is strict by construction, else the exact check. Both
     * give equal reports for such a chain (verified exactly up to {@code C = 1024} by the tests).
     */
    public static ComplementaryReport check(KernelChain chain) {
        return isStrictByConstruction(chain) ? strict(chain.inChannels()) : ComplementaryCondition.check(chain);
    }

    /** The report of a strictly complementary chain on {@code channels} channels: every entry of {@code N} is 1. */
    static ComplementaryReport strict(int channels) {
        long pairs = (long) channels * channels;
        return new ComplementaryReport(Verdict.STRICT, channels, channels, java.math.BigInteger.valueOf(channels), PathCount.ONE, PathCount.ONE, pairs, 0,
                Optional.empty(), Optional.empty());
    }
}
