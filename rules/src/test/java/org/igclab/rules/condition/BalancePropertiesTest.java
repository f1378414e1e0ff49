package org.igclab.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.testing.RandomChains;

/** The closed forms and the integer optimum of the balance condition against numerical and exhaustive search. */
class BalancePropertiesTest {

    @Provide
    Arbitrary<Integer> areas() {
        return Arbitraries.of(1, 9, 25, 49);
    }

    /** {@code L* = ln(C S1)} and {@code Q*} are the minimum of the AM-GM bound over a fine grid of real lengths. */
    @Property(tries = 100)
    void closedFormOptimumMinimisesTheBound(@ForAll @IntRange(min = 2, max = 4096) int channels, @ForAll("areas") int area) {
        double bestLength = Double.NaN;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int step = 1; step <= 40_000; step++) {
            double length = step * 0.0005; // 0.0005 .. 20
            double value = BalanceCondition.boundAtLength(channels, area, length);
            if (value < bestValue) {
                bestValue = value;
                bestLength = length;
            }
        }
        assertThat(BalanceCondition.optimalLength(channels, area)).isCloseTo(bestLength, within(0.002));
        assertThat(BalanceCondition.optimalWeights(channels, area)).isLessThanOrEqualTo(bestValue * (1 + 1e-12));
        assertThat(BalanceCondition.optimalWeights(channels, area)).isCloseTo(bestValue, within(bestValue * 1e-6));
        assertThat(BalanceCondition.boundAtLength(channels, area, BalanceCondition.optimalLength(channels, area)))
                .isCloseTo(BalanceCondition.optimalWeights(channels, area), within(bestValue * 1e-12));
    }

    /** The channel-wise variant: {@code S1 C + C (L - 1) C^(1/(L-1))} is smallest at {@code L - 1 = ln C}. */
    @Property(tries = 100)
    void channelWiseClosedFormMinimisesItsBound(@ForAll @IntRange(min = 3, max = 4096) int channels, @ForAll("areas") int area) {
        double bestLength = Double.NaN;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int step = 1; step <= 40_000; step++) {
            double rest = step * 0.0005;
            double value = (double) area * channels + channels * rest * Math.pow(channels, 1.0 / rest);
            if (value < bestValue) {
                bestValue = value;
                bestLength = 1 + rest;
            }
        }
        assertThat(BalanceCondition.channelWiseOptimalLength(channels)).isCloseTo(bestLength, within(0.002));
        assertThat(BalanceCondition.channelWiseOptimalWeights(channels, area)).isCloseTo(bestValue, within(bestValue * 1e-6));
        assertThat(BalanceCondition.channelWiseOptimalWeights(channels, area)).isLessThanOrEqualTo(bestValue * (1 + 1e-12));
    }

    /**
     * AM-GM: every chain of length L with {@code prod K_l = C} (first kernel of area S1, any factor 1 allowed) has
     * at least {@code C L (C S1)^(1/L)} weights, with equality exactly when {@code S1 K1 = K2 = ... = KL}.
     */
    @Property(tries = 120)
    void amGmBoundHoldsForEveryFactorization(@ForAll @IntRange(min = 1, max = 2000) int channels,
                                             @ForAll("areas") int area,
                                             @ForAll @IntRange(min = 1, max = 5) int length) {
        List<int[]> all = new ArrayList<>();
        tuples(channels, length, new int[length], 0, all);
        assertThat(all).isNotEmpty();
        double bound = BalanceCondition.boundAtLength(channels, area, length);
        for (int[] k : all) {
            long weights = (long) channels * area * k[0];
            for (int l = 1; l < length; l++) {
                weights += (long) channels * k[l];
            }
            boolean balanced = Arrays.stream(k, 1, length).allMatch(v -> v == (long) area * k[0]);
            if (balanced) {
                assertThat((double) weights).as("balanced %s", Arrays.toString(k)).isCloseTo(bound, within(bound * 1e-9));
            } else {
                assertThat((double) weights).as("%s", Arrays.toString(k)).isGreaterThan(bound * (1 + 1e-12));
            }
        }
    }

    /** Ordered L-tuples of divisors (1 allowed) whose product is n. */
    private static void tuples(int n, int length, int[] prefix, int at, List<int[]> out) {
        if (at == length - 1) {
            prefix[at] = n;
            out.add(prefix.clone());
            return;
        }
        for (int d = 1; d <= n; d++) {
            if (n % d == 0) {
                prefix[at] = d;
                tuples(n / d, length, prefix, at + 1, out);
            }
        }
    }

    /** The report's own bound is the same AM-GM bound, and a real chain never beats it. */
    /** A width, a first kernel side and group sizes that multiply to the width. */
    record Factored(int c, int side, int[] k) {
    }

    @Provide
    Arbitrary<Factored> factored() {
        return Combinators.combine(Arbitraries.integers().between(1, 1024), RandomChains.kernelSide(), Arbitraries.integers().between(1, 4))
                .flatAs((c, side, length) -> RandomChains.factorsOfLength(c, length).map(k -> new Factored(c, side, k)));
    }

    @Property(tries = 150)
    void reportBoundMatchesTheFormula(@ForAll("factored") Factored f) {
        int c = f.c();
        int side = f.side();
        int[] k = f.k();
        int length = k.length;
        KernelChain chain = KernelChain.interleaved(c, side, k);
        BalanceReport report = BalanceCondition.analyze(chain);
        double bound = (double) c * length * Math.pow((double) c * side * side, 1.0 / length);

        assertThat(report.allKernels().boundAtLength()).isCloseTo(bound, within(bound * 1e-12));
        assertThat((double) report.weights()).isGreaterThanOrEqualTo(bound * (1 - 1e-12));
        long expectedWeights = (long) c * side * side * k[0];
        for (int l = 1; l < length; l++) {
            expectedWeights += (long) c * k[l];
        }
        assertThat(report.weights()).isEqualTo(expectedWeights).isEqualTo(chain.weightCount());
        assertThat(report.allKernels().optimalLength()).isEqualTo(BalanceCondition.optimalLength(c, side * side));
        assertThat(report.allKernels().optimalWeights()).isEqualTo(BalanceCondition.optimalWeights(c, side * side));
        long[] terms = new long[length];
        for (int l = 0; l < length; l++) {
            terms[l] = (long) (l == 0 ? side * side : 1) * k[l];
        }
        assertThat(report.allKernels().terms()).containsExactly(Arrays.stream(terms).boxed().toArray(Long[]::new));
        double ratio = (double) Arrays.stream(terms).max().orElseThrow() / Arrays.stream(terms).min().orElseThrow();
        assertThat(report.allKernels().imbalance()).isEqualTo(ratio);
        assertThat(report.oneByOne().isPresent()).isEqualTo(k[0] == 1 && length >= 2);
    }

    /** Chains with all {@code S_l K_l} equal have imbalance 1 and exactly the AM-GM bound as weights. */
    @Property(tries = 200)
    void balancedChainsMeetTheBound(@ForAll @IntRange(min = 1, max = 4) int m, @ForAll @Size(min = 1, max = 3) List<Boolean> threeByThree) {
        // a common value T = 9m; each kernel either 3x3 with K = m or 1x1 with K = 9m.
        int length = threeByThree.size();
        int[] sides = new int[length];
        int[] k = new int[length];
        long c = 1;
        for (int l = 0; l < length; l++) {
            sides[l] = threeByThree.get(l) ? 3 : 1;
            k[l] = sides[l] == 3 ? m : 9 * m;
            c *= k[l];
        }
        int channels = (int) c;
        KernelChain chain = KernelChain.interleaved(channels, k, sides);
        BalanceReport report = BalanceCondition.analyze(chain);

        assertThat(report.allKernels().terms()).containsOnly(9L * m);
        assertThat(report.allKernels().imbalance()).isEqualTo(1.0);
        assertThat(report.allKernels().isBalanced(0)).isTrue();
        double areaProduct = 1;
        for (int s : sides) {
            areaProduct *= s * s;
        }
        double bound = (double) channels * length * Math.pow(channels * areaProduct, 1.0 / length);
        assertThat((double) report.weights()).isCloseTo(bound, within(bound * 1e-9));
        assertThat(report.allKernels().boundAtLength()).isCloseTo(bound, within(bound * 1e-9));
        assertThat(report.weights()).isEqualTo((long) channels * length * 9 * m);
    }

    /** Channel-wise first kernel, then L - 1 equal 1x1 kernels: the 1x1 form is balanced and meets its bound. */
    @Property(tries = 100)
    void balancedOneByOneChainsMeetTheirBound(@ForAll @IntRange(min = 2, max = 16) int k,
                                              @ForAll @IntRange(min = 1, max = 3) int rest,
                                              @ForAll("areas") int area) {
        int channels = (int) Math.pow(k, rest);
        int[] groupSizes = new int[rest + 1];
        Arrays.fill(groupSizes, k);
        groupSizes[0] = 1;
        int side = (int) Math.round(Math.sqrt(area));
        KernelChain chain = KernelChain.interleaved(channels, side, groupSizes);
        BalanceReport report = BalanceCondition.analyze(chain);
        BalanceForm form = report.oneByOne().orElseThrow();

        assertThat(form.imbalance()).isEqualTo(1.0);
        assertThat(report.isBalanced(0)).isTrue();
        assertThat(BalanceCondition.imbalance(chain)).isEqualTo(1.0);
        long weights = (long) area * channels + (long) channels * rest * k;
        assertThat(report.weights()).isEqualTo(weights);
        assertThat(form.boundAtLength()).isCloseTo(weights, within(weights * 1e-9));
    }

    /** The integer optimum equals an independent exhaustive enumeration over divisors, ties included. */
    @Property(tries = 150)
    void integerOptimumMatchesExhaustiveSearch(@ForAll @IntRange(min = 1, max = 2000) int channels,
                                               @ForAll("areas") int area,
                                               @ForAll boolean channelWiseFirst) {
        Best best = new Best();
        for (int k1 = 1; k1 <= channels; k1++) {
            if (channels % k1 != 0 || (channelWiseFirst && k1 != 1)) {
                continue;
            }
            List<Integer> chain = new ArrayList<>();
            chain.add(k1);
            enumerate(channels / k1, (long) area * k1, chain, channels, best);
        }

        IntegerOptimum optimum = BalanceCondition.integerOptimum(channels, area, channelWiseFirst);

        assertThat(optimum.weights()).isEqualTo(best.weights);
        assertThat(optimum.groupSizes()).isEqualTo(best.chain);
        assertThat(optimum.groupSizes().stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b)).isEqualTo(channels);
        if (channelWiseFirst) {
            assertThat(optimum.groupSizes().get(0)).isEqualTo(1);
        }
    }

    /** Every chain K1, f_1..f_m with factors f >= 2, each compared as (weights, length, lexicographic). */
    private static void enumerate(int remaining, long sum, List<Integer> chain, int channels, Best best) {
        if (remaining == 1) {
            best.offer(sum * channels, chain);
            return;
        }
        for (int d = 2; d <= remaining; d++) {
            if (remaining % d == 0) {
                chain.add(d);
                enumerate(remaining / d, sum + d, chain, channels, best);
                chain.remove(chain.size() - 1);
            }
        }
    }

    private static final class Best {
        long weights = Long.MAX_VALUE;
        List<Integer> chain = List.of();

        void offer(long q, List<Integer> candidate) {
            if (q < weights || (q == weights && (candidate.size() < chain.size()
                    || (candidate.size() == chain.size() && lexLess(candidate, chain))))) {
                weights = q;
                chain = List.copyOf(candidate);
            }
        }

        private static boolean lexLess(List<Integer> a, List<Integer> b) {
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return a.get(i) < b.get(i);
                }
            }
            return false;
        }
    }

}
