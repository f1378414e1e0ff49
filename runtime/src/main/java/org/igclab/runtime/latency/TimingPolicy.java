package org.igclab.runtime.latency;

import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * When warming up and timing stop. Warm-up: passes in windows of {@code warmupWindow}, until the medians of two
 * successive windows agree within {@code warmupTolerance}, or {@code maxWarmup} passes, or a third of
 * {@code maxSeconds}. Timing: at least {@code minRuns} passes, then until the median's confidence half-width
 * ({@link MedianInterval}) is at most {@code target} of the median, or {@code maxRuns} passes, or {@code maxSeconds}
 * of timed passes. A measurement found noisy ({@link InterferenceRule}) is timed again, {@code attempts} times in all.
 *
 * @param target          the half-width to reach, as a share of the median (0.03: 3%)
 * @param confidence      of the median's interval (0.95)
 * @param minRuns         timed passes before the target is judged
 * @param maxRuns         most timed passes (the run cap)
 * @param maxSeconds      most seconds of timed passes (the time cap), per batch size and attempt
 * @param warmupWindow    passes per warm-up window
 * @param warmupTolerance how far two successive windows' medians may differ, as a share, to count as stable
 * @param maxWarmup       most warm-up passes (0: no warm-up)
 * @param attempts        timings of a batch size at most, while each is noisy (1: never again)
 */
public record TimingPolicy(double target, double confidence, int minRuns, int maxRuns, double maxSeconds, int warmupWindow,
                           double warmupTolerance, int maxWarmup, int attempts) {

    public TimingPolicy {
        if (!(target > 0) || !(confidence > 0 && confidence < 1) || minRuns < 1 || maxRuns < 1 || !(maxSeconds > 0)
                || warmupWindow < 1 || !(warmupTolerance >= 0) || maxWarmup < 0 || attempts < 1) {
            throw new IllegalArgumentException("invalid timing policy: " + Arrays.asList(target, confidence, minRuns, maxRuns, maxSeconds,
                    warmupWindow, warmupTolerance, maxWarmup, attempts));
        }
        minRuns = Math.min(minRuns, maxRuns);
    }

    /** 3% at 95% confidence; 10 to 200 passes; 20 s; warm-up in windows of 5 within 5%, at most 50; 3 attempts. */
    public static TimingPolicy defaults() {
        return new TimingPolicy(0.03, 0.95, 10, 200, 20, 5, 0.05, 50, 3);
    }

    public TimingPolicy withTarget(double share) {
        return new TimingPolicy(share, confidence, minRuns, maxRuns, maxSeconds, warmupWindow, warmupTolerance, maxWarmup, attempts);
    }

    public TimingPolicy withRuns(int min, int max) {
        return new TimingPolicy(target, confidence, min, max, maxSeconds, warmupWindow, warmupTolerance, maxWarmup, attempts);
    }

    public TimingPolicy withMaxSeconds(double seconds) {
        return new TimingPolicy(target, confidence, minRuns, maxRuns, seconds, warmupWindow, warmupTolerance, maxWarmup, attempts);
    }

    public TimingPolicy withMaxWarmup(int passes) {
        return new TimingPolicy(target, confidence, minRuns, maxRuns, maxSeconds, warmupWindow, warmupTolerance, passes, attempts);
    }

    public TimingPolicy withAttempts(int n) {
        return new TimingPolicy(target, confidence, minRuns, maxRuns, maxSeconds, warmupWindow, warmupTolerance, maxWarmup, n);
    }

    /** Seconds the warm-up may take at most. */
    public double maxWarmupSeconds() {
        return maxSeconds / 3;
    }

    /**
     * Whether to stop timing after these passes (milliseconds, in order) and {@code seconds} of timing; empty
     * to time another pass. The target is judged first, so a run that meets it at the cap counts as met.
     */
    public Optional<Stop> stop(double[] timings, double seconds) {
        int n = timings.length;
        if (n >= minRuns && MedianInterval.of(timings, confidence).relativeHalfWidth() <= target) {
            return Optional.of(Stop.TARGET_MET);
        }
        if (n >= maxRuns) {
            return Optional.of(Stop.RUN_CAP);
        }
        if (n >= 1 && seconds >= maxSeconds) {
            return Optional.of(Stop.TIME_CAP);
        }
        return Optional.empty();
    }

    /**
     * Whether the warm-up passes so far (milliseconds, in order) are stable: the last two complete windows' medians
     * differ by at most the tolerance, relative to the later one.
     */
    public boolean stable(double[] warmup) {
        int windows = warmup.length / warmupWindow;
        if (windows < 2) {
            return false;
        }
        double previous = windowMedian(warmup, windows - 2);
        double last = windowMedian(warmup, windows - 1);
        return Math.abs(previous - last) <= warmupTolerance * last;
    }

    /** Whether the warm-up is over: stable, or at its pass or time bound. */
    public boolean warm(double[] warmup, double seconds) {
        return warmup.length >= maxWarmup || seconds >= maxWarmupSeconds() || stable(warmup);
    }

    private double windowMedian(double[] passes, int window) {
        return new Median().evaluate(passes, window * warmupWindow, warmupWindow);
    }
}
