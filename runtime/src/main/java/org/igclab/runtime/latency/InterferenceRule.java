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
 * timing is noisy when more than {@code maxDisturbedShare} of its passes were disturbed, or when
 * {@code checkLoad} and the 1-minute load average before or after it exceeded the processors (more threads wanted
 * a processor than there were, on average over the last minute).
 *
 * @param minCpuShare       CPU time over wall time below which a pass is disturbed (0.9)
 * @param maxDisturbedShare share of disturbed passes above which the timing is noisy (0.2)
 * @param checkLoad         whether a load average above the processor count makes it noisy
 */
public record InterferenceRule(double minCpuShare, double maxDisturbedShare, boolean checkLoad) {

    public static InterferenceRule defaults() {
        return new InterferenceRule(0.9, 0.2, true);
    }

    /**
     * Judges a timing.
     *
     * @param cpuShares  each timed pass's CPU time over its wall time
     * @param loadBefore the load average before timing; negative or NaN when unknown
     * @param loadAfter  the load average after timing
     * @param cores      processors available
     */
    public Interference judge(double[] cpuShares, double loadBefore, double loadAfter, int cores) {
        double before = loadBefore < 0 ? Double.NaN : loadBefore;
        double after = loadAfter < 0 ? Double.NaN : loadAfter;
        double median = cpuShares.length == 0 ? Double.NaN : new Median().evaluate(cpuShares);
        long disturbed = Arrays.stream(cpuShares).filter(s -> s < minCpuShare).count();
        double share = cpuShares.length == 0 ? 0 : (double) disturbed / cpuShares.length;
        List<String> reasons = new ArrayList<>();
        if (share > maxDisturbedShare) {
            reasons.add(String.format("%d of %d passes had the timing thread on a processor less than %.0f%% of their time "
                    + "(median %.0f%%)", disturbed, cpuShares.length, 100 * minCpuShare, 100 * median));
        }
        double load = Math.max(Double.isNaN(before) ? 0 : before, Double.isNaN(after) ? 0 : after);
        if (checkLoad && load > cores) {
            reasons.add(String.format("the load average (%.2f) exceeded the %d processors", load, cores));
        }
        return new Interference(reasons.isEmpty() ? Interference.Verdict.QUIET : Interference.Verdict.NOISY, median, share, before, after,
                cores, String.join("; ", reasons));
    }
}
