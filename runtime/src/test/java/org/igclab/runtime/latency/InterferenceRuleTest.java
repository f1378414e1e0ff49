package org.igclab.runtime.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a timing counts as disturbed, on synthetic CPU shares, runnable counts and load averages. */
class InterferenceRuleTest {
    private static final InterferenceRule RULE = InterferenceRule.defaults();

    /** Passes of 1 ms: {@code disturbed} of them on the processor half their time, the others 99%. */
    private static List<AdaptiveTiming.Pass> shares(int disturbed, int of) {
        List<AdaptiveTiming.Pass> passes = new ArrayList<>();
        for (int i = 0; i < of; i++) {
            passes.add(new AdaptiveTiming.Pass(1_000_000, i < disturbed ? 500_000 : 990_000));
        }
        return passes;
    }

    private static double[] runnable(double value, int of) {
        double[] r = new double[of];
        Arrays.fill(r, value);
        return r;
    }

    @Test
    void aThreadAlwaysOnItsProcessorIsQuiet() {
        Interference i = RULE.judge(shares(0, 20), runnable(1, 20), 0.8, 1.1, 2);
        assertThat(i.verdict()).isEqualTo(Interference.Verdict.QUIET);
        assertThat(i.trusted()).isTrue();
        assertThat(i.cpuShare()).isEqualTo(0.99);
        assertThat(i.runnable()).isEqualTo(1);
        assertThat(i.reason()).isEmpty();
        assertThat(i.load()).isEqualTo("1 runnable thread; load 0.80 -> 1.10 on 2 cores");
    }

    @Test
    void moreThanAFifthOfPassesDisturbedIsNoisy() {
        assertThat(RULE.judge(shares(4, 20), runnable(1, 20), 0.5, 0.5, 2).noisy()).isFalse();
        Interference noisy = RULE.judge(shares(5, 20), runnable(1, 20), 0.5, 0.5, 2);
        assertThat(noisy.noisy()).isTrue();
        assertThat(noisy.disturbedShare()).isEqualTo(0.25);
        assertThat(noisy.reason()).isEqualTo("5 of 20 passes had the timing thread on a processor less than 90% of their time (median 99%)");
    }

    @Test
    void moreRunnableThreadsThanProcessorsIsNoisy() {
        // two other busy processes and the timing thread on two processors
        double[] three = runnable(3, 20);
        three[0] = 1;
        Interference crowded = RULE.judge(shares(0, 20), three, 0.5, 0.5, 2);
        assertThat(crowded.noisy()).isTrue();
        assertThat(crowded.reason()).isEqualTo("a median of 3 runnable threads (this one included) wanted the 2 processors");
        // one other process: a processor each
        assertThat(RULE.judge(shares(0, 20), runnable(2, 20), 0.5, 0.5, 2).noisy()).isFalse();
        // the count during the timing is the evidence: a high 1-minute average from before it is not
        assertThat(RULE.judge(shares(0, 20), runnable(1, 20), 6.0, 5.5, 2).noisy()).isFalse();
        assertThat(new InterferenceRule(0.9, 0.2, false).judge(shares(0, 20), three, 5, 5, 2).noisy()).isFalse();
    }

    @Test
    void withoutARunnableCountTheLoadAverageStandsIn() {
        double[] unknown = runnable(Double.NaN, 20);
        Interference loaded = RULE.judge(shares(0, 20), unknown, 1.5, 2.6, 2);
        assertThat(loaded.noisy()).isTrue();
        assertThat(loaded.reason()).isEqualTo("the load average (2.60) exceeded the 2 processors");
        assertThat(RULE.judge(shares(0, 20), unknown, 2.0, 2.0, 2).noisy()).isFalse();
        Interference blind = RULE.judge(shares(0, 10), runnable(Double.NaN, 10), -1, -1, 2);
        assertThat(blind.noisy()).isFalse();
        assertThat(blind.loadBefore()).isNaN();
        assertThat(blind.load()).isEmpty();
    }

