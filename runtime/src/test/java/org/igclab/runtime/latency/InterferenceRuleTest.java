package org.igclab.runtime.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** When a timing counts as disturbed, on synthetic CPU shares and load averages. */
class InterferenceRuleTest {
    private static final InterferenceRule RULE = InterferenceRule.defaults();

    private static double[] shares(int disturbed, int of) {
        double[] s = new double[of];
        Arrays.fill(s, 0.99);
        Arrays.fill(s, 0, disturbed, 0.5);
        return s;
    }

    @Test
    void aThreadAlwaysOnItsProcessorIsQuiet() {
        Interference i = RULE.judge(shares(0, 20), 0.8, 1.1, 2);
        assertThat(i.verdict()).isEqualTo(Interference.Verdict.QUIET);
        assertThat(i.trusted()).isTrue();
        assertThat(i.cpuShare()).isEqualTo(0.99);
        assertThat(i.reason()).isEmpty();
        assertThat(i.load()).isEqualTo("load 0.80 -> 1.10 on 2 cores");
    }

    @Test
    void moreThanAFifthOfPassesDisturbedIsNoisy() {
        assertThat(RULE.judge(shares(4, 20), 0.5, 0.5, 2).noisy()).isFalse();
        Interference noisy = RULE.judge(shares(5, 20), 0.5, 0.5, 2);
        assertThat(noisy.noisy()).isTrue();
        assertThat(noisy.disturbedShare()).isEqualTo(0.25);
        assertThat(noisy.reason()).contains("5 of 20 passes had the timing thread on a processor less than 90% of their time");
    }

    @Test
    void aLoadAboveTheProcessorsIsNoisyUnlessTheRuleIgnoresLoad() {
        Interference loaded = RULE.judge(shares(0, 20), 1.5, 2.6, 2);
        assertThat(loaded.noisy()).isTrue();
        assertThat(loaded.reason()).isEqualTo("the load average (2.60) exceeded the 2 processors");
        assertThat(RULE.judge(shares(0, 20), 2.0, 2.0, 2).noisy()).isFalse();
        assertThat(new InterferenceRule(0.9, 0.2, false).judge(shares(0, 20), 5, 5, 2).noisy()).isFalse();
    }

    @Test
    void anUnknownLoadAverageIsNotEvidence() {
        Interference i = RULE.judge(shares(0, 10), -1, -1, 2);
        assertThat(i.noisy()).isFalse();
        assertThat(i.loadBefore()).isNaN();
        assertThat(i.load()).isEmpty();
    }
}
