package org.igclab.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.igclab.rules.factor.Factorizations;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;

/**
 * The canonical fast path against the exact checker: for every width up to 1,024 and every ordered factorization of
 * it, the canonical chain is recognised and its report equals the exact one, field by field. Chains that are not
 * canonical, or not of {@code prod K_l = C}, go to the exact checker.
 */
class CanonicalChainsTest {

    @Test
    void everyCanonicalFactorizationUpTo1024IsStrictExactly() {
        long chains = 0;
        for (int c = 1; c <= 1024; c++) {
            int width = c;
            int[] seen = {0};
            Factorizations.forEachOrdered(c, Factorizations.Bounds.any(), (factors, length) -> {
                // alternately a grouped first kernel and a channel-wise one (K_1 = 1) before the factors, as enumerated
                int[] sizes = seen[0]++ % 2 == 0 ? Arrays.copyOf(factors, Math.max(1, length)) : prepend(1, factors, length);
                if (length == 0) {
                    sizes[0] = 1;
                }
                KernelChain chain = KernelChain.interleaved(width, 3, sizes);
                assertThat(CanonicalChains.isStrictByConstruction(chain)).as("C=%d K=%s", width, Arrays.toString(sizes)).isTrue();
                assertThat(CanonicalChains.check(chain)).as("C=%d K=%s", width, Arrays.toString(sizes))
                        .isEqualTo(ComplementaryCondition.check(chain));
            });
            chains += seen[0];
        }
        // the ordered factorizations of 1..1024 (A074206 summed)
        assertThat(chains).isEqualTo(51_556);
    }

    private static int[] prepend(int first, int[] factors, int length) {
        int[] sizes = new int[length + 1];
        sizes[0] = first;
        System.arraycopy(factors, 0, sizes, 1, length);
        return sizes;
    }

    @Test
    void theStrictReportSaysWhatTheCheckerSays() {
        ComplementaryReport r = CanonicalChains.check(KernelChain.interleaved(64, 3, 1, 8, 8));
        assertThat(r.verdict()).isEqualTo(Verdict.STRICT);
        assertThat(r.connectedPairs()).isEqualTo(64L * 64);
        assertThat(r.redundantPairs()).isZero();
        assertThat(r.minPathCount()).isEqualTo(PathCount.ONE);
        assertThat(r.maxPathCount()).isEqualTo(PathCount.ONE);
        assertThat(r.witness()).isEmpty();
        assertThat(r.productOfGroupSizes()).isEqualTo(64);
    }

    @Test
    void chainsThatAreNotCanonicalGoToTheExactChecker() {
        KernelChain canonical = KernelChain.interleaved(16, 3, 1, 4, 4);
        // the same kernels with the identity between the 1x1 kernels: both read the same digit, so they do not interleave
        KernelChain identity = new KernelChain(canonical.kernels(), List.of(canonical.permutations().get(0), Permutation.identity(16)));
        KernelChain reversed = new KernelChain(canonical.kernels(), canonical.permutations(), Optional.of(reversal(16)));
        KernelChain loose = KernelChain.interleaved(16, 3, 1, 4, 8);
        KernelChain short_ = KernelChain.interleaved(16, 3, 1, 2, 4);
        for (KernelChain chain : List.of(identity, reversed, loose, short_)) {
            assertThat(CanonicalChains.isStrictByConstruction(chain)).as(chain.toString()).isFalse();
            assertThat(CanonicalChains.check(chain)).isEqualTo(ComplementaryCondition.check(chain));
        }
        assertThat(CanonicalChains.check(identity).verdict()).isEqualTo(Verdict.NEITHER);
        assertThat(CanonicalChains.check(loose).verdict()).isEqualTo(Verdict.DENSE);
        // a final permutation moves outputs only: still strict, but not recognised, so counted exactly
        assertThat(CanonicalChains.check(reversed).verdict()).isEqualTo(Verdict.STRICT);
    }

    private static Permutation reversal(int n) {
        int[] map = new int[n];
        Arrays.setAll(map, j -> n - 1 - j);
        return Permutation.of(map);
    }

    /** A canonical chain with one permutation swapped for another shuffle is recognised only when that shuffle is canonical. */
    @Property(tries = 200)
    void anotherShuffleIsRecognisedOnlyWhenCanonical(@ForAll("shuffledChains") Shuffled given) {
        assertThat(CanonicalChains.isStrictByConstruction(given.chain())).isEqualTo(given.canonical());
        assertThat(CanonicalChains.check(given.chain())).isEqualTo(ComplementaryCondition.check(given.chain()));
    }

    /** A chain, and whether its permutations are all canonical. */
    record Shuffled(KernelChain chain, boolean canonical) {
    }

    @Provide
    Arbitrary<Shuffled> shuffledChains() {
        Arbitrary<Integer> widths = Arbitraries.of(12, 16, 24, 36, 48, 64, 72, 96, 128);
        return widths.flatMap(c -> {
            List<int[]> all = Factorizations.ordered(c, new Factorizations.Bounds(2, 6, 2, c));
            Arbitrary<int[]> factorizations = Arbitraries.of(all);
            Arbitrary<Integer> rows = Arbitraries.of(Arrays.stream(divisors(c)).boxed().toList());
            return Combinators.combine(factorizations, rows, Arbitraries.integers().between(0, 4)).as((k, r, at) -> {
                KernelChain base = KernelChain.interleaved(c, 1, k);
                int l = at % base.permutations().size();
                List<Permutation> perms = new java.util.ArrayList<>(base.permutations());
                perms.set(l, Permutation.shuffle(c, r));
                // factors are 2 or more and there are two or more of them: canonical(C, K) is never the identity here
                return new Shuffled(new KernelChain(base.kernels(), perms), r == c / k[l]);
            });
        });
    }

    private static int[] divisors(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).filter(d -> n % d == 0).toArray();
    }
}
