package org.igclab.spark;

import java.io.Serializable;

/**
 * What every task of a measured sweep does, as sent to the executors.
 *
 * @param kind           latency or train
 * @param settingsJson   the runtime's settings (evaluation or training) as the store keeps them
 * @param settingsHash   SHA-256 of {@code settingsJson}
 * @param dataDir        train: the data set's folder on every worker, null for its default place
 * @param checkpointRoot train: where checkpoints go on the executor's machine (relative: to the executor's folder)
 */
public record SweepJob(Kind kind, String settingsJson, String settingsHash, String dataDir, String checkpointRoot)
        implements Serializable {

    /** The two measurements a sweep can ask for. */
    public enum Kind {
        LATENCY("latency"), TRAIN("train");

        private final String option;

        Kind(String option) {
            this.option = option;
        }

        /** As written after {@code --evaluate}. */
        public String option() {
            return option;
        }
    }
}
