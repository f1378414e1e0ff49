package org.igclab.runtime.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The reference speed's floor, and the timing loop with a synthetic probe and clock: no real time is measured. */
class ReferenceSpeedTest {
    private static final InterferenceRule RULE = InterferenceRule.defaults();
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theFloorIsTheLowestProbeAndOnlyGoesDown() {
        ReferenceSpeed r = new ReferenceSpeed();
        assertThat(r.floorMs()).isNaN();
        assertThat(r.slowdown(1.0)).isNaN();
        r.observe(1.2);
        r.observe(0.9);
        r.observe(1.5);
        r.observe(Double.NaN);
        r.observe(0);
        assertThat(r.floorMs()).isEqualTo(0.9);
        r.adopt(0.8);
        r.adopt(2.0);
        assertThat(r.floorMs()).isEqualTo(0.8);
        assertThat(r.slowdown(1.2)).isCloseTo(1.5, within(1e-12));
        assertThat(ReferenceSpeed.process(91)).isSameAs(ReferenceSpeed.process(91)).isNotSameAs(ReferenceSpeed.process(92));
    }

    /** A synthetic machine: passes of 10 ms, and a probe of 1 ms, or 1.5 ms while {@code slow} says so at the clock's time. */
    private static final class Machine {
        final AtomicLong now = new AtomicLong();
        final AtomicInteger probes = new AtomicInteger();
        final List<Long> sleeps = new ArrayList<>();
        final ReferenceSpeed reference = new ReferenceSpeed();
        final AdaptiveTiming.Environment env;

        Machine(LongToDoubleFunction probeMsAt) {
            reference.observe(1.0);
            env = new AdaptiveTiming.Environment(now::get, () -> 0.2, () -> 1, 2, () -> {
                probes.incrementAndGet();
                return probeMsAt.applyAsDouble(now.get());
            }, reference, nanos -> {
                sleeps.add(nanos);
                now.addAndGet(nanos);
            });
        }

        AdaptiveTiming.Timing measure(TimingPolicy policy) {
            return AdaptiveTiming.measure(policy, RULE, env, () -> {
                now.addAndGet(10_000_000L);
                return new AdaptiveTiming.Pass(10_000_000L, 10_000_000L);
            }, () -> false, share -> { });
        }
    }

    @Test
    void aTimingWhileTheProbeRanSlowIsNoisyAndTheNextAttemptWaitsForTheReferenceSpeed() {
        // slow for the first 12 s of the clock
        Machine m = new Machine(t -> t < 12 * SECOND ? 1.5 : 1.02);
        TimingPolicy policy = TimingPolicy.defaults().withMaxWarmup(0).withRuns(300, 300).withMaxSeconds(2).withAttempts(3);
        AdaptiveTiming.Timing t = m.measure(policy);
        assertThat(t.attempts()).isEqualTo(2);
        assertThat(t.interference().noisy()).isFalse();
        assertThat(t.interference().slowdown()).isCloseTo(1.02, within(1e-9));
        assertThat(t.interference().load()).endsWith("; reference speed 1.02x");
        // the first attempt ended at 2 s; the wait re-probed every half second until the machine was fast again at 12 s
        assertThat(m.sleeps).hasSize(20).allMatch(n -> n == AdaptiveTiming.PROBE_INTERVAL_NANOS);
        // each 2 s attempt: a probe before, at 0.5, 1 and 1.5 s, and after; the wait: one, then one after each sleep
        assertThat(m.probes.get()).isEqualTo(5 + 21 + 5);
        assertThat(m.reference.waitTimedOut()).isFalse();
    }

    @Test
    void theWaitIsBoundedAndAMachineThatStaysSlowIsWaitedForOnce() {
        Machine m = new Machine(t -> 1.5);
        AdaptiveTiming.Wait first = AdaptiveTiming.awaitReference(RULE, m.env, () -> false);
        assertThat(first.reached()).isFalse();
        assertThat(first.seconds()).isEqualTo(RULE.maxWaitSeconds());
        assertThat(first.slowdown()).isEqualTo(1.5);
        assertThat(m.reference.waitTimedOut()).isTrue();
        AdaptiveTiming.Wait second = AdaptiveTiming.awaitReference(RULE, m.env, () -> false);
        assertThat(second.seconds()).as("still slow since the last wait ended at its bound: no second wait").isZero();
        // a timing judged at the reference speed lets the next slow spell be waited for again
        m.reference.waitEnded(false);
        assertThat(AdaptiveTiming.awaitReference(RULE, m.env, () -> false).seconds()).isEqualTo(RULE.maxWaitSeconds());
        // a cancelled wait stops at once
        m.reference.waitEnded(false);
        assertThat(AdaptiveTiming.awaitReference(RULE, m.env, () -> true).seconds()).isZero();
    }

    @Test
    void withoutAProbeTheLoopIsAsBefore() {
        Machine m = new Machine(t -> Double.NaN);
        AdaptiveTiming.Timing t = m.measure(TimingPolicy.defaults().withMaxWarmup(0));
        assertThat(t.attempts()).isEqualTo(1);
        assertThat(t.interference().noisy()).isFalse();
        assertThat(t.interference().slowdown()).isNaN();
        assertThat(t.interference().speed()).isEmpty();
        assertThat(m.sleeps).isEmpty();
        // a rule that does not probe never calls it
        Machine unprobed = new Machine(t2 -> 9.0);
        AdaptiveTiming.measure(TimingPolicy.defaults().withMaxWarmup(0), new InterferenceRule(0.9, 20_000, 0.2, true), unprobed.env, () -> {
            unprobed.now.addAndGet(10_000_000L);
            return new AdaptiveTiming.Pass(10_000_000L, 10_000_000L);
        }, () -> false, share -> { });
        assertThat(unprobed.probes.get()).isZero();
    }
}
