package org.igclab.rules.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.igclab.rules.condition.BalanceCondition;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.testing.RandomChains;
import org.opentest4j.AssertionFailedError;

/** The group sizes a failure message suggests do what it says, on random chains. */
class SuggestionPropertiesTest {
    private static final Pattern BALANCES = Pattern.compile("K = \\(([0-9, ]+)\\) balances the chain");

    /** A width-keeping chain of 1 to 4 kernels, each group size a divisor of C, the first kernel 3x3. */
    @Provide
    Arbitrary<KernelChain> chains() {
        return RandomChains.width(RandomChains.SMALL_WIDTHS).flatMap(c -> RandomChains.divisor(c).list().ofMinSize(1).ofMaxSize(4)
                .map(k -> KernelChain.interleaved(c, 3, k.stream().mapToInt(Integer::intValue).toArray())));
    }

    /** A channel-wise 3x3 kernel, then 1x1 kernels whose group sizes multiply to C. */
    @Provide
    Arbitrary<KernelChain> strictChains() {
        return RandomChains.width(RandomChains.SMALL_WIDTHS).flatMap(c -> RandomChains.factorization(c).map(factors -> {
            int[] k = new int[factors.length + 1];
            k[0] = 1;
            System.arraycopy(factors, 0, k, 1, factors.length);
            return KernelChain.interleaved(c, 3, k);
        }));
    }

    /** Exhaustive: every tuple of divisors of this length with product C, under the same rules as the suggestion. */
    private static double leastDistance(int c, int[] given) {
        double[] best = {Double.POSITIVE_INFINITY};
        search(c, given, new int[given.length], 0, 1, best);
        return best[0];
    }

    private static void search(int c, int[] given, int[] tuple, int l, long product, double[] best) {
        if (l == tuple.length) {
            if (product == c) {
                double d = 0;
                for (int i = 0; i < tuple.length; i++) {
                    d += Math.abs(Math.log(given[i]) - Math.log(tuple[i]));
                }
                best[0] = Math.min(best[0], d);
            }
            return;
        }
        boolean channelWiseFirst = given[0] == 1 && given.length >= 2;
        for (int d : RandomChains.divisors(c)) {
            boolean allowed = l == 0 && channelWiseFirst ? d == 1 : d >= 2;
            if (allowed && product * d <= c) {
                tuple[l] = d;
                search(c, given, tuple, l + 1, product * d, best);
            }
        }
    }

    @Property(tries = 300)
    void theSuggestedStrictGroupSizesAreStrictKeepTheShapeAndAreNearest(@ForAll("chains") KernelChain chain) {
        int c = chain.inChannels();
        int[] given = chain.groupSizes();
        Optional<int[]> suggested = ComplementaryAdvice.nearestStrictGroupSizes(c, given, Describe.kernelSizes(chain));
        double least = leastDistance(c, given);
        assertThat(suggested.isPresent()).as("suggestion for C = %d, K = %s", c, Arrays.toString(given)).isEqualTo(least < Double.POSITIVE_INFINITY);
        suggested.ifPresent(k -> {
            assertThat(k).hasSameSizeAs(given);
            if (given[0] == 1 && given.length >= 2) {
                assertThat(k[0]).isEqualTo(1);
            }
            assertThat(ComplementaryCondition.check(KernelChain.interleaved(c, 3, k)).verdict()).isEqualTo(Verdict.STRICT);
            double distance = 0;
            for (int l = 0; l < k.length; l++) {
                distance += Math.abs(Math.log(given[l]) - Math.log(k[l]));
            }
            assertThat(distance).isCloseTo(least, within(1e-9));
        });
    }

    @Property(tries = 300)
    void groupSizesSaidToBalanceTheChainDo(@ForAll("chains") KernelChain chain, @ForAll @IntRange(min = 0, max = 3) int tenths) {
        double tolerance = tenths / 10.0;
        if (BalanceCondition.analyze(chain).isBalanced(tolerance)) {
            IgcAssertions.assertBalanced(chain, tolerance);
            return;
        }
        assertThatThrownBy(() -> IgcAssertions.assertBalanced(chain, tolerance)).isInstanceOfSatisfying(AssertionFailedError.class, e -> {
            Matcher m = BALANCES.matcher(e.getMessage());
            if (m.find()) {
                int[] k = Arrays.stream(m.group(1).split(", ")).mapToInt(Integer::parseInt).toArray();
                KernelChain balanced = KernelChain.interleaved(chain.inChannels(), 3, k);
                assertThat(balanced.productOfGroupSizes()).isEqualTo(java.math.BigInteger.valueOf(chain.inChannels()));
                assertThat(BalanceCondition.imbalance(balanced)).isEqualTo(1.0);
                assertThat(k).hasSameSizeAs(chain.groupSizes());
            } else {
                assertThat(e.getMessage()).contains("no group sizes with prod K_l = " + chain.inChannels() + " make S_l K_l equal");
            }
        });
    }

    @Property(tries = 100)
    void strictChainsPassEveryAssertionTheyShould(@ForAll("strictChains") KernelChain chain) {
        IgcAssertions.assertComplementary(chain);
        IgcAssertions.assertDense(chain);
    }
}
