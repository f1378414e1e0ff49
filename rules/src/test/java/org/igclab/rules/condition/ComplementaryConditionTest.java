package org.igclab.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;

/** Known answers, each worked out by hand in the comments. */
class ComplementaryConditionTest {

    private static KernelChain chain(int c, int[] groupSizes, Permutation... perms) {
        List<GroupConv> kernels = new java.util.ArrayList<>();
        for (int k : groupSizes) {
            kernels.add(GroupConv.withGroupSize(c, k, 1));
        }
        return new KernelChain(kernels, List.of(perms));
    }

    @Test
    void igcv2WithThePapersRuleIsStrict() {
        // C = 64, K = (1, 8, 8): 1 * 8 * 8 = 64 and the canonical shuffles interleave the two 8-way digits.
        KernelChain chain = KernelChain.interleaved(64, 3, 1, 8, 8);
        ComplementaryReport report = ComplementaryCondition.check(chain);

        assertThat(report.verdict()).isEqualTo(Verdict.STRICT);
        assertThat(report.productOfGroupSizes()).isEqualTo(big(64));
        assertThat(report.connectedPairs()).isEqualTo(4096);
        assertThat(report.redundantPairs()).isZero();
        assertThat(report.minPathCount()).isEqualTo(PathCount.ONE);
        assertThat(report.maxPathCount()).isEqualTo(PathCount.ONE);
        assertThat(report.explanation()).isEqualTo(
                "every output channel reaches every input channel by exactly one path (prod K_l = 64 = 64 input channels).");
    }

    @Test
    void withoutInterleavingTheGroupsStayApart() {
        // K = (1, 8, 8), C = 64, identity between kernels. W1 is channel-wise. W2 output o reads inputs of block
        // o / 8, i.e. [8g, 8g + 8). W3 output o (group g = o / 8) reads W2 outputs [8g, 8g + 8), all in block g,
        // so it reaches inputs [8g, 8g + 8) by 8 paths each and the other 56 inputs not at all.
        // Connected pairs: 64 outputs * 8 inputs = 512, all of them redundant. First missing pair: (0, 8).
        KernelChain chain = chain(64, new int[] {1, 8, 8}, Permutation.identity(64), Permutation.identity(64));
        ComplementaryReport report = ComplementaryCondition.check(chain);

        assertThat(report.verdict()).isEqualTo(Verdict.NEITHER);
        assertThat(report.isDense()).isFalse();
        assertThat(report.necessaryConditionHolds()).isTrue();
        assertThat(report.connectedPairs()).isEqualTo(512);
        assertThat(report.redundantPairs()).isEqualTo(512);
        assertThat(report.connectedFraction()).isEqualTo(0.125);
        assertThat(report.minPathCount()).isEqualTo(PathCount.NONE);
        assertThat(report.maxPathCount()).isEqualTo(PathCount.MANY);
        assertThat(report.missing()).contains(witness(0, 8, 0));
        assertThat(report.redundant()).contains(witness(0, 0, 8));
        assertThat(report.witness()).isEqualTo(report.missing());
        assertThat(report.explanation()).isEqualTo("output channel 0 does not reach input channel 8 (0 paths); "
                + "the permutations route some paths twice (output channel 0 reaches input channel 0 by 8 paths) "
                + "instead of reaching every input.");
        assertThat(ComplementaryCondition.exactPaths(chain, 17, 20)).isEqualTo(big(8)); // 17 and 20 both in block 2
        assertThat(ComplementaryCondition.exactPaths(chain, 17, 8)).isZero();
    }

    @Test
    void tooManyPathsMakeADenseChainThatIsNotStrict() {
        // K = (1, 8, 16), C = 64, canonical: P1 = identity (after a channel-wise kernel), P2 = shuffle(64, 8):
        // position c*8 + r holds W2 output r*8 + c (group r, reaching inputs [8r, 8r + 8)). A W3 group h reads
        // positions [16h, 16h + 16), i.e. c in {2h, 2h+1} and every r: every input once per c, so 2 paths
        // for every one of the 64 * 64 = 4096 pairs. prod K_l = 128 > 64.
        KernelChain chain = KernelChain.interleaved(64, 3, 1, 8, 16);
        ComplementaryReport report = ComplementaryCondition.check(chain);

        assertThat(report.verdict()).isEqualTo(Verdict.DENSE);
        assertThat(report.isDense()).isTrue();
        assertThat(report.isStrict()).isFalse();
        assertThat(report.productOfGroupSizes()).isEqualTo(big(128));
        assertThat(report.necessaryConditionHolds()).isFalse();
        assertThat(report.connectedPairs()).isEqualTo(4096);
        assertThat(report.redundantPairs()).isEqualTo(4096);
        assertThat(report.minPathCount()).isEqualTo(PathCount.MANY);
        assertThat(report.maxPathCount()).isEqualTo(PathCount.MANY);
        assertThat(report.missing()).isEmpty();
        assertThat(report.redundant()).contains(witness(0, 0, 2));
        assertThat(report.witness()).contains(witness(0, 0, 2));
        assertThat(report.explanation()).isEqualTo("every output channel reaches every input channel, but output channel 0 "
                + "reaches input channel 0 by 2 paths; prod K_l = 128 exceeds the 64 input channels, so paths must repeat.");
        for (int o = 0; o < 64; o += 7) {
            assertThat(ComplementaryCondition.exactPathsFrom(chain, o)).containsOnly(big(2));
        }
    }

