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
 * @param pruningJson    train in a study: the median stopping rule and the curves of the study's trials measured before
 *                       this batch ({@link Pruning} as JSON), null for none; not part of the settings (a pruned run
 *                       is the same training, stopped early)
 */
public record SweepJob(Kind kind, String settingsJson, String settingsHash, String dataDir, String checkpointRoot, String pruningJson)
        implements Serializable {

    /**
     * What an executor needs to apply the median stopping rule on its own: the rule and the earlier trials' curves.
     * Trials of the same batch do not see each other's curves (they run at the same time); later batches see them.
     *
     * @param rule    the study's rule
     * @param earlier test accuracy after each epoch, one array per earlier training
     */
    public record Pruning(org.igclab.analyzer.study.MedianStoppingRule rule, java.util.List<double[]> earlier) {
    }

    /** This job with the study's pruning. */
    public SweepJob withPruning(String json) {
        return new SweepJob(kind, settingsJson, settingsHash, dataDir, checkpointRoot, json);
    }

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
