package org.igclab.rules.condition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.igclab.rules.factor.Factorizations;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;

/**
 * The balance condition. A width-keeping chain on {@code C} channels has {@code Q = C * sum_l S_l K_l} weights.
 * Under {@code prod K_l = C}, AM-GM gives {@code Q >= C * L * (C * prod S_l)^(1/L)}, with equality iff all
 * {@code S_l K_l} are equal. Over {@code L} the bound is smallest at {@code L* = ln(C * prod S_l)}, where
 * {@code Q* = e * C * ln(C * prod S_l)}.
 *
 * <p>The variant with a channel-wise first kernel ({@code K_1 = 1}) balances the 1x1 kernels only:
 * {@code K_2 = ... = K_L = C^(1/(L-1))}, {@code L* - 1 = ln C}, {@code Q* = S_1 C + e C ln C}.
 *
 * <p>Closed forms and integer optima assume the usual block shape: the first kernel keeps its area
 * {@code S_1}, all later kernels are 1x1, so {@code prod S_l = S_1} for every {@code L}.
 */
public final class BalanceCondition {

    private BalanceCondition() {
    }

    /** Whether the condition applies: every kernel keeps the width {@code C}. */
    public static boolean appliesTo(KernelChain chain) {
        return chain.hasConstantWidth();
    }

    /**
     * Both forms for the chain.
     *
     * @throws IllegalArgumentException when the chain changes width (see {@link #appliesTo})
     */
    public static BalanceReport analyze(KernelChain chain) {
        if (!appliesTo(chain)) {
            throw new IllegalArgumentException("the balance condition needs every kernel to keep the width; "
                    + "this chain goes from " + chain.inChannels() + " to " + chain.outChannels() + " channels or changes width inside");
        }
        int c = chain.inChannels();
        List<GroupConv> kernels = chain.kernels();
        int firstArea = kernels.get(0).kernelArea();
        boolean product = chain.productOfGroupSizes().equals(java.math.BigInteger.valueOf(c));

        List<Long> allTerms = terms(kernels);
        double areaProduct = kernels.stream().mapToDouble(GroupConv::kernelArea).reduce(1, (a, b) -> a * b);
        double allBound = product ? c * kernels.size() * Math.pow(c * areaProduct, 1.0 / kernels.size()) : Double.NaN;
        BalanceForm all = new BalanceForm("all kernels, weighted by kernel area", allTerms, ratio(allTerms), allBound,
                optimalLength(c, firstArea), optimalWeights(c, firstArea), integerOptimum(c, firstArea, false));

        Optional<BalanceForm> variant = Optional.empty();
        if (kernels.get(0).isChannelWise() && kernels.size() >= 2) {
            List<GroupConv> rest = kernels.subList(1, kernels.size());
            List<Long> restTerms = terms(rest);
            double restAreas = rest.stream().mapToDouble(GroupConv::kernelArea).reduce(1, (a, b) -> a * b);
            double restBound = product
                    ? (double) firstArea * c + (double) c * rest.size() * Math.pow(c * restAreas, 1.0 / rest.size())
                    : Double.NaN;
            variant = Optional.of(new BalanceForm("1x1 kernels after a channel-wise first kernel", restTerms, ratio(restTerms),
                    restBound, channelWiseOptimalLength(c), channelWiseOptimalWeights(c, firstArea),
                    integerOptimum(c, firstArea, true)));
        }
        return new BalanceReport(c, chain.weightCount(), all, variant);
    }

    /**
     * The imbalance in the form that fits the chain, without the closed forms and the enumeration:
     * {@code max/min} of {@code S_l K_l} over the 1x1 kernels when the first kernel is channel-wise, else over all.
     */
    public static double imbalance(KernelChain chain) {
        List<GroupConv> kernels = chain.kernels();
        boolean variant = kernels.get(0).isChannelWise() && kernels.size() >= 2;
        return ratio(terms(variant ? kernels.subList(1, kernels.size()) : kernels));
    }

    /** {@code L* = ln(C * S_1)}: the real-valued length minimising the AM-GM bound. */
    public static double optimalLength(int channels, int firstKernelArea) {
        return Math.log((double) channels * firstKernelArea);
    }

    /** {@code Q* = e * C * ln(C * S_1)}: the bound at {@link #optimalLength}. */
    public static double optimalWeights(int channels, int firstKernelArea) {
        return Math.E * channels * Math.log((double) channels * firstKernelArea);
    }

    /** {@code L* = 1 + ln C}: the optimal length when the first kernel is channel-wise and only the 1x1 kernels are balanced. */
    public static double channelWiseOptimalLength(int channels) {
        return 1 + Math.log(channels);
    }

    /** {@code Q* = S_1 C + e C ln C}: the bound at {@link #channelWiseOptimalLength}. */
    public static double channelWiseOptimalWeights(int channels, int firstKernelArea) {
        return (double) firstKernelArea * channels + Math.E * channels * Math.log(channels);
    }

    /** The AM-GM bound {@code C * L * (C * S_1)^(1/L)} for a real length {@code L > 0}. */
    public static double boundAtLength(int channels, int firstKernelArea, double length) {
        return channels * length * Math.pow((double) channels * firstKernelArea, 1.0 / length);
    }

    /**
     * The bound of the channel-wise form for a real length {@code L > 1}: the first kernel's {@code S_1 C} weights plus
     * {@code C (L - 1) C^(1/(L-1))} for the {@code L - 1} balanced 1x1 kernels.
     */
    public static double channelWiseBoundAtLength(int channels, int firstKernelArea, double length) {
        return (double) firstKernelArea * channels + channels * (length - 1) * Math.pow(channels, 1.0 / (length - 1));
    }

    /**
     * The fewest weights over all factorizations {@code prod K_l = C}, first kernel of area {@code S_1}, the rest 1x1.
     * With {@code channelWiseFirst}, {@code K_1 = 1} is fixed; otherwise {@code K_1} may be any divisor of {@code C}.
     * Ties go to the shorter chain, then to the lexicographically smaller one.
     */
    public static IntegerOptimum integerOptimum(int channels, int firstKernelArea, boolean channelWiseFirst) {
        long[] best = {Long.MAX_VALUE};
        int[][] bestChain = {new int[0]};
        List<Integer> firstChoices = new ArrayList<>();
        firstChoices.add(1);
        if (!channelWiseFirst) {
            for (int d : Factorizations.divisorsAtLeastTwo(channels)) {
                firstChoices.add(d);
            }
        }
        for (int k1 : firstChoices) {
            long firstTerm = (long) firstKernelArea * k1;
            Factorizations.forEachOrdered(channels / k1, Factorizations.Bounds.any(), (factors, length) -> {
                long sum = firstTerm;
                for (int l = 0; l < length; l++) {
                    sum += factors[l];
                }
                long q = sum * channels;
                if (q < best[0] || (q == best[0] && length + 1 < bestChain[0].length)) {
                    best[0] = q;
                    int[] chain = new int[length + 1];
                    chain[0] = k1;
                    System.arraycopy(factors, 0, chain, 1, length);
                    bestChain[0] = chain;
                }
            });
        }
        return new IntegerOptimum(Arrays.stream(bestChain[0]).boxed().toList(), best[0]);
    }

    private static List<Long> terms(List<GroupConv> kernels) {
        return kernels.stream().map(k -> (long) k.kernelArea() * k.groupSize()).toList();
    }

    private static double ratio(List<Long> terms) {
        long max = terms.stream().mapToLong(Long::longValue).max().orElse(1);
        long min = terms.stream().mapToLong(Long::longValue).min().orElse(1);
        return (double) max / min;
    }
}
