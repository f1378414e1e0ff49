package org.igclab.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.igclab.rules.testing.BruteForcePaths;
import org.igclab.rules.testing.RandomChains;

/** The complementary checker against the definition, on random chains. */
class ComplementaryPropertiesTest {

    /** A canonical interleaving of any ordered factorization of C (with channel-wise kernels anywhere) is strict. */
    @Property(tries = 300)
    void canonicalChainsAreStrictlyComplementary(@ForAll("canonicalChains") KernelChain chain) {
        int c = chain.inChannels();
        assertThat(chain.productOfGroupSizes()).isEqualTo(BigInteger.valueOf(c));

        ComplementaryReport report = ComplementaryCondition.check(chain);

        assertThat(report.verdict()).isEqualTo(Verdict.STRICT);
        assertThat(report.isStrict()).isTrue();
        assertThat(report.isDense()).isTrue();
        assertThat(report.necessaryConditionHolds()).isTrue();
        assertThat(report.minPathCount()).isEqualTo(PathCount.ONE);
        assertThat(report.maxPathCount()).isEqualTo(PathCount.ONE);
        assertThat(report.connectedPairs()).isEqualTo((long) c * c);
        assertThat(report.redundantPairs()).isZero();
        assertThat(report.connectedFraction()).isEqualTo(1.0);
        assertThat(report.missing()).isEmpty();
        assertThat(report.redundant()).isEmpty();
        assertThat(report.witness()).isEmpty();
        // spot check one row exactly: every input reached once
        int output = c - 1;
        assertThat(ComplementaryCondition.exactPathsFrom(chain, output)).containsOnly(BigInteger.ONE);
    }

    /** The same with the block-shape factory: first kernel k x k, then 1x1 kernels. */
    @Property(tries = 200)
    void usualBlockShapeIsStrictForEveryFactorization(@ForAll("factorizations") int[] factors) {
        int c = Arrays.stream(factors).reduce(1, (a, b) -> a * b);
        int[] groupSizes = new int[factors.length + 1];
        groupSizes[0] = 1;
        System.arraycopy(factors, 0, groupSizes, 1, factors.length);
        KernelChain chain = KernelChain.interleaved(c, 3, groupSizes);

        assertThat(chain.kernel(0).kernelSize()).isEqualTo(3);
        assertThat(chain.kernels().subList(1, chain.length())).allMatch(k -> k.kernelSize() == 1);
        assertThat(ComplementaryCondition.check(chain).verdict()).isEqualTo(Verdict.STRICT);
    }

    /**
     * The fast checker agrees with the brute-force product of 0/1 matrices: verdict, saturated extremes,
     * pair counts, and the witnesses are real pairs with the reported counts.
     */
    @Property(tries = 300)
    void fastCheckerAgreesWithBruteForce(@ForAll("smallChains") KernelChain chain) {
        long[][] n = BruteForcePaths.pathCounts(chain);
        int out = chain.outChannels();
        int in = chain.inChannels();
        assertThat(n.length).isEqualTo(out);
        assertThat(n[0].length).isEqualTo(in);

        long min = Long.MAX_VALUE;
        long max = 0;
        long connected = 0;
        long redundant = 0;
        for (long[] row : n) {
            for (long v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                connected += v >= 1 ? 1 : 0;
                redundant += v >= 2 ? 1 : 0;
            }
        }
        Verdict expected = min == 0 ? Verdict.NEITHER : max == 1 ? Verdict.STRICT : Verdict.DENSE;
        Statistics.label("verdict").collect(expected);

        ComplementaryReport report = ComplementaryCondition.check(chain);

        assertThat(report.verdict()).as("verdict of %s", chain).isEqualTo(expected);
        assertThat(report.outChannels()).isEqualTo(out);
        assertThat(report.inChannels()).isEqualTo(in);
        assertThat(report.minPathCount()).isEqualTo(PathCount.of(min));
        assertThat(report.maxPathCount()).isEqualTo(PathCount.of(max));
        assertThat(report.connectedPairs()).isEqualTo(connected);
        assertThat(report.redundantPairs()).isEqualTo(redundant);

        // every output channel has prod K_l paths in all
        assertThat(report.productOfGroupSizes().longValueExact()).isEqualTo(Arrays.stream(chain.groupSizes()).asLongStream().reduce(1, (a, b) -> a * b));
        for (long[] row : n) {
            assertThat(Arrays.stream(row).sum()).isEqualTo(report.productOfGroupSizes().longValueExact());
        }

        assertThat(report.missing().isPresent()).isEqualTo(min == 0);
        report.missing().ifPresent(w -> {
            assertThat(w.paths()).isZero();
            assertThat(n[w.output()][w.input()]).as("brute count at missing witness %s", w).isZero();
        });
        assertThat(report.redundant().isPresent()).isEqualTo(max >= 2);
        report.redundant().ifPresent(w -> {
            assertThat(w.paths()).isGreaterThanOrEqualTo(BigInteger.TWO);
            assertThat(n[w.output()][w.input()]).as("brute count at redundant witness %s", w).isEqualTo(w.paths().longValueExact());
        });

        // exact rows and the explicit matrix
        PathCountMatrix matrix = PathCountMatrix.of(chain);
        assertThat(matrix.rows()).isEqualTo(out);
        assertThat(matrix.columns()).isEqualTo(in);
        for (int o = 0; o < out; o++) {
            assertThat(ComplementaryCondition.exactPathsFrom(chain, o)).as("exact row %d", o)
                    .containsExactly(Arrays.stream(n[o]).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new));
            for (int i = 0; i < in; i++) {
                assertThat(matrix.get(o, i)).isEqualTo(n[o][i]);
            }
        }
        assertThat(matrix.min()).isEqualTo(BigInteger.valueOf(min));
        assertThat(matrix.max()).isEqualTo(BigInteger.valueOf(max));

