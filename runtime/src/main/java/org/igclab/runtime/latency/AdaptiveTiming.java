package org.igclab.runtime.latency;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The timing loop, apart from what is timed: warm up until stable, time until the {@link TimingPolicy} stops, judge
 * interference with the {@link InterferenceRule}, and time again (a bounded number of attempts) while noisy. Passes
 * and clocks are given, so the loop runs the same on synthetic passes in tests as on a network's forward passes.
 */
public final class AdaptiveTiming {

    private AdaptiveTiming() {
    }

    /** One pass as timed: wall time and the timing thread's CPU time over it. */
    public record Pass(long wallNanos, long cpuNanos) {
        public double ms() {
            return wallNanos / 1e6;
        }

        /** CPU time over wall time; 1 for an instantaneous pass. */
        public double cpuShare() {
            return wallNanos <= 0 ? 1 : (double) cpuNanos / wallNanos;
        }
    }

    /** Runs one pass and says how long it took. */
    @FunctionalInterface
    public interface Passes {
        Pass run();
    }

    /** How often the reference probe runs while a timing goes on, and while waiting for the machine's reference speed. */
    public static final long PROBE_INTERVAL_NANOS = 500_000_000L;

    /**
     * Where the timing runs: a clock, the load, the processor count, and the machine's speed.
     *
     * @param clock     nanoseconds, monotonic
     * @param load      the 1-minute load average, negative when unknown
     * @param runnable  the runnable threads now, the caller included and this process's others left out
     *                  ({@link RunnableThreads}), NaN when unknown
     * @param cores     processors available
     * @param probe     runs the reference probe and returns its median in milliseconds; NaN where there is none
     * @param reference the probe's floor, which the probe's medians lower ({@link ReferenceSpeed})
     * @param sleep     waits this many nanoseconds (on a synthetic clock, moves it)
     */
    public record Environment(LongSupplier clock, DoubleSupplier load, DoubleSupplier runnable, int cores, DoubleSupplier probe,
                              ReferenceSpeed reference, LongConsumer sleep) {
        /** An environment without the reference probe. */
        public Environment(LongSupplier clock, DoubleSupplier load, DoubleSupplier runnable, int cores) {
            this(clock, load, runnable, cores, () -> Double.NaN, new ReferenceSpeed(), AdaptiveTiming::sleep);
        }

        /** This JVM's clock, the operating system's load average, Linux's runnable count, and the processors; no probe. */
        public static Environment system() {
            return new Environment(System::nanoTime, ManagementFactory.getOperatingSystemMXBean()::getSystemLoadAverage,
                    () -> RunnableThreads.now(Runtime.getRuntime().availableProcessors()), Runtime.getRuntime().availableProcessors());
        }

        /** This environment with a reference probe and its floor. */
        public Environment withProbe(DoubleSupplier probeMs, ReferenceSpeed floor) {
            return new Environment(clock, load, runnable, cores, probeMs, floor, sleep);
        }

        /** Runs the probe and records its median on the floor; the median over the floor after that (NaN without a probe). */
        double probeSlowdown() {
            return reference.slowdown(reference.observe(probe.getAsDouble()));
        }
    }

    /**
     * How a wait for the machine's reference speed ended.
     *
     * @param seconds  time waited
     * @param slowdown the last probe's median over the floor (NaN without a probe)
     * @param reached  whether the machine ran at its reference speed at the end
     */
    public record Wait(double seconds, double slowdown, boolean reached) {
    }

    /**
     * What one batch size's timing found.
     *
     * @param warmup       warm-up passes run
     * @param warmupStable whether the warm-up ended stable (not at its bound)
     * @param runs         timed passes of the attempt kept
     * @param interval     the median with its confidence interval
     * @param p10Ms        10th percentile
     * @param p90Ms        90th percentile
     * @param stop         why timing stopped
     * @param attempts     timings run (more than one when the first were noisy)
     * @param interference the kept attempt's interference verdict
     */
    public record Timing(int warmup, boolean warmupStable, int runs, MedianInterval interval, double p10Ms, double p90Ms, Stop stop,
                         int attempts, Interference interference) {
    }

    /** Measures: warm-up, then up to {@code policy.attempts()} timings, keeping the first quiet one (else the least disturbed). */
    public static Timing measure(TimingPolicy policy, InterferenceRule rule, Environment env, Passes passes, BooleanSupplier cancelled,
                                 DoubleConsumer progress) {
        double[] warm = warmUp(policy, env, passes, cancelled, progress);
        boolean stable = policy.stable(warm);
        Timing kept = null;
        int attempts = 0;
        while (attempts < policy.attempts() && !cancelled.getAsBoolean()) {
            attempts++;
            Timing t = timeOnce(policy, rule, env, passes, cancelled, progress, warm.length, stable, attempts);
            if (kept == null || !t.interference().noisy() || t.stop() == Stop.CANCELLED
                    || t.interference().cpuShare() > kept.interference().cpuShare()) {
                kept = t;
            }
            if (!t.interference().noisy() || t.stop() == Stop.CANCELLED) {
                break;
            }
            if (attempts < policy.attempts() && rule.slowFromOutside(t.interference())) {
                awaitReference(rule, env, cancelled);
            }
        }
        if (kept == null) {
            return new Timing(warm.length, stable, 0, MedianInterval.of(new double[0], policy.confidence()), Double.NaN, Double.NaN,
                    Stop.CANCELLED, 0, Interference.unchecked("cancelled before timing"));
        }
        return withAttempts(kept, attempts);
    }

