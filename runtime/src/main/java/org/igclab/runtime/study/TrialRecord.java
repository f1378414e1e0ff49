package org.igclab.runtime.study;

import java.util.List;

/**
 * One design a study tried.
 *
 * @param id         the row id
 * @param study      the study's id
 * @param number     1, 2, ... in the order tried
 * @param design     the design's index in the space
 * @param designName the design's name, as its runs are named
 * @param sampler    the sampler that proposed it
 * @param status     {@link #PENDING}, {@link #DONE}, {@link #PRUNED}, {@link #INFEASIBLE}, {@link #INVALID} or {@link #FAILED}
 * @param valuesJson its objective values and analytic figures, as JSON ({@code {"params": 74890, "accuracy": 0.81}}), when known
 * @param violation  0, or how far from meeting the constraints it was (never measured then)
 * @param reason     why it is infeasible, invalid, failed or pruned
 * @param runs       the runs that measured it
 * @param startedAt  ISO-8601 instant
 * @param finishedAt ISO-8601 instant, once it has an outcome
 */
public record TrialRecord(long id, long study, int number, long design, String designName, String sampler, String status,
                          String valuesJson, double violation, String reason, List<Long> runs, String startedAt, String finishedAt) {
    /** Chosen and feasible, not yet measured (or its measurement was interrupted: the next run continues it). */
    public static final String PENDING = "pending";
    /** Measured. */
    public static final String DONE = "done";
    /** A training stopped early by the median stopping rule; its values are those of its last epoch. */
    public static final String PRUNED = "pruned";
    /** Built and costed, but outside the constraints: never measured. */
    public static final String INFEASIBLE = "infeasible";
    /** Cannot be built (a group size that does not divide a width, ...): never measured. */
    public static final String INVALID = "invalid";
    /** Its measurement failed (the reason says why). */
    public static final String FAILED = "failed";
    /** Every status, in the order reports list them. */
    public static final List<String> STATUSES = List.of(DONE, PRUNED, PENDING, FAILED, INFEASIBLE, INVALID);

    public TrialRecord {
        runs = List.copyOf(runs);
    }

    /** Whether the study has an outcome for it (everything but pending). */
    public boolean settled() {
        return !status.equals(PENDING);
    }
}
