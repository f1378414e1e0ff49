package org.igclab.runtime.study;

import java.util.List;
import org.igclab.analyzer.sweep.Measurement;

/**
 * What measuring one trial's design gave.
 *
 * @param measurement the figures (null when it failed)
 * @param status      {@link TrialRecord#DONE}, {@link TrialRecord#PRUNED} or {@link TrialRecord#FAILED}
 * @param reason      why it was pruned or failed, else null
 * @param runs        the runs that measured it
 */
public record Measured(Measurement measurement, String status, String reason, List<Long> runs) {

    public Measured {
        runs = List.copyOf(runs);
    }

    public static Measured done(Measurement m, List<Long> runs) {
        return new Measured(m, TrialRecord.DONE, null, runs);
    }

    public static Measured failed(String reason, List<Long> runs) {
        return new Measured(null, TrialRecord.FAILED, reason, runs);
    }

    /** Both measurements of one design (a latency and a training) as one: the worse status, every run. */
    public Measured and(Measured other) {
        if (status.equals(TrialRecord.FAILED) || other.status.equals(TrialRecord.FAILED)) {
            return new Measured(null, TrialRecord.FAILED, status.equals(TrialRecord.FAILED) ? reason : other.reason, union(other));
        }
        Measurement m = new Measurement(concat(measurement.latency(), other.measurement.latency()),
                measurement.accuracy() != null ? measurement.accuracy() : other.measurement.accuracy(), measurement.runId(),
                measurement.reused() && other.measurement.reused());
        boolean pruned = status.equals(TrialRecord.PRUNED) || other.status.equals(TrialRecord.PRUNED);
        return new Measured(m, pruned ? TrialRecord.PRUNED : TrialRecord.DONE, pruned ? (reason != null ? reason : other.reason) : null,
                union(other));
    }

    private List<Long> union(Measured other) {
        return java.util.stream.Stream.concat(runs.stream(), other.runs.stream()).distinct().toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