    @Test
    void tooFewPathsCanNeverConnectEverything() {
        // K = (1, 8), C = 64: each output has 8 paths, so it reaches at most 8 of 64 inputs.
        // Output 0 (group 0 of W2) reads positions 0..7 of P1 = identity: inputs 0..7 once each.
        KernelChain chain = KernelChain.interleaved(64, 3, 1, 8);
        ComplementaryReport report = ComplementaryCondition.check(chain);

        assertThat(report.verdict()).isEqualTo(Verdict.NEITHER);
        assertThat(report.connectedPairs()).isEqualTo(64 * 8);
        assertThat(report.redundantPairs()).isZero();
        assertThat(report.minPathCount()).isEqualTo(PathCount.NONE);
        assertThat(report.maxPathCount()).isEqualTo(PathCount.ONE);
        assertThat(report.missing()).contains(witness(0, 8, 0));
        assertThat(report.redundant()).isEmpty();
        assertThat(report.explanation()).isEqualTo("output channel 0 does not reach input channel 8 (0 paths); "
                + "prod K_l = 8 is less than the 64 input channels, so no permutation can connect them all.");
    }

    @Test
    void depthwiseSeparableIsStrict() {
        // K = (1, 64): one dense 1x1 after a channel-wise kernel, every pair by exactly one path.
        KernelChain chain = chain(64, new int[] {1, 64}, Permutation.identity(64));
        assertThat(ComplementaryCondition.check(chain).verdict()).isEqualTo(Verdict.STRICT);
    }

    @Test
    void fourChannelsByHand() {
        // C = 4, K = (2, 2). W1 groups {0,1}, {2,3}; W2 likewise.
        // Identity: output 0 reads W1 outputs 0, 1, both group 0: inputs 0 and 1 by 2 paths, 2 and 3 by none.
        KernelChain apart = chain(4, new int[] {2, 2}, Permutation.identity(4));
        ComplementaryReport a = ComplementaryCondition.check(apart);
        assertThat(a.verdict()).isEqualTo(Verdict.NEITHER);
        assertThat(a.connectedPairs()).isEqualTo(8);
        assertThat(a.redundantPairs()).isEqualTo(8);
        assertThat(a.missing()).contains(witness(0, 2, 0));
        assertThat(a.redundant()).contains(witness(0, 0, 2));

        // [0, 2, 1, 3] = shuffle(4, 2): W2 group 0 reads W1 outputs 0 (group 0) and 2 (group 1): one path to each input.
        KernelChain interleaved = chain(4, new int[] {2, 2}, Permutation.of(0, 2, 1, 3));
        assertThat(ComplementaryCondition.check(interleaved).verdict()).isEqualTo(Verdict.STRICT);

        // [1, 0, 3, 2] swaps inside the groups: still apart.
        KernelChain swapped = chain(4, new int[] {2, 2}, Permutation.of(1, 0, 3, 2));
        assertThat(ComplementaryCondition.check(swapped).verdict()).isEqualTo(Verdict.NEITHER);

        // [3, 0, 1, 2]: W2 group 0 reads W1 outputs 3 (group 1) and 0 (group 0) -> strict too (any choice
        // putting one channel of each W1 group into each W2 group interleaves).
        KernelChain rotated = chain(4, new int[] {2, 2}, Permutation.of(3, 0, 1, 2));
        assertThat(ComplementaryCondition.check(rotated).verdict()).isEqualTo(Verdict.STRICT);
    }

    @Test
    void witnessesFollowTheFinalPermutation() {
        // The "apart" chain above with a final [2, 3, 0, 1]: output 0 carries the last kernel's channel 2
        // (group 1), which reaches inputs 2 and 3 by 2 paths each and inputs 0 and 1 by none.
        KernelChain chain = new KernelChain(
                List.of(GroupConv.of(4, 2, 1), GroupConv.of(4, 2, 1)),
                List.of(Permutation.identity(4)),
                Optional.of(Permutation.of(2, 3, 0, 1)));
        ComplementaryReport report = ComplementaryCondition.check(chain);
        assertThat(report.missing()).contains(witness(0, 0, 0));
        assertThat(report.redundant()).contains(witness(0, 2, 2));
        assertThat(ComplementaryCondition.exactPathsFrom(chain, 0)).containsExactly(big(0), big(0), big(2), big(2));
        assertThat(ComplementaryCondition.exactPathsFrom(chain, 3)).containsExactly(big(2), big(2), big(0), big(0));
    }

