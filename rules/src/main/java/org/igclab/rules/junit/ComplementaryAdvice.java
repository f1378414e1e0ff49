package org.igclab.rules.junit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * The fix to consider for a chain that fails the complementary condition. The product {@code prod K_l} decides
 * first: below {@code C} no permutation connects every pair, above it some pair must repeat. With the right
 * product, the permutations are at fault, and the canonical interleaving is the fix to name, checked before it is
 * suggested.
 */
final class ComplementaryAdvice {

    private ComplementaryAdvice() {
    }

    /** One sentence: what is wrong and what to change, for a chain whose verdict is not strict ({@code strict}) or is neither. */
    static String fix(KernelChain chain, ComplementaryReport report, boolean strict) {
        BigInteger product = report.productOfGroupSizes();
        int c = chain.inChannels();
        int order = product.compareTo(BigInteger.valueOf(c));
        String paths = ", so each output channel has " + product + " paths for " + c + " input channels";
        if (order < 0) {
            return "prod K_l = " + product + " is less than C = " + c + paths + " and no permutation can connect every pair: "
                    + "raise a group size or add a kernel so that prod K_l " + (strict ? "= " : ">= ") + c + example(chain);
        }
        if (order > 0 && strict) {
            return "prod K_l = " + product + " exceeds C = " + c + paths + " and some pair is reached more than once "
                    + "whatever the permutations: reduce a group size so that prod K_l = " + c + example(chain);
        }
        return interleaving(chain, order == 0, strict);
    }

    /** {@code , e.g. K = (1, 8, 8) with canonical permutations: KernelChain.interleaved(...)}, or nothing when none fits. */
    private static String example(KernelChain chain) {
        if (!chain.hasConstantWidth()) {
            return "";
        }
        int[] sides = Describe.kernelSizes(chain);
        return nearestStrictGroupSizes(chain.inChannels(), chain.groupSizes(), sides)
                .map(k -> ", e.g. K = " + Describe.tuple(k) + " with canonical permutations: "
                        + Describe.interleavedCall(chain.inChannels(), k, sides))
                .orElse("");
    }

    /** The strict group sizes closest to the given ones: least sum of {@code |ln K_l - ln K'_l|}. */
    static Optional<int[]> nearestStrictGroupSizes(int channels, int[] groupSizes, int[] kernelSizes) {
        return SameLength.best(channels, groupSizes, kernelSizes, candidate -> {
            double distance = 0;
            for (int l = 0; l < candidate.length; l++) {
                distance += Math.abs(Math.log(groupSizes[l]) - Math.log(candidate[l]));
            }
            return distance;
        });
    }

    private static String interleaving(KernelChain chain, boolean exactProduct, boolean strict) {
        List<Permutation> canonical = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (int l = 0; l < chain.permutations().size(); l++) {
            Permutation given = chain.permutations().get(l);
            Permutation wanted = Describe.canonicalAfter(chain.kernel(l));
            canonical.add(wanted);
            if (!given.equals(wanted)) {
                changes.add("P_" + (l + 1) + " = " + Describe.permutation(wanted) + " instead of " + Describe.permutation(given));
            }
        }
        String where = exactProduct ? firstRepeat(chain).map(w -> " (paths first repeat at " + w + ")").orElse("") : "";
        if (changes.isEmpty()) {
            return "prod K_l = " + chain.productOfGroupSizes() + " and every permutation is already the canonical interleaving"
                    + where + ", but the kernels change width: consider other group sizes or permutations";
        }
        Verdict after = ComplementaryCondition.check(new KernelChain(chain.kernels(), canonical, chain.finalPermutation())).verdict();
        boolean fixes = strict ? after == Verdict.STRICT : after != Verdict.NEITHER;
        String head = exactProduct
                ? "prod K_l = " + chain.inChannels() + " = C, so the group sizes are right, but the permutations do not interleave the groups"
                : "the permutations do not interleave the groups";
        return head + where + ": use the canonical interleaving Permutation.shuffle(C, G_l) after W_l (Permutation.canonical(C, K_l); "
                + "\"canonical\" in a chain file), here " + String.join(", ", changes)
                + (fixes ? "; with those the chain is " + after.label() : "; even with those it is " + after.label() + ", so change the group sizes too");
    }

    /**
     * Where a chain with {@code prod K_l = C} first reaches a pair twice: {@code W_3, after P_2}. A prefix that repeats a
     * path keeps it repeated, since every later kernel reads each channel at least once, so the first such prefix
     * points at the permutation to fix.
     */
    private static Optional<String> firstRepeat(KernelChain chain) {
        for (int m = 2; m <= chain.length(); m++) {
            List<GroupConv> kernels = chain.kernels().subList(0, m);
            KernelChain prefix = new KernelChain(kernels, chain.permutations().subList(0, m - 1));
            if (ComplementaryCondition.check(prefix).redundant().isPresent()) {
                return Optional.of("W_" + m + ", right after P_" + (m - 1));
            }
        }
        return Optional.empty();
    }
}