    @Test
    void theClocksOwnCostDoesNotMakeAShortPassDisturbed() {
        // a 4-microsecond operation: reading the two clocks adds 1.5 microseconds of wall time that is not CPU time
        List<AdaptiveTiming.Pass> quick = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            quick.add(new AdaptiveTiming.Pass(5_500, 4_000));
        }
        assertThat(quick.get(0).cpuShare()).isLessThan(0.9);
        Interference quiet = RULE.judge(quick, runnable(1, 20), 0.1, 0.1, 2);
        assertThat(quiet.noisy()).isFalse();
        assertThat(quiet.disturbedShare()).isZero();
        // the same operation while another thread held the processor for a slice of 3 ms in 5 of 20 passes
        for (int i = 0; i < 5; i++) {
            quick.set(i, new AdaptiveTiming.Pass(3_004_000, 4_000));
        }
        Interference noisy = RULE.judge(quick, runnable(1, 20), 0.1, 0.1, 2);
        assertThat(noisy.noisy()).isTrue();
        assertThat(noisy.disturbedShare()).isEqualTo(0.25);
        // without the floor, the clocks' cost alone would make every pass disturbed
        assertThat(new InterferenceRule(0.9, 0.2, true).disturbed(new AdaptiveTiming.Pass(5_500, 4_000))).isTrue();
        assertThat(RULE.disturbed(new AdaptiveTiming.Pass(5_500, 4_000))).isFalse();
        assertThat(RULE.disturbed(new AdaptiveTiming.Pass(1_000_000, 500_000))).isTrue();
        assertThat(RULE.disturbed(new AdaptiveTiming.Pass(1_000_000, 950_000))).isFalse();
    }

    @Test
    void aProbeSlowerThanItsReferenceIsNoisyWithTheReasonInWords() {
        Interference slow = RULE.judge(shares(0, 20), runnable(1, 20), 0.5, 0.5, 2, new double[] {1.10, 1.13, 1.20}, 0.80);
        assertThat(slow.noisy()).isTrue();
        assertThat(slow.slowdown()).isCloseTo(1.4125, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(slow.reason()).isEqualTo("the machine ran 1.41x slower than its reference speed (reference convolution 1.13 ms against "
                + "0.80 ms) with nothing here competing: another virtual machine on the host, or the processor's clock");
        assertThat(slow.load()).isEqualTo("1 runnable thread; load 0.50 -> 0.50 on 2 cores; reference speed 1.41x");
        // slow and crowded: both said, the slowdown no longer blamed on something outside
        Interference both = RULE.judge(shares(0, 20), runnable(3, 20), 0.5, 0.5, 2, new double[] {1.13}, 0.80);
        assertThat(RULE.slowFromOutside(slow)).isTrue();
        // a high load average with no more runnable threads than processors: the other processor's work is named too
        assertThat(RULE.judge(shares(0, 20), runnable(2, 20), 4.68, 4.5, 2, new double[] {1.13}, 0.80).reason())
                .contains("with the load average (4.68) above the 2 processors").endsWith("or the processor's clock");
        assertThat(RULE.slowFromOutside(both)).as("slow because this machine is busy: not waited for").isFalse();
        assertThat(both.reason()).endsWith("wanted the 2 processors; the machine ran 1.41x slower than its reference speed "
                + "(reference convolution 1.13 ms against 0.80 ms)");
    }

    @Test
    void aProbeWithinTheToleranceIsQuietAndNoProbeJudgesAsBefore() {
        Interference fast = RULE.judge(shares(0, 20), runnable(1, 20), 0.5, 0.5, 2, new double[] {0.85, 0.91, 2.0}, 0.80);
        assertThat(fast.noisy()).as("median 0.91 ms, 1.14x").isFalse();
        assertThat(fast.probeMs()).isEqualTo(0.91);
        assertThat(fast.referenceMs()).isEqualTo(0.80);
        Interference blind = RULE.judge(shares(5, 20), runnable(1, 20), 0.5, 0.5, 2, new double[] {Double.NaN}, 0.80);
        Interference before = RULE.judge(shares(5, 20), runnable(1, 20), 0.5, 0.5, 2);
        assertThat(blind.verdict()).isEqualTo(before.verdict()).isEqualTo(Interference.Verdict.NOISY);
        assertThat(blind.reason()).isEqualTo(before.reason());
        assertThat(blind.slowdown()).isNaN();
        assertThat(RULE.judge(shares(0, 20), runnable(1, 20), 0.5, 0.5, 2, new double[] {5}, Double.NaN).noisy()).as("no floor").isFalse();
        assertThat(new InterferenceRule(0.9, 20_000, 0.2, true).judge(shares(0, 20), runnable(1, 20), 0.5, 0.5, 2, new double[] {5}, 0.8)
                .noisy()).as("a rule without the probe").isFalse();
    }
}