    /**
     * Waits, re-probing every {@link #PROBE_INTERVAL_NANOS}, until the probe finds the machine back at its reference
     * speed or {@code rule.maxWaitSeconds()} have passed. Where the last wait ended at its bound with no probe since finding
     * the machine fast, it only probes once: a machine that stays slow (for minutes, or for a whole process) is waited
     * for once, not before every timing.
     */
    public static Wait awaitReference(InterferenceRule rule, Environment env, BooleanSupplier cancelled) {
        long start = env.clock().getAsLong();
        double slowdown = env.probeSlowdown();
        boolean retry = !env.reference().waitTimedOut();
        long bound = (long) (rule.maxWaitSeconds() * 1e9);
        while (retry && rule.slow(slowdown) && env.clock().getAsLong() - start < bound && !cancelled.getAsBoolean()) {
            env.sleep().accept(Math.min(PROBE_INTERVAL_NANOS, Math.max(1, bound - (env.clock().getAsLong() - start))));
            slowdown = env.probeSlowdown();
        }
        boolean reached = !rule.slow(slowdown);
        if (reached || !cancelled.getAsBoolean()) {
            env.reference().waitEnded(!reached);
        }
        return new Wait((env.clock().getAsLong() - start) / 1e9, slowdown, reached);
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Timing withAttempts(Timing t, int attempts) {
        return new Timing(t.warmup(), t.warmupStable(), t.runs(), t.interval(), t.p10Ms(), t.p90Ms(), t.stop(), attempts, t.interference());
    }

    private static double[] warmUp(TimingPolicy policy, Environment env, Passes passes, BooleanSupplier cancelled, DoubleConsumer progress) {
        double[] ms = new double[Math.max(policy.maxWarmup(), 0)];
        int n = 0;
        long start = env.clock().getAsLong();
        while (policy.maxWarmup() > 0 && !cancelled.getAsBoolean()) {
            ms[n++] = passes.run().ms();
            double seconds = (env.clock().getAsLong() - start) / 1e9;
            progress.accept(0.1 * Math.max((double) n / policy.maxWarmup(), seconds / policy.maxWarmupSeconds()));
            if (policy.warm(Arrays.copyOf(ms, n), seconds)) {
                break;
            }
        }
        return Arrays.copyOf(ms, n);
    }

    private static Timing timeOnce(TimingPolicy policy, InterferenceRule rule, Environment env, Passes passes, BooleanSupplier cancelled,
                                   DoubleConsumer progress, int warmup, boolean stable, int attempt) {
        double loadBefore = env.load().getAsDouble();
        List<Double> probes = new ArrayList<>();
        boolean probing = rule.checksSpeed();
        if (probing) {
            probes.add(env.reference().observe(env.probe().getAsDouble()));
        }
        long probed = env.clock().getAsLong();
        double[] ms = new double[policy.maxRuns()];
        List<Pass> timed = new ArrayList<>();
        double[] runnable = new double[policy.maxRuns()];
        int n = 0;
        long start = env.clock().getAsLong();
        Stop stop = null;
        while (stop == null) {
            if (cancelled.getAsBoolean()) {
                stop = Stop.CANCELLED;
                break;
            }
            if (probing && env.clock().getAsLong() - probed >= PROBE_INTERVAL_NANOS) {
                probes.add(env.reference().observe(env.probe().getAsDouble()));
                probed = env.clock().getAsLong();
            }
            runnable[n] = env.runnable().getAsDouble();
            Pass p = passes.run();
            ms[n] = p.ms();
            timed.add(p);
            n++;
            double seconds = (env.clock().getAsLong() - start) / 1e9;
            double done = Math.max((double) n / policy.maxRuns(), seconds / policy.maxSeconds());
            progress.accept(0.1 + 0.9 * Math.min(1, (attempt - 1 + done) / policy.attempts()));
            stop = policy.stop(Arrays.copyOf(ms, n), seconds).orElse(null);
        }
        double loadAfter = env.load().getAsDouble();
        if (probing) {
            probes.add(env.reference().observe(env.probe().getAsDouble()));
        }
        double[] timings = Arrays.copyOf(ms, n);
        Interference interference = rule.judge(timed, Arrays.copyOf(runnable, n), loadBefore, loadAfter, env.cores(),
                probes.stream().mapToDouble(Double::doubleValue).toArray(), env.reference().floorMs());
        if (probing && !rule.slow(interference.slowdown())) {
            env.reference().waitEnded(false); // seen at its reference speed again: a later slow spell is waited for
        }
        Percentile percentile = new Percentile();
        return new Timing(warmup, stable, n, MedianInterval.of(timings, policy.confidence()),
                n == 0 ? Double.NaN : percentile.evaluate(timings, 10), n == 0 ? Double.NaN : percentile.evaluate(timings, 90), stop, attempt,
                interference);
    }

    /** CPU time of the calling thread in nanoseconds, or -1 where the JVM cannot measure it. */
    public static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }
}