        Statistics.label("verdict").coverage(coverage -> {
            coverage.check(Verdict.STRICT).count(count -> count >= 5);
            coverage.check(Verdict.DENSE).count(count -> count >= 5);
            coverage.check(Verdict.NEITHER).count(count -> count >= 5);
        });
    }

    /**
     * Above one 64-bit word (widths 65..256, many not a multiple of 64) the bit-set rows still agree with
     * the exact matrix, which the brute force above validates at small widths.
     */
    @Property(tries = 60)
    void fastCheckerAgreesWithExactCountsOnWideChains(@ForAll("wideChains") KernelChain chain) {
        PathCountMatrix n = PathCountMatrix.of(chain);
        long connected = 0;
        long redundant = 0;
        for (int o = 0; o < n.rows(); o++) {
            for (int i = 0; i < n.columns(); i++) {
                connected += n.get(o, i) >= 1 ? 1 : 0;
                redundant += n.get(o, i) >= 2 ? 1 : 0;
            }
        }
        ComplementaryReport report = ComplementaryCondition.check(chain);
        long min = n.min().longValueExact();
        long max = n.max().longValueExact();
        Verdict expected = min == 0 ? Verdict.NEITHER : max == 1 ? Verdict.STRICT : Verdict.DENSE;
        assertThat(report.verdict()).isEqualTo(expected);
        assertThat(report.connectedPairs()).isEqualTo(connected);
        assertThat(report.redundantPairs()).isEqualTo(redundant);
        assertThat(report.minPathCount()).isEqualTo(PathCount.of(min));
        assertThat(report.maxPathCount()).isEqualTo(PathCount.of(max));
        report.missing().ifPresent(w -> assertThat(n.get(w.output(), w.input())).isZero());
        report.redundant().ifPresent(w -> assertThat(n.exact(w.output(), w.input())).isEqualTo(w.paths()).isGreaterThanOrEqualTo(BigInteger.TWO));
    }

    /** The necessary condition: a chain whose group sizes do not multiply to C is never strict. */
    @Property(tries = 200)
    void strictNeedsTheProductOfGroupSizes(@ForAll("smallChains") KernelChain chain) {
        ComplementaryReport report = ComplementaryCondition.check(chain);
        int order = report.productOfGroupSizes().compareTo(BigInteger.valueOf(chain.inChannels()));
        if (order != 0) {
            assertThat(report.verdict()).isNotEqualTo(Verdict.STRICT);
        }
        if (order < 0) {
            assertThat(report.verdict()).isEqualTo(Verdict.NEITHER);
        }
        if (report.isStrict()) {
            assertThat(report.necessaryConditionHolds()).isTrue();
        }
    }

    /** Reordering the outputs with a final permutation moves rows of N and changes no count. */
    @Property(tries = 150)
    void finalPermutationOnlyMovesRows(@ForAll("reorderedChains") Tuple.Tuple2<KernelChain, Permutation> reorder) {
        KernelChain chain = reorder.get1();
        Permutation last = reorder.get2();
        KernelChain reordered = new KernelChain(chain.kernels(), chain.permutations(), java.util.Optional.of(last));
        KernelChain plain = new KernelChain(chain.kernels(), chain.permutations());

        ComplementaryReport a = ComplementaryCondition.check(plain);
        ComplementaryReport b = ComplementaryCondition.check(reordered);
        assertThat(b.verdict()).isEqualTo(a.verdict());
        assertThat(b.connectedPairs()).isEqualTo(a.connectedPairs());
        assertThat(b.redundantPairs()).isEqualTo(a.redundantPairs());
        for (int o = 0; o < chain.outChannels(); o++) {
            assertThat(ComplementaryCondition.exactPathsFrom(reordered, o))
                    .containsExactly(ComplementaryCondition.exactPathsFrom(plain, last.sourceOf(o)));
        }
    }

    @Provide
    Arbitrary<KernelChain> smallChains() {
        return RandomChains.chains();
    }

    @Provide
    Arbitrary<KernelChain> wideChains() {
        return RandomChains.chains(RandomChains.WIDE_WIDTHS);
    }

    @Provide
    Arbitrary<int[]> factorizations() {
        return Arbitraries.integers().between(1, 512).flatMap(RandomChains::factorization);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<KernelChain, Permutation>> reorderedChains() {
        return RandomChains.chains().flatMap(chain -> RandomChains.anyOrder(chain.outChannels()).map(p -> Tuple.of(chain, p)));
    }

    /** C in 1..512, an ordered factorization with up to two channel-wise kernels put anywhere, any kernel sides. */
    @Provide
    Arbitrary<KernelChain> canonicalChains() {
        return factorizations().flatMap(factors -> {
            int c = Arrays.stream(factors).reduce(1, (a, b) -> a * b);
            // where the channel-wise kernels go: positions in the growing list (at least one kernel in all)
            Arbitrary<List<Integer>> ones = Arbitraries.integers().between(0, factors.length + 2).list()
                    .ofMinSize(factors.length == 0 ? 1 : 0).ofMaxSize(2);
            return ones.flatMap(positions -> {
                List<Integer> sizes = new ArrayList<>(Arrays.stream(factors).boxed().toList());
                positions.forEach(at -> sizes.add(Math.min(at, sizes.size()), 1));
                int[] groupSizes = sizes.stream().mapToInt(Integer::intValue).toArray();
                return RandomChains.kernelSide().list().ofSize(groupSizes.length)
                        .map(sides -> KernelChain.interleaved(c, groupSizes, sides.stream().mapToInt(Integer::intValue).toArray()));
            });
        });
    }
}