    @Test
    void widthChangingChainIsCheckedOnItsOwnShape() {
        // 4 -> 8 channels with 2 groups (each output reads 2 inputs), then 8 -> 8 with 4 groups of 2,
        // interleaving shuffle(8, 2): position c*2 + r takes channel r*4 + c. W2 group 0 reads positions 0, 1 =
        // W1 outputs 0 (group 0: inputs 0, 1) and 4 (group 1: inputs 2, 3): one path to every input.
        KernelChain chain = new KernelChain(
                List.of(new GroupConv(4, 8, 2, 1, 1), new GroupConv(8, 8, 4, 1, 1)),
                List.of(Permutation.shuffle(8, 2)));
        ComplementaryReport report = ComplementaryCondition.check(chain);
        assertThat(report.outChannels()).isEqualTo(8);
        assertThat(report.inChannels()).isEqualTo(4);
        assertThat(report.verdict()).isEqualTo(Verdict.STRICT);
        assertThat(report.productOfGroupSizes()).isEqualTo(big(4));
        assertThat(report.connectedPairs()).isEqualTo(32);
    }

    @Test
    void denseChainWhoseRowsDiffer() {
        // 2 inputs fanned out channel-wise to 12: W1 outputs 0..5 read input 0, outputs 6..11 read input 1.
        // P1 puts W1 outputs {0, 6, 7, 8} in W2 group 0, {1, 2, 3, 9} in group 1 and {4, 5, 10, 11} in group 2, so
        // W2 outputs 0..3 reach the inputs by (1, 3) paths, outputs 4..7 by (3, 1), outputs 8..11 by (2, 2).
        // Dense; the smallest count is 1 although the last rows have none; redundant pairs 4 + 4 + 8 = 16.
        KernelChain chain = new KernelChain(
                List.of(new GroupConv(2, 12, 2, 1, 1), new GroupConv(12, 12, 3, 1, 1)),
                List.of(Permutation.of(0, 6, 7, 8, 1, 2, 3, 9, 4, 5, 10, 11)));
        ComplementaryReport report = ComplementaryCondition.check(chain);
        assertThat(report.verdict()).isEqualTo(Verdict.DENSE);
        assertThat(report.productOfGroupSizes()).isEqualTo(big(4));
        assertThat(report.connectedPairs()).isEqualTo(24);
        assertThat(report.redundantPairs()).isEqualTo(16);
        assertThat(report.minPathCount()).isEqualTo(PathCount.ONE);
        assertThat(report.maxPathCount()).isEqualTo(PathCount.MANY);
        assertThat(report.redundant()).contains(witness(0, 1, 3));
        assertThat(ComplementaryCondition.exactPathsFrom(chain, 5)).containsExactly(big(3), big(1));
        assertThat(ComplementaryCondition.exactPathsFrom(chain, 11)).containsExactly(big(2), big(2));
        assertThat(report.explanation()).isEqualTo("every output channel reaches every input channel, but output channel 0 "
                + "reaches input channel 1 by 3 paths; prod K_l = 4 exceeds the 2 input channels, so paths must repeat.");
    }

    @Test
    void wideStrictChainHasNoWitnessPastTheLastWord() {
        // C = 100 is not a multiple of 64: the padding bits of the last bit-set word must not count as missing.
        KernelChain chain = KernelChain.interleaved(100, 3, 1, 4, 25);
        ComplementaryReport report = ComplementaryCondition.check(chain);
        assertThat(report.verdict()).isEqualTo(Verdict.STRICT);
        assertThat(report.connectedPairs()).isEqualTo(10_000);
        assertThat(report.missing()).isEmpty();
    }

    @Test
    void witnessDescriptions() {
        assertThat(witness(17, 3, 0).describe()).isEqualTo("output channel 17 does not reach input channel 3 (0 paths)");
        assertThat(witness(17, 3, 1).describe()).isEqualTo("output channel 17 reaches input channel 3 by 1 path");
        assertThat(witness(17, 3, 2).describe()).isEqualTo("output channel 17 reaches input channel 3 by 2 paths");
    }

