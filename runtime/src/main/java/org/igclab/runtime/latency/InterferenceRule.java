package org.igclab.runtime.latency;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * When a timing counts as taken under interference. For each timed pass the timing thread's CPU time is divided by
 * the pass's wall time: with one intra-op thread PyTorch runs every operation on the calling thread, so on a quiet
 * processor the share is close to 1, and every millisecond the thread waited for a processor (another process ran,
 * the JVM stopped it for a collection) lowers it. A pass is disturbed when its share is below {@code minCpuShare}
 * and the time it waited (wall minus CPU) is at least {@code minWaitNanos}: reading the two clocks takes about a
 * microsecond and a half of wall time that is not the thread's CPU time, which alone puts a 10-microsecond pass at a
 * share of 0.85, while another thread taking the processor costs at least a scheduler slice (milliseconds). The
 * timing is noisy when more than {@code maxDisturbedShare} of its passes were disturbed, or, with {@code checkLoad},
 * when more threads wanted a processor than there were: the median over the passes of the runnable threads counted
 * just before each (Linux's {@code /proc/loadavg} less this process's own other runnable threads, whose effect on the
 * timing thread its CPU share shows; the timing thread included) above the processor count, or where that count is
 * unknown, the 1-minute load average before or after the timing above it.
 *
 * <p>None of that sees a machine that runs slower as a whole (another virtual machine on the host, the processor's
 * clock): the timing thread's CPU time grows with its wall time. So the timing is also noisy when the reference probe
 * ({@link ReferenceSpeed}), run before, about every {@link AdaptiveTiming#PROBE_INTERVAL_NANOS half second} during and
 * after it, took more than {@code maxSlowdown} times its floor (median over those probes). The default 1.2: in the
 * machine's fast state the probe's medians spread up to 1.15 times their floor (a quiet calibration's 136 timings: median
 * 1.07, 95th percentile 1.14; a Python probe of the same kind, 0.80-0.89 ms: 1.11), while its slow spells ran it at
 * 1.3-2.0 times (measured, src/site/markdown/latency.md); 1.2 sits above the first and below the second. At 1.15, half
 * the designs of a latency bench on a quiet machine were timed again for nothing.
 *
 * @param minCpuShare       CPU time over wall time below which a pass may be disturbed (0.9)
 * @param minWaitNanos      time waited (wall minus CPU) below which a pass is never disturbed (20 microseconds)
 * @param maxDisturbedShare share of disturbed passes above which the timing is noisy (0.2)
 * @param checkLoad         whether more runnable threads than processors makes it noisy
 * @param maxSlowdown       the probe's median over its floor above which the timing is noisy (1.2; infinite: the probe
 *                          is not run)
 * @param maxWaitSeconds    how long to wait at most, before timing again, for the machine to return to its reference speed
 */
