package org.igclab.spark;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Where a sweep on Spark stands, as the driver prints it: designs done, running and failed, per executor, with an
 * estimate of the time left.
 *
 * @param total          designs submitted
 * @param done           designs stored (a duplicate attempt counts once)
 * @param failed         designs whose measurement failed
 * @param running        task attempts running now
 * @param lostAttempts   attempts that ended without a result (an executor lost, a task killed); Spark runs them again
 * @param executors      one line per executor that ran or runs a task
 * @param secondsSinceFirstTask wall time since the first task started (NaN before)
 */
public record SweepProgress(int total, int done, int failed, int running, int lostAttempts, List<Executor> executors,
                            double secondsSinceFirstTask) {

    public SweepProgress {
        executors = List.copyOf(executors);
    }

    /**
     * One executor's share.
     *
     * @param id      Spark's executor id
     * @param host    its host
     * @param done    designs it measured (stored or found stored)
     * @param running attempts running on it now
     * @param failed  designs that failed on it, and attempts lost on it
     * @param lost    whether Spark has removed it
     */
    public record Executor(String id, String host, int done, int running, int failed, boolean lost) {
    }

    /**
     * Seconds left at the rate designs have finished so far (the whole cluster's throughput since the first task
     * began, executor start-up included); empty until a design is done.
     */
    public OptionalDouble etaSeconds() {
        int finished = done + failed;
        if (finished == 0 || !(secondsSinceFirstTask > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((total - finished) * secondsSinceFirstTask / finished);
    }

    /** {@code 3 of 8 done, 2 running, 0 failed; about 0:42 left}: the counts alone, for a design's line. */
    public String counts() {
        StringBuilder s = new StringBuilder(String.format("%d of %d done, %d running, %d failed", done, total, running, failed));
        if (lostAttempts > 0) {
            s.append(String.format(", %d attempt%s lost and run again", lostAttempts, lostAttempts == 1 ? "" : "s"));
        }
        OptionalDouble eta = etaSeconds();
        return s.append(eta.isPresent() ? "; about " + clock(eta.getAsDouble()) + " left" : "; time left known after the first design")
                .toString();
    }

    /** {@code spark: 3 of 8 done, ...; executor 0 (10.0.0.7) 2 done 1 running; executor 1 ...}: the counts and every executor's share. */
    public String line() {
        StringBuilder s = new StringBuilder("spark: ").append(counts());
        for (Executor e : executors) {
            s.append(String.format("; executor %s (%s)%s %d done %d running", e.id(), e.host(), e.lost() ? " lost," : "", e.done(), e.running()));
            if (e.failed() > 0) {
                s.append(' ').append(e.failed()).append(" failed");
            }
        }
        return s.toString();
    }

    /** {@code 1:05:09}, {@code 4:02}. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
