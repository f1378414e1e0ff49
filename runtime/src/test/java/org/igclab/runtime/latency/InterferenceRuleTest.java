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
}
