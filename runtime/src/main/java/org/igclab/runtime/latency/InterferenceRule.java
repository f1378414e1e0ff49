package org.igclab.runtime.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * When a timing counts as taken under interference. For each timed pass the timing thread's CPU time is divided by
 * the pass's wall time: with one intra-op thread PyTorch runs every operation on the calling thread, so on a quiet
 * processor the share is close to 1, and every millisecond the thread waited for a processor (another process ran,
 * the JVM stopped it for a collection) lowers it. A pass whose share is below {@code minCpuShare} is disturbed. The
 * timing is noisy when more than {@code maxDisturbedShare} of its passes were disturbed, or, with {@code checkLoad},
 * when the machine had more runnable threads than processors: the median over the passes of the runnable threads
 * counted just before each (Linux's {@code /proc/loadavg}, the timing thread included) above the processor count,
 * or where that count is unknown, the 1-minute load average before or after the timing above it.
 *
 * @param minCpuShare       CPU time over wall time below which a pass is disturbed (0.9)
 * @param maxDisturbedShare share of disturbed passes above which the timing is noisy (0.2)
 * @param checkLoad         whether more runnable threads than processors makes it noisy
 */
public record InterferenceRule(double minCpuShare, double maxDisturbedShare, boolean checkLoad) {

    public static InterferenceRule defaults() {
        return new InterferenceRule(0.9, 0.2, true);
    }

    /**
     * Judges a timing.
     *
     * @param cpuShares  each timed pass's CPU time over its wall time
     * @param runnable   the runnable threads counted before each pass (NaN where unknown)
     * @param loadBefore the 1-minute load average before timing; negative or NaN when unknown
     * @param loadAfter  the 1-minute load average after timing
     * @param cores      processors available
     */
    public Interference judge(double[] cpuShares, double[] runnable, double loadBefore, double loadAfter, int cores) {
        double before = loadBefore < 0 ? Double.NaN : loadBefore;
        double after = loadAfter < 0 ? Double.NaN : loadAfter;
        double median = median(cpuShares);
        long disturbed = Arrays.stream(cpuShares).filter(s -> s < minCpuShare).count();
        double share = cpuShares.length == 0 ? 0 : (double) disturbed / cpuShares.length;
        double running = median(Arrays.stream(runnable).filter(r -> !Double.isNaN(r)).toArray());
        List<String> reasons = new ArrayList<>();
        if (share > maxDisturbedShare) {
            reasons.add(String.format("%d of %d passes had the timing thread on a processor less than %.0f%% of their time "
                    + "(median %.0f%%)", disturbed, cpuShares.length, 100 * minCpuShare, 100 * median));
        }
        if (checkLoad && running > cores) {
            reasons.add(String.format("a median of %.0f runnable threads (this one included) wanted the %d processors", running, cores));
        } else if (checkLoad && Double.isNaN(running) && Math.max(orZero(before), orZero(after)) > cores) {
            reasons.add(String.format("the load average (%.2f) exceeded the %d processors", Math.max(orZero(before), orZero(after)), cores));
        }
        return new Interference(reasons.isEmpty() ? Interference.Verdict.QUIET : Interference.Verdict.NOISY, median, share, running, before,
                after, cores, String.join("; ", reasons));
    }

    private static double median(double[] values) {
        return values.length == 0 ? Double.NaN : new Median().evaluate(values);
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
