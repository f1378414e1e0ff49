package org.igclab.runtime.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stopping and warm-up rules, on synthetic timings. */
class TimingPolicyTest {
    private static final TimingPolicy P = TimingPolicy.defaults();

    /** n timings of 10 ms spread uniformly by +-{@code spread} (a share), from a seeded generator. */
    static double[] around(int n, double spread) {
        Random random = new Random(n);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 10 * (1 + spread * (2 * random.nextDouble() - 1));
        }
        return t;
    }

    @Test
    void stopsWhenTheHalfWidthIsWithinTheTarget() {
        assertThat(P.stop(around(12, 0.01), 1)).contains(Stop.TARGET_MET);
        // a tight sample shorter than the minimum is not judged yet
        assertThat(P.stop(around(9, 0.01), 1)).isEmpty();
        // +-50%: the interval is far wider than 3%
        assertThat(P.stop(around(40, 0.5), 1)).isEmpty();
    }

    @Test
    void stopsAtTheRunCapOrTheTimeCapWhenTheTargetIsOutOfReach() {
        assertThat(MedianInterval.of(around(200, 0.5), 0.95).relativeHalfWidth()).isGreaterThan(0.03);
        assertThat(P.stop(around(200, 0.5), 1)).contains(Stop.RUN_CAP);
        assertThat(P.stop(around(40, 0.5), 20)).contains(Stop.TIME_CAP);
        assertThat(P.stop(around(1, 0.5), 30)).contains(Stop.TIME_CAP);
        assertThat(P.stop(new double[0], 30)).isEmpty();
        // met at the cap counts as met
        assertThat(P.stop(around(200, 0.01), 60)).contains(Stop.TARGET_MET);
    }

    @Test
    void aLooserTargetStopsSooner() {
        double[] t = around(30, 0.5);
        double relative = MedianInterval.of(t, 0.95).relativeHalfWidth();
        assertThat(relative).isBetween(0.03, 0.5);
        assertThat(P.stop(t, 1)).isEmpty();
        assertThat(P.withTarget(relative).stop(t, 1)).isEqualTo(Optional.of(Stop.TARGET_MET));
    }

    @Test
    void warmUpEndsWhenTwoWindowsAgree() {
        // the first passes of a fresh network are slow
        double[] cold = {40, 22, 15, 13, 12, 11, 11, 11.5, 11, 11};
        assertThat(P.stable(cold)).isFalse();
        double[] warm = {40, 22, 15, 13, 12, 11, 11, 11.5, 11, 11, 11, 10.9, 11.1, 11, 11};
        assertThat(P.stable(warm)).isTrue();
        assertThat(P.warm(warm, 1)).isTrue();
        // bounded by passes and by time even when never stable
        assertThat(P.warm(around(50, 0.5), 1)).isTrue();
        assertThat(P.warm(cold, P.maxWarmupSeconds())).isTrue();
        assertThat(P.warm(cold, 1)).isFalse();
    }

    @Test
    void theMinimumNeverExceedsTheCap() {
        assertThat(P.withRuns(10, 3).minRuns()).isEqualTo(3);
    }
}
