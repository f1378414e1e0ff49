package org.igclab.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;

/** Known answers for the balance condition, worked out by hand. */
class BalanceConditionTest {

    @Test
    void igcv2PapersRuleIsBalancedInTheOneByOneForm() {
        // C = 64, K = (1, 8, 8), S = (9, 1, 1). Q = 64 * (9 + 8 + 8) = 1600.
        // All kernels: terms (9, 8, 8), imbalance 9/8; bound 64 * 3 * (64 * 9)^(1/3).
        // 1x1 form: terms (8, 8), imbalance 1; bound 9 * 64 + 64 * 2 * 64^(1/2) = 576 + 1024 = 1600 = Q.
        KernelChain chain = KernelChain.interleaved(64, 3, 1, 8, 8);
        BalanceReport report = BalanceCondition.analyze(chain);

        assertThat(report.channels()).isEqualTo(64);
        assertThat(report.weights()).isEqualTo(1600);
        BalanceForm all = report.allKernels();
        assertThat(all.terms()).containsExactly(9L, 8L, 8L);
        assertThat(all.imbalance()).isEqualTo(9.0 / 8.0);
        assertThat(all.isBalanced(0)).isFalse();
        assertThat(all.isBalanced(0.125)).isTrue();
        assertThat(all.boundAtLength()).isCloseTo(192 * Math.cbrt(576), within(1e-9));
        assertThat(all.optimalLength()).isCloseTo(Math.log(576), within(1e-12));
        assertThat(all.optimalWeights()).isCloseTo(Math.E * 64 * Math.log(576), within(1e-9));

        BalanceForm oneByOne = report.oneByOne().orElseThrow();
        assertThat(report.applicable()).isSameAs(oneByOne);
        assertThat(oneByOne.terms()).containsExactly(8L, 8L);
        assertThat(oneByOne.imbalance()).isEqualTo(1.0);
        assertThat(oneByOne.boundAtLength()).isCloseTo(1600.0, within(1e-9));
        assertThat(oneByOne.optimalLength()).isCloseTo(1 + Math.log(64), within(1e-12));
        assertThat(oneByOne.optimalWeights()).isCloseTo(9 * 64 + Math.E * 64 * Math.log(64), within(1e-9));
        assertThat(report.isBalanced(0)).isTrue();
        assertThat(BalanceCondition.imbalance(chain)).isEqualTo(1.0);

        // Integer optimum: minimise 9 * K1 + sum of factors >= 2 of 64 / K1. The factors of 2^6 cost 2 per bit
        // with 2s and 4s (8 costs 8 for 3 bits), so the least sum is 12 and the shortest way is 4 * 4 * 4:
        // K1 = 1 gives 9 + 12 = 21, K1 = 2 gives 18 + 10 = 28; best (1, 4, 4, 4), Q = 64 * 21 = 1344.
        assertThat(oneByOne.integerOptimum()).isEqualTo(new IntegerOptimum(List.of(1, 4, 4, 4), 1344));
        assertThat(all.integerOptimum()).isEqualTo(new IntegerOptimum(List.of(1, 4, 4, 4), 1344));
    }

    @Test
    void integerOptimaByHand() {
        // S1 = 1, any K1: 64 -> 4 * 4 * 4 (sum 12, length 3). 2 * (2, 4, 4) also sums to 12 but is longer,
        // 1 * (4, 4, 4) costs 13, 8 * (2, 4) costs 14.
        assertThat(BalanceCondition.integerOptimum(64, 1, false)).isEqualTo(new IntegerOptimum(List.of(4, 4, 4), 768));
        // C = 12, S1 = 9, channel-wise first: 9 + min(12, 2+6, 3+4, 2+2+3) = 9 + 7; 3 * 4 and 4 * 3 tie at
        // length 2, the lexicographically smaller is (3, 4). Q = 12 * 16 = 192.
        assertThat(BalanceCondition.integerOptimum(12, 9, true)).isEqualTo(new IntegerOptimum(List.of(1, 3, 4), 192));
        // C = 1: the only chain is a single channel-wise kernel, Q = S1.
        assertThat(BalanceCondition.integerOptimum(1, 9, false)).isEqualTo(new IntegerOptimum(List.of(1), 9));
        // C = 7 prime, S1 = 1: (7) costs 7, (1, 7) costs 8.
        IntegerOptimum prime = BalanceCondition.integerOptimum(7, 1, false);
        assertThat(prime.groupSizes()).containsExactly(7);
        assertThat(prime.length()).isEqualTo(1);
        assertThat(prime.weights()).isEqualTo(49);
    }

