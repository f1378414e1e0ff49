package org.igclab.spark;

import java.io.Serializable;

/**
 * What a task sends back to the driver: the run it recorded in its own scratch store (as JSON), or why it could not
 * begin one. The driver's writer turns it into a run of the results store; the task itself writes nothing there.
 *
 * @param task       the design
 * @param job        the sweep's kind and settings
 * @param runJson    the run as the runtime recorded it (status done, failed or cancelled); null when none began
 * @param epochsJson train: the run's epochs; {@code []} otherwise
 * @param failure    why the measurement failed, or null
 * @param ranOn      where and when it ran
 */
public record TaskOutcome(DesignTask task, SweepJob job, String runJson, String epochsJson, String failure, RanOn ranOn)
        implements Serializable {

    public boolean failed() {
        return failure != null;
    }
}