    @Test
    void pathCountLabelsAndSaturation() {
        assertThat(PathCount.of(0)).isEqualTo(PathCount.NONE);
        assertThat(PathCount.of(1)).isEqualTo(PathCount.ONE);
        assertThat(PathCount.of(2)).isEqualTo(PathCount.MANY);
        assertThat(PathCount.of(Long.MAX_VALUE)).isEqualTo(PathCount.MANY);
        assertThat(PathCount.MANY.label()).isEqualTo("2+");
        assertThat(PathCount.MANY.count()).isEqualTo(2);
        assertThat(PathCount.MANY.saturated()).isTrue();
        assertThat(PathCount.ONE.count()).isEqualTo(1);
        assertThat(PathCount.ONE.saturated()).isFalse();
        assertThat(PathCount.NONE.label()).isEqualTo("0");
        assertThat(Verdict.STRICT.label()).isEqualTo("strict");
        assertThat(Verdict.DENSE.label()).isEqualTo("dense");
        assertThat(Verdict.NEITHER.label()).isEqualTo("neither");
    }

    @Test
    void pathCountMatrixByHand() {
        // IGC-L4M2 on 8 channels: K = (2, 4), shuffle(8, 4) in between; strict, so N is all ones.
        PathCountMatrix strict = PathCountMatrix.of(KernelChain.interleaved(8, 3, 2, 4));
        assertThat(strict.rows()).isEqualTo(8);
        assertThat(strict.columns()).isEqualTo(8);
        assertThat(strict.min()).isEqualTo(big(1));
        assertThat(strict.max()).isEqualTo(big(1));

        // The 4-channel identity chain: N = [[2,2,0,0],[2,2,0,0],[0,0,2,2],[0,0,2,2]].
        PathCountMatrix apart = PathCountMatrix.of(chain(4, new int[] {2, 2}, Permutation.identity(4)));
        long[][] expected = {{2, 2, 0, 0}, {2, 2, 0, 0}, {0, 0, 2, 2}, {0, 0, 2, 2}};
        for (int o = 0; o < 4; o++) {
            for (int i = 0; i < 4; i++) {
                assertThat(apart.get(o, i)).as("N[%d][%d]", o, i).isEqualTo(expected[o][i]);
            }
        }
        assertThat(apart.min()).isZero();
        assertThat(apart.max()).isEqualTo(big(2));
    }

    @Test
    void hugeCountsAreExactPast64Bits() {
        // L dense kernels on 256 channels: 256^(L-1) paths per pair. L = 8: 2^56 fits; L = 9: 2^64 does not
        // (a plain long sum wraps to exactly 0, which would read as "no path").
        assertThat(PathCountMatrix.of(denseChain(256, 8)).get(3, 7)).isEqualTo(1L << 56);
        KernelChain nine = denseChain(256, 9);
        PathCountMatrix n = PathCountMatrix.of(nine);
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        assertThat(n.get(3, 7)).isEqualTo(Long.MAX_VALUE); // the long view saturates: still "many", never "none"
        assertThat(n.exact(3, 7)).isEqualTo(twoTo64);
        assertThat(n.min()).isEqualTo(twoTo64);
        assertThat(n.max()).isEqualTo(twoTo64);
        assertThat(ComplementaryCondition.exactPaths(nine, 3, 7)).isEqualTo(twoTo64);
        assertThat(nine.productOfGroupSizes()).isEqualTo(BigInteger.ONE.shiftLeft(72));
        ComplementaryReport report = ComplementaryCondition.check(nine);
        assertThat(report.verdict()).isEqualTo(Verdict.DENSE);
        assertThat(report.redundant()).contains(new Witness(0, 0, twoTo64));
        assertThat(report.redundant().orElseThrow().describe()).endsWith("by 18446744073709551616 paths");
        assertThat(report.explanation()).contains("prod K_l = 4722366482869645213696 exceeds the 256 input channels");
    }

    private static Witness witness(int output, int input, long paths) {
        return new Witness(output, input, BigInteger.valueOf(paths));
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private static KernelChain denseChain(int c, int length) {
        List<GroupConv> kernels = new java.util.ArrayList<>();
        List<Permutation> perms = new java.util.ArrayList<>();
        for (int l = 0; l < length; l++) {
            kernels.add(GroupConv.of(c, 1, 1));
            if (l + 1 < length) {
                perms.add(Permutation.identity(c));
            }
        }
        return new KernelChain(kernels, perms);
    }

    @Test
    void pathCountMatrixRefusesHugeWidths() {
        KernelChain wide = KernelChain.interleaved(4096, 3, 1, 4096);
        assertThatThrownBy(() -> PathCountMatrix.of(wide))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the path-count matrix would have 16777216 entries (4096 x 4096); the limit is 4194304");
        // the fast checker has no such limit
        assertThat(ComplementaryCondition.check(wide).verdict()).isEqualTo(Verdict.STRICT);
    }
}