    @Test
    void depthwiseSeparableIsBalancedOnlyInTheOneByOneForm() {
        // K = (1, 64), S = (9, 1): all-kernel terms (9, 64); the 1x1 form has the single term 64.
        KernelChain chain = new KernelChain(List.of(GroupConv.of(64, 64, 3), GroupConv.of(64, 1, 1)), List.of(Permutation.identity(64)));
        BalanceReport report = BalanceCondition.analyze(chain);
        assertThat(report.allKernels().imbalance()).isEqualTo(64.0 / 9.0);
        assertThat(report.oneByOne().orElseThrow().imbalance()).isEqualTo(1.0);
        assertThat(report.isBalanced(0)).isTrue();
        // Q = 64 * (9 + 64) = 4672 = 9 * 64 + 64 * 1 * 64^(1/1)
        assertThat(report.weights()).isEqualTo(4672);
        assertThat(report.oneByOne().orElseThrow().boundAtLength()).isCloseTo(4672.0, within(1e-9));
    }

    @Test
    void noChannelWiseFirstKernelMeansOnlyTheAllKernelForm() {
        // IGC-L4M2 on 8 channels: K = (2, 4), S = (9, 1): terms (18, 4), imbalance 4.5.
        KernelChain chain = KernelChain.interleaved(8, 3, 2, 4);
        BalanceReport report = BalanceCondition.analyze(chain);
        assertThat(report.oneByOne()).isEmpty();
        assertThat(report.applicable()).isSameAs(report.allKernels());
        assertThat(report.allKernels().terms()).containsExactly(18L, 4L);
        assertThat(report.allKernels().imbalance()).isEqualTo(4.5);
        assertThat(BalanceCondition.imbalance(chain)).isEqualTo(4.5);
        assertThat(report.isBalanced(3.4)).isFalse();
        assertThat(report.isBalanced(3.5)).isTrue();
    }

    @Test
    void boundIsUndefinedWhenTheProductIsNotTheWidth() {
        // K = (1, 8, 16) on 64: prod = 128, AM-GM under prod K_l = C does not apply.
        BalanceReport report = BalanceCondition.analyze(KernelChain.interleaved(64, 3, 1, 8, 16));
        assertThat(report.allKernels().boundAtLength()).isNaN();
        assertThat(report.oneByOne().orElseThrow().boundAtLength()).isNaN();
        assertThat(report.oneByOne().orElseThrow().imbalance()).isEqualTo(2.0);
        assertThat(report.weights()).isEqualTo(64L * (9 + 8 + 16));
    }

    @Test
    void widthChangingChainsAreRefused() {
        KernelChain chain = new KernelChain(List.of(new GroupConv(32, 64, 32, 3, 1)), List.of());
        assertThat(BalanceCondition.appliesTo(chain)).isFalse();
        assertThatThrownBy(() -> BalanceCondition.analyze(chain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 32 to 64 channels");
        assertThat(BalanceCondition.appliesTo(KernelChain.interleaved(64, 3, 1, 64))).isTrue();
    }

    @Test
    void closedForms() {
        // L* = ln(C S1), Q* = e C ln(C S1); C = 64, S1 = 9: ln 576 = 6.3561...
        assertThat(BalanceCondition.optimalLength(64, 9)).isCloseTo(6.3561076606958915, within(1e-12));
        assertThat(BalanceCondition.optimalWeights(64, 9)).isCloseTo(Math.E * 64 * 6.3561076606958915, within(1e-9));
        // the bound at L = 2 for C = 64, S1 = 1: 64 * 2 * 8 = 1024
        assertThat(BalanceCondition.boundAtLength(64, 1, 2)).isCloseTo(1024.0, within(1e-9));
        assertThat(BalanceCondition.channelWiseOptimalLength(64)).isCloseTo(1 + Math.log(64), within(1e-12));
        assertThat(BalanceCondition.channelWiseOptimalWeights(64, 9)).isCloseTo(576 + Math.E * 64 * Math.log(64), within(1e-9));
    }
}