public record InterferenceRule(double minCpuShare, long minWaitNanos, double maxDisturbedShare, boolean checkLoad, double maxSlowdown,
                               double maxWaitSeconds) {

    /** See the class: 0.9, 20 microseconds, 0.2, the load checked, 1.2 times the reference, waits of up to 30 s. */
    public static InterferenceRule defaults() {
        return new InterferenceRule(0.9, 20_000, 0.2, true, 1.2, 30);
    }

    /** A rule that does not run the reference probe. */
    public InterferenceRule(double minCpuShare, long minWaitNanos, double maxDisturbedShare, boolean checkLoad) {
        this(minCpuShare, minWaitNanos, maxDisturbedShare, checkLoad, Double.POSITIVE_INFINITY, 0);
    }

    /** A rule judging passes by their CPU share alone (no floor on the time waited), without the reference probe. */
    public InterferenceRule(double minCpuShare, double maxDisturbedShare, boolean checkLoad) {
        this(minCpuShare, 0, maxDisturbedShare, checkLoad);
    }

    /** Whether timings under this rule run the reference probe. */
    public boolean checksSpeed() {
        return maxSlowdown < Double.POSITIVE_INFINITY;
    }

    /** Whether a probe median this many times the floor means the machine is slow (never for NaN: no probe or no floor). */
    public boolean slow(double slowdown) {
        return slowdown > maxSlowdown;
    }

    /**
     * Whether a verdict found the machine slow with nothing here competing (its passes undisturbed, no more runnable
     * threads than processors): a slow spell from outside, worth waiting for. A machine slow because this one is busy is
     * not waited for: the load is reported as it is.
     */
    public boolean slowFromOutside(Interference i) {
        return slow(i.slowdown()) && !(i.disturbedShare() > maxDisturbedShare) && !(checkLoad && i.runnable() > i.cores());
    }

    /** Whether a pass of this wall and CPU time was disturbed. */
    public boolean disturbed(AdaptiveTiming.Pass pass) {
        return pass.cpuShare() < minCpuShare && pass.wallNanos() - pass.cpuNanos() >= minWaitNanos;
    }

    /**
     * Judges a timing.
     *
     * @param passes     the timed passes
     * @param runnable   the runnable threads counted before each pass (NaN where unknown)
     * @param loadBefore the 1-minute load average before timing; negative or NaN when unknown
     * @param loadAfter  the 1-minute load average after timing
     * @param cores      processors available
     */
    public Interference judge(List<AdaptiveTiming.Pass> passes, double[] runnable, double loadBefore, double loadAfter, int cores) {
        return judge(passes, runnable, loadBefore, loadAfter, cores, new double[0], Double.NaN);
    }

    /**
     * Judges a timing with the reference probe's medians taken before, during and after it.
     *
     * @param probesMs    the probe's medians (NaN where it could not run); none: judged as without the probe
     * @param referenceMs the machine's reference, the probe's floor (NaN where unknown)
     */
    public Interference judge(List<AdaptiveTiming.Pass> passes, double[] runnable, double loadBefore, double loadAfter, int cores,
                              double[] probesMs, double referenceMs) {
        double before = loadBefore < 0 ? Double.NaN : loadBefore;
        double after = loadAfter < 0 ? Double.NaN : loadAfter;
        double median = median(passes.stream().mapToDouble(AdaptiveTiming.Pass::cpuShare).toArray());
        long disturbed = passes.stream().filter(this::disturbed).count();
        double share = passes.isEmpty() ? 0 : (double) disturbed / passes.size();
        double running = median(java.util.Arrays.stream(runnable).filter(r -> !Double.isNaN(r)).toArray());
        List<String> reasons = new ArrayList<>();
        if (share > maxDisturbedShare) {
            reasons.add(String.format("%d of %d passes had the timing thread on a processor less than %.0f%% of their time "
                    + "(median %.0f%%)", disturbed, passes.size(), 100 * minCpuShare, 100 * median));
        }
        if (checkLoad && running > cores) {
            reasons.add(String.format("a median of %.0f runnable threads (this one included) wanted the %d processors", running, cores));
        } else if (checkLoad && Double.isNaN(running) && Math.max(orZero(before), orZero(after)) > cores) {
            reasons.add(String.format("the load average (%.2f) exceeded the %d processors", Math.max(orZero(before), orZero(after)), cores));
        }
        double probeMs = median(java.util.Arrays.stream(probesMs).filter(Double::isFinite).toArray());
        double slowdown = probeMs / referenceMs;
        if (slow(slowdown)) {
            double load = Math.max(orZero(before), orZero(after));
            String cause = !reasons.isEmpty() ? ""
                    : load > cores ? String.format(" with the load average (%.2f) above the %d processors though no more threads were runnable "
                            + "than processors while it ran: work here on another processor (sharing caches and memory), another virtual "
                            + "machine on the host, or the processor's clock", load, cores)
                    : " with nothing here competing: another virtual machine on the host, or the processor's clock";
            reasons.add(String.format("the machine ran %.2fx slower than its reference speed (reference convolution %.2f ms against %.2f ms)%s",
                    slowdown, probeMs, referenceMs, cause));
        }
        return new Interference(reasons.isEmpty() ? Interference.Verdict.QUIET : Interference.Verdict.NOISY, median, share, running, before,
                after, cores, String.join("; ", reasons), probeMs, referenceMs);
    }

    private static double median(double[] values) {
        return values.length == 0 ? Double.NaN : new Median().evaluate(values);
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
