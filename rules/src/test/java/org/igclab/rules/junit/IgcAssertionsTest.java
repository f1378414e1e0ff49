package org.igclab.rules.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.igclab.rules.junit.IgcAssertions.assertBalanced;
import static org.igclab.rules.junit.IgcAssertions.assertComplementary;
import static org.igclab.rules.junit.IgcAssertions.assertDense;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The assertions on the shipped samples and on chains built to hit each kind of failure, with their exact messages. */
class IgcAssertionsTest {
    private static final Path SAMPLES = Path.of("..", "samples", "chains");
    private static final Path LOOSE = SAMPLES.resolve("loose-c64.json");
    private static final Path NOT_INTERLEAVED = SAMPLES.resolve("not-interleaved-c64.json");
    private static final String LOOSE_NAME = "chain \"K=(1,8,16): prod K_l = 128 > 64, dense with every pair reached twice\" (C = 64, K = (1, 8, 16))";
    private static final String APART_NAME = "chain \"K=(1,8,8) without interleaving: the identity between kernels keeps the groups apart\" "
            + "(C = 64, K = (1, 8, 8))";

    private static AssertionFailedError failure(Runnable assertion) {
        Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(AssertionFailedError.class, assertion::run);
        return (AssertionFailedError) thrown;
    }

    @Test
    void goodSamplesPassAndReturnTheirReports() {
        assertThat(assertComplementary(SAMPLES.resolve("igcv2-c64.json")).verdict()).isEqualTo(Verdict.STRICT);
        assertThat(assertDense(SAMPLES.resolve("xception-c64.json")).isStrict()).isTrue();
        // strict with an explicit interleaving and a final permutation
        assertComplementary(SAMPLES.resolve("explicit-c8.json"));
        assertThat(assertBalanced(SAMPLES.resolve("igcv2-c64.json"), 0.0).applicable().imbalance()).isEqualTo(1.0);
        // a dense chain passes assertDense though it fails assertComplementary
        assertThat(assertDense(LOOSE).verdict()).isEqualTo(Verdict.DENSE);
        // IGCV1 L24M2 has S_l K_l = 18 and 24: within a tolerance of 1/3, not within less
        assertBalanced(SAMPLES.resolve("igcv1-l24m2.json"), 1.0 / 3);
    }

    @Test
    void tooManyPathsNameTheRepeatedPairAndTheStrictGroupSizes() {
        AssertionFailedError e = failure(() -> assertComplementary(LOOSE));
        assertThat(e).hasMessage(LOOSE_NAME + " is not strict: its complementary verdict is dense\n"
                + "  witness: output channel 0 reaches input channel 0 by 2 paths\n"
                + "  fix to consider: prod K_l = 128 exceeds C = 64, so each output channel has 128 paths for 64 input channels "
                + "and some pair is reached more than once whatever the permutations: reduce a group size so that prod K_l = 64, "
                + "e.g. K = (1, 8, 8) with canonical permutations: KernelChain.interleaved(64, 3, 1, 8, 8)");
        assertThat(e.getExpected().getValue()).isEqualTo("strict");
        assertThat(e.getActual().getValue()).isEqualTo("dense");
    }

    @Test
    void theWitnessCountIsExact() {
        // K = (1, 8, 32) on 64 channels: 256 paths from each output spread evenly over the 64 inputs, 4 to each.
        AssertionFailedError e = failure(() -> assertComplementary(KernelChain.interleaved(64, 3, 1, 8, 32)));
        assertThat(e.getMessage()).contains("\n  witness: output channel 0 reaches input channel 0 by 4 paths\n")
                .contains("prod K_l = 256 exceeds C = 64");
    }

    @Test
    void groupsKeptApartNameTheMissingPairAndThePermutationToChange() {
        String fix = "  fix to consider: prod K_l = 64 = C, so the group sizes are right, but the permutations do not interleave the groups "
                + "(paths first repeat at W_3, right after P_2): use the canonical interleaving Permutation.shuffle(C, G_l) after W_l "
                + "(Permutation.canonical(C, K_l); \"canonical\" in a chain file), here P_2 = Permutation.shuffle(64, 8) instead of identity; "
                + "with those the chain is strict";
        String witness = "  witness: output channel 0 does not reach input channel 8 (0 paths); output channel 0 reaches input channel 0 by 8 paths\n";
        assertThat(failure(() -> assertComplementary(NOT_INTERLEAVED)))
                .hasMessage(APART_NAME + " is not strict: its complementary verdict is neither (some output channel does not reach some input channel)\n" + witness + fix);
        AssertionFailedError dense = failure(() -> assertDense(NOT_INTERLEAVED));
        assertThat(dense).hasMessage(APART_NAME + " is not dense: its complementary verdict is neither (some output channel does not reach some input channel)\n" + witness + fix);
        assertThat(dense.getExpected().getValue()).isEqualTo("dense");
        assertThat(dense.getActual().getValue()).isEqualTo("neither");
    }

