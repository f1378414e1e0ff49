package org.igclab.runtime.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The timing loop on synthetic passes and a synthetic clock: no real time is measured. */
class AdaptiveTimingTest {
    private static final InterferenceRule QUIET_LOAD = InterferenceRule.defaults();

    /** Passes by number (1-based); the clock moves by each pass's wall time. */
    private static final class Synthetic {
        final AtomicLong now = new AtomicLong();
        final AtomicInteger passes = new AtomicInteger();
        final IntFunction<AdaptiveTiming.Pass> pass;

        Synthetic(IntFunction<AdaptiveTiming.Pass> pass) {
            this.pass = pass;
        }

        AdaptiveTiming.Timing measure(TimingPolicy policy, InterferenceRule rule, double runnable) {
            AdaptiveTiming.Environment env = new AdaptiveTiming.Environment(now::get, () -> runnable + 0.5, () -> runnable, 2);
            return AdaptiveTiming.measure(policy, rule, env, () -> {
                AdaptiveTiming.Pass p = pass.apply(passes.incrementAndGet());
                now.addAndGet(p.wallNanos());
                return p;
            }, () -> false, share -> { });
        }
    }

    /** A pass of {@code ms} milliseconds with the thread on its processor for {@code share} of it. */
    private static AdaptiveTiming.Pass pass(double ms, double share) {
        long wall = (long) (ms * 1e6);
        return new AdaptiveTiming.Pass(wall, (long) (wall * share));
    }

    /** 10 ms +-1%, after a slow start. */
    private static double steady(int i) {
        return i <= 3 ? 50 : 10 * (1 + 0.01 * ((i % 3) - 1));
    }

    @Test
    void warmsUpThenStopsAtTheTargetWhenQuiet() {
        Synthetic s = new Synthetic(i -> pass(steady(i), 1.0));
        AdaptiveTiming.Timing t = s.measure(TimingPolicy.defaults(), QUIET_LOAD, 1);
        assertThat(t.warmupStable()).isTrue();
        // windows of 5: the first (three slow passes) has median 50, the second 10, the third agrees with it
        assertThat(t.warmup()).isEqualTo(15);
        assertThat(t.stop()).isEqualTo(Stop.TARGET_MET);
        assertThat(t.runs()).isEqualTo(10);
        assertThat(t.attempts()).isEqualTo(1);
        assertThat(t.interference().verdict()).isEqualTo(Interference.Verdict.QUIET);
        assertThat(t.interval().median()).isEqualTo(10);
        assertThat(t.interval().relativeHalfWidth()).isLessThanOrEqualTo(0.03);
        assertThat(t.p10Ms()).isLessThanOrEqualTo(t.interval().median());
        assertThat(t.p90Ms()).isGreaterThanOrEqualTo(t.interval().median());
    }

    @Test
    void aNoisyTimingIsRepeatedAndTheQuietRepeatKept() {
        // no warm-up; 10 runs an attempt; the first attempt's passes are disturbed, the later ones are not
        TimingPolicy policy = TimingPolicy.defaults().withMaxWarmup(0).withRuns(10, 10);
        Synthetic s = new Synthetic(i -> pass(i <= 10 ? 14 : 10, i <= 10 ? 0.6 : 1.0));
        AdaptiveTiming.Timing t = s.measure(policy, QUIET_LOAD, 1);
        assertThat(t.attempts()).isEqualTo(2);
        assertThat(t.interference().noisy()).isFalse();
        assertThat(t.interval().median()).isEqualTo(10);
        assertThat(s.passes.get()).isEqualTo(20);
    }

    @Test
    void aTimingNoisyEveryTimeStopsAfterTheAttemptsAndSaysSo() {
        TimingPolicy policy = TimingPolicy.defaults().withMaxWarmup(0).withRuns(10, 10).withAttempts(3);
        // the third attempt is the least disturbed: it is the one kept
        Synthetic s = new Synthetic(i -> pass(10, i <= 20 ? 0.5 : 0.7));
        AdaptiveTiming.Timing t = s.measure(policy, QUIET_LOAD, 1);
        assertThat(t.attempts()).isEqualTo(3);
        assertThat(t.interference().noisy()).isTrue();
        assertThat(t.interference().cpuShare()).isEqualTo(0.7);
        assertThat(s.passes.get()).isEqualTo(30);
    }

    @Test
    void aCrowdedMachineMakesItNoisyEvenWhenThePassesLookFine() {
        Synthetic s = new Synthetic(i -> pass(steady(i), 1.0));
        AdaptiveTiming.Timing t = s.measure(TimingPolicy.defaults().withAttempts(2), QUIET_LOAD, 3);
        assertThat(t.interference().noisy()).isTrue();
        assertThat(t.interference().reason()).contains("3 runnable threads (this one included) wanted the 2 processors");
        assertThat(t.interference().loadBefore()).isEqualTo(3.5);
        assertThat(t.attempts()).isEqualTo(2);
    }

    @Test
    void spreadTimingsStopAtTheTimeCap() {
        // 100 ms passes spread +-50%: 20 s of timing is 200 passes' worth, so the time cap comes with the run cap
        Synthetic s = new Synthetic(i -> pass(100 * (1 + 0.5 * Math.sin(i)), 1.0));
        TimingPolicy policy = TimingPolicy.defaults().withMaxWarmup(0).withMaxSeconds(5);
        AdaptiveTiming.Timing t = s.measure(policy, QUIET_LOAD, 1);
        assertThat(t.stop()).isEqualTo(Stop.TIME_CAP);
        assertThat(t.runs()).isBetween(45, 55);
        assertThat(t.interval().relativeHalfWidth()).isGreaterThan(0.03);
    }

    @Test
    void cancellingStopsBeforeTheNextPass() {
        AtomicInteger passes = new AtomicInteger();
        AdaptiveTiming.Environment env = new AdaptiveTiming.Environment(() -> passes.get() * 1_000_000L, () -> 0.5, () -> 1, 2);
        AdaptiveTiming.Timing t = AdaptiveTiming.measure(TimingPolicy.defaults().withMaxWarmup(0), QUIET_LOAD, env,
                () -> {
                    passes.incrementAndGet();
                    return pass(10 + passes.get() % 7, 1.0);
                }, () -> passes.get() >= 4, share -> { });
        assertThat(t.stop()).isEqualTo(Stop.CANCELLED);
        assertThat(t.runs()).isEqualTo(4);
    }
}
