package org.igclab.runtime.train;

import org.igclab.runtime.store.EpochRecord;

/** Hears how training goes; called on the training thread. */
public interface TrainingListener {

    /**
     * Once, before the first step of this session.
     *
     * @param steps       training steps per epoch
     * @param testBatches batches of each epoch's test pass
     * @param from        where the run starts (not the start for a resumed run)
     */
    default void start(int epochs, int steps, int testBatches, Position from) {
    }

    /** After each step: running means over the epoch so far, and the epoch's wall time so far. */
    default void step(int epoch, int epochs, int batch, int batches, double loss, double accuracy, double seconds) {
    }

    /** After each batch of an epoch's test pass. */
    default void testStep(int epoch, int epochs, int batch, int batches) {
    }

    /** After each epoch, once its checkpoint is safely written. */
    default void epoch(EpochRecord record, int epochs) {
    }

    /** Something worth knowing that does not stop the run (the results store was locked, ...). */
    default void note(String message) {
    }
}