    @Test
    void anExplicitPermutationIsNamedAsSuch() {
        // C = 8, K = (2, 4), the outputs of W_1 reversed: W_2's first group reads channels 7, 6, 5, 4, i.e. W_1's groups 3 and 2
        // twice each, so inputs 4..7 are reached twice and 0..3 not at all.
        KernelChain reversed = new KernelChain(List.of(GroupConv.withGroupSize(8, 2, 3), GroupConv.withGroupSize(8, 4, 1)),
                List.of(Permutation.of(7, 6, 5, 4, 3, 2, 1, 0)));
        assertThat(failure(() -> assertComplementary(new ChainDocument("reversed", reversed)))).hasMessage(
                "chain \"reversed\" (C = 8, K = (2, 4)) is not strict: its complementary verdict is neither (some output channel does not reach some input channel)\n"
                + "  witness: output channel 0 does not reach input channel 0 (0 paths); output channel 0 reaches input channel 4 by 2 paths\n"
                + "  fix to consider: prod K_l = 8 = C, so the group sizes are right, but the permutations do not interleave the groups "
                + "(paths first repeat at W_2, right after P_1): use the canonical interleaving Permutation.shuffle(C, G_l) after W_l "
                + "(Permutation.canonical(C, K_l); \"canonical\" in a chain file), here P_1 = Permutation.shuffle(8, 4) instead of "
                + "an explicit permutation; with those the chain is strict");
    }

    @Test
    void tooFewPathsAskForLargerGroups() {
        KernelChain chain = KernelChain.interleaved(64, 3, 1, 4, 8);
        String start = "chain (C = 64, K = (1, 4, 8)) ";
        String witness = "  witness: output channel 0 does not reach input channel 32 (0 paths)\n";
        String because = "  fix to consider: prod K_l = 32 is less than C = 64, so each output channel has 32 paths for 64 input channels "
                + "and no permutation can connect every pair: raise a group size or add a kernel so that prod K_l ";
        String example = "64, e.g. K = (1, 8, 8) with canonical permutations: KernelChain.interleaved(64, 3, 1, 8, 8)";
        assertThat(failure(() -> assertComplementary(chain)))
                .hasMessage(start + "is not strict: its complementary verdict is neither (some output channel does not reach some input channel)\n" + witness + because + "= " + example);
        assertThat(failure(() -> assertDense(chain)))
                .hasMessage(start + "is not dense: its complementary verdict is neither (some output channel does not reach some input channel)\n" + witness + because + ">= " + example);
    }

    @Test
    void theSuggestedGroupSizesKeepTheKernelSizes() {
        // 5x5 first kernel, a 3x3 second one: the suggestion spells the sides out
        KernelChain chain = KernelChain.interleaved(16, new int[] {2, 16}, new int[] {5, 3});
        assertThat(failure(() -> assertComplementary(chain)).getMessage())
                .endsWith("e.g. K = (2, 8) with canonical permutations: KernelChain.interleaved(16, new int[] {2, 8}, new int[] {5, 3})");
    }

    @Test
    void unbalancedChainsNameTheTermsTheKernelOutOfLineAndTheBalancedSizes() {
        assertThat(failure(() -> assertBalanced(LOOSE, 0.1))).hasMessage(LOOSE_NAME
                + " is not balanced within tolerance 0.1: max/min of S_l K_l = 16/8 = 2 exceeds 1 + 0.1, over the 1x1 kernels after the channel-wise W_1\n"
                + "  S_l K_l: W_2 = 1 x 8 = 8, W_3 = 1 x 16 = 16\n"
                + "  out of line: W_3 (16, above) against the balanced value (C * prod S_l)^(1/2) = 8 over W_2..W_3\n"
                + "  fix to consider: K = (1, 8, 8) balances the chain: S_l K_l = 8 for W_2..W_3, Q = 1,600 weights instead of 2,112 "
                + "(KernelChain.interleaved(64, 3, 1, 8, 8))");
    }

