package org.igclab.rules.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.rules.condition.BalanceForm;
import org.igclab.rules.condition.BalanceReport;
import org.igclab.rules.condition.IntegerOptimum;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;

/**
 * What a failed balance assertion says beyond the ratio: the {@code S_l K_l} terms, the kernels furthest from the
 * balanced value {@code (C * prod S_l)^(1/n)} (the common term AM-GM asks for when {@code prod K_l = C}), and the
 * group sizes that balance a chain of this length, or the closest ones and the integer optimum when none do.
 */
final class BalanceAdvice {
    private final KernelChain chain;
    private final BalanceForm form;
    /** Index of the first kernel the form weighs: 1 when only the 1x1 kernels after a channel-wise one count. */
    private final int first;

    BalanceAdvice(KernelChain chain, BalanceReport report) {
        this.chain = chain;
        this.form = report.applicable();
        this.first = report.oneByOne().isPresent() ? 1 : 0;
    }

    /** {@code 24/18 = 1.33}: the terms themselves, so that rounding never hides how far off the chain is. */
    String ratio() {
        long max = form.terms().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = form.terms().stream().mapToLong(Long::longValue).min().orElseThrow();
        return max + "/" + min + " = " + Describe.decimal(form.imbalance());
    }

    /** Which kernels the ratio is taken over. */
    String scope() {
        return first == 1 ? "the 1x1 kernels after the channel-wise W_1" : "all kernels";
    }

    /** {@code W_2 = 1 x 8 = 8, W_3 = 1 x 16 = 16}. */
    String terms() {
        List<String> parts = new ArrayList<>();
        for (int l = first; l < chain.length(); l++) {
            GroupConv k = chain.kernel(l);
            parts.add("W_" + (l + 1) + " = " + k.kernelArea() + " x " + k.groupSize() + " = " + (long) k.kernelArea() * k.groupSize());
        }
        return String.join(", ", parts);
    }

    /** The common term the form asks for: {@code (C * prod S_l)^(1/n)} over its {@code n} kernels. */
    double balancedTerm() {
        double logs = Math.log(chain.inChannels());
        for (int l = first; l < chain.length(); l++) {
            logs += Math.log(chain.kernel(l).kernelArea());
        }
        return Math.exp(logs / (chain.length() - first));
    }

    /** The kernels whose terms are furthest (by ratio) from the balanced term, each with its side of it. */
    String outOfLine() {
        double target = balancedTerm();
        double worst = 0;
        for (long t : form.terms()) {
            worst = Math.max(worst, Math.abs(Math.log(t / target)));
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < form.terms().size(); i++) {
            long t = form.terms().get(i);
            if (Math.abs(Math.log(t / target)) >= worst - 1e-9) {
                named.add("W_" + (first + i + 1) + " (" + t + (t > target ? ", above" : ", below") + ")");
            }
        }
        return String.join(" and ", named) + " against the balanced value (C * prod S_l)^(1/" + (chain.length() - first) + ") = "
                + Describe.decimal(target) + " over " + kernels();
    }

    /**
     * The group sizes of this length that balance the chain, or the most balanced ones if none do (when they beat
     * the chain), and the integer optimum over all lengths when no chain of this length is exactly balanced.
     */
    String fix() {
        int c = chain.inChannels();
        int[] sides = Describe.kernelSizes(chain);
        Optional<int[]> mostBalanced = SameLength.best(c, chain.groupSizes(), sides, this::imbalance);
        if (mostBalanced.isPresent() && imbalance(mostBalanced.get()) < 1 + 1e-9) {
            int[] k = mostBalanced.get();
            return "K = " + Describe.tuple(k) + " balances the chain: S_l K_l = " + (long) chain.kernel(first).kernelArea() * k[first]
                    + " for " + kernels() + ", Q = " + Describe.count(weights(k)) + " weights instead of " + Describe.count(chain.weightCount())
                    + " (" + Describe.interleavedCall(c, k, sides) + ")";
        }
        String closest = mostBalanced.filter(k -> imbalance(k) < imbalance(chain.groupSizes()) - 1e-9)
                .map(k -> "the most balanced are K = " + Describe.tuple(k) + " (max/min = " + Describe.decimal(imbalance(k)) + ")")
                .orElse("none is more balanced than this chain");
        IntegerOptimum best = form.integerOptimum();
        return "no group sizes with prod K_l = " + c + " make S_l K_l equal for " + kernels() + " with these kernel sizes, and "
                + closest + "; over all lengths the fewest weights are K = "
                + Describe.tuple(best.groupSizes().stream().mapToInt(Integer::intValue).toArray())
                + " with Q = " + Describe.count(best.weights()) + " (this chain: " + Describe.count(chain.weightCount())
                + "; closed-form optimum length L* = " + Describe.decimal(form.optimalLength()) + ")";
    }

    /** {@code W_2..W_3}, the kernels the form weighs. */
    private String kernels() {
        return first + 1 == chain.length() ? "W_" + chain.length() : "W_" + (first + 1) + "..W_" + chain.length();
    }

    /** {@code max/min} of {@code S_l K_l} over the form's kernels, for other group sizes on the same kernel sizes. */
    private double imbalance(int[] groupSizes) {
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (int l = first; l < groupSizes.length; l++) {
            long term = (long) chain.kernel(l).kernelArea() * groupSizes[l];
            max = Math.max(max, term);
            min = Math.min(min, term);
        }
        return (double) max / min;
    }

    private long weights(int[] groupSizes) {
        long q = 0;
        for (int l = 0; l < groupSizes.length; l++) {
            q += (long) chain.inChannels() * chain.kernel(l).kernelArea() * groupSizes[l];
        }
        return q;
    }
}
