package org.igclab.spark;

import java.io.Serializable;

/**
 * What a task sends back to the driver: the run it recorded in its own scratch store (as JSON), or why it could not
 * begin one, or that it was stopped before its end. The driver's writer turns a run into a run of the results store;
 * the task itself writes nothing there.
 *
 * @param task       the design
 * @param job        the sweep's kind and settings
 * @param runJson    the run as the runtime recorded it (status done or failed); null when none began or it was stopped
 * @param epochsJson train: the run's epochs; {@code []} otherwise
 * @param failure    why the measurement failed or where it stopped, or null
 * @param stopped    whether it was stopped before its end (the task was killed, or its JVM began to exit): nothing to
 *                   store; a training keeps its checkpoint on the executor's machine
 * @param ranOn      where and when it ran
 */
public record TaskOutcome(DesignTask task, SweepJob job, String runJson, String epochsJson, String failure, boolean stopped, RanOn ranOn)
        implements Serializable {

    /** An outcome without a run: the design could not be measured ({@code stopped} false) or was stopped. */
    static TaskOutcome withoutRun(DesignTask task, SweepJob job, String why, boolean stopped, RanOn ranOn) {
        return new TaskOutcome(task, job, null, "[]", why, stopped, ranOn);
    }

    /** Whether the measurement failed (a stopped one did not fail: it was not finished). */
    public boolean failed() {
        return failure != null && !stopped;
    }
}
