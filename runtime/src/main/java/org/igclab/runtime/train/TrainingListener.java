package org.igclab.runtime.train;

import org.igclab.runtime.store.EpochRecord;

/** Hears how training goes; called on the training thread. */
public interface TrainingListener {

    /** After each step: running means over the epoch so far. */
    default void step(int epoch, int epochs, int batch, int batches, double loss, double accuracy, double seconds) {
    }

    /** After each epoch, once its checkpoint is safely written. */
    default void epoch(EpochRecord record, int epochs) {
    }
}