    @Test
    void theToleranceIsShownAsGivenAndTheRatioAsItsTerms() {
        // 24/18 = 1.333... passes at 1/3 (see above) and fails just below it, which rounding to two places would hide
        AssertionFailedError e = failure(() -> assertBalanced(SAMPLES.resolve("igcv1-l24m2.json"), 0.333));
        assertThat(e.getMessage()).contains("is not balanced within tolerance 0.333: max/min of S_l K_l = 24/18 = 1.33 exceeds 1 + 0.333, ");
        assertThat(e.getExpected().getValue()).isEqualTo("max/min <= 1 + 0.333");
        assertThat(e.getActual().getValue()).isEqualTo("max/min = 24/18 = 1.33");
    }

    @Test
    void withoutExactBalanceTheClosestSizesAndTheOptimumAreNamed() {
        // IGCV1 L24M2: 9 * 2 = 18 against 1 * 24 = 24, and no two-kernel chain on 48 channels does better
        assertThat(failure(() -> assertBalanced(SAMPLES.resolve("igcv1-l24m2.json"), 0.1))).hasMessage(
                "chain \"IGCV1 IGC-L24M2 (C=48): 24 groups of 2 channels (3x3), then 2 groups of 24 (1x1)\" (C = 48, K = (2, 24)) "
                + "is not balanced within tolerance 0.1: max/min of S_l K_l = 24/18 = 1.33 exceeds 1 + 0.1, over all kernels\n"
                + "  S_l K_l: W_1 = 9 x 2 = 18, W_2 = 1 x 24 = 24\n"
                + "  out of line: W_1 (18, below) and W_2 (24, above) against the balanced value (C * prod S_l)^(1/2) = 20.78 over W_1..W_2\n"
                + "  fix to consider: no group sizes with prod K_l = 48 make S_l K_l equal for W_1..W_2 with these kernel sizes, and none is "
                + "more balanced than this chain; over all lengths the fewest weights are K = (1, 3, 4, 4) with Q = 960 (this chain: 2,016; "
                + "closed-form optimum length L* = 6.07)");
        // K = (1, 2, 24): 2 against 24; of the three-kernel chains on 48 channels (1, 6, 8) comes closest (8 / 6)
        assertThat(failure(() -> assertBalanced(KernelChain.interleaved(48, 3, 1, 2, 24), 0.5)).getMessage())
                .contains("\n  out of line: W_2 (2, below) and W_3 (24, above) against the balanced value (C * prod S_l)^(1/2) = 6.93 over W_2..W_3\n")
                .contains("and the most balanced are K = (1, 6, 8) (max/min = 1.33); over all lengths the fewest weights are K = (1, 3, 4, 4)");
    }

    @Test
    void balanceNeedsAConstantWidthAndASensibleTolerance() {
        KernelChain widening = new KernelChain(List.of(new GroupConv(32, 64, 32, 3, 1), GroupConv.of(64, 8, 1)),
                List.of(Permutation.identity(64)));
        assertThat(failure(() -> assertBalanced(widening, 0.5))).hasMessage("chain (C = 32 -> 64, K = (1, 8)) has no balance condition: "
                + "it needs every kernel to keep the width C, and this chain goes from 32 to 64 channels or changes width inside");
        KernelChain good = KernelChain.interleaved(64, 3, 1, 8, 8);
        assertThatThrownBy(() -> assertBalanced(good, -0.1)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("tolerance = -0.1 must be 0 or more (0: all S_l K_l equal)");
        assertThatThrownBy(() -> assertBalanced(good, Double.NaN)).isExactlyInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chainFilesThatCannotBeReadOrAreInvalid(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> assertComplementary(dir.resolve("absent.json"))).isExactlyInstanceOf(UncheckedIOException.class)
                .hasMessage("no file " + dir.resolve("absent.json"));
        assertThatThrownBy(() -> assertDense(Path.of("no-such-dir", "x.json"))).isExactlyInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("no file no-such-dir/x.json (relative paths are resolved against the working directory ");

        Path invalid = Files.writeString(dir.resolve("invalid.json"), "{\"channels\": 64, \"kernels\": [{\"groups\": 5}]}");
        assertThat(failure(() -> assertComplementary(invalid))).hasMessage(invalid
                + " is not a valid chain file: kernels[0].groups = 5 does not divide 64 input channels").hasCauseInstanceOf(InvalidDesignException.class);

        // a chain file without a name is named after the file
        Path unnamed = Files.writeString(dir.resolve("unnamed.json"), "{\"channels\": 8, \"kernels\": [{\"groupSize\": 4}, {\"groupSize\": 4}]}");
        assertThat(failure(() -> assertComplementary(unnamed)).getMessage()).startsWith("chain \"unnamed.json\" (C = 8, K = (4, 4)) is not");
    }
}
