package org.igclab.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.StoreException;

/**
 * Writes a run's epochs into the results store once their checkpoint is saved, then lets the checkpoint drop its
 * older snapshots. A row the store refuses (another process holds its write lock past the busy timeout) waits for
 * the next epoch, or the end of the run, and the older snapshots stay until the store has it; the checkpoint holds
 * the row meanwhile, so a run killed in between loses nothing.
 */
final class EpochRows implements TrainingListener {
    private final ResultStore store;
    private final long runId;
    private final Checkpoint checkpoint;
    private final TrainingListener next;
    private final List<EpochRecord> pending = new ArrayList<>();

    EpochRows(ResultStore store, long runId, Checkpoint checkpoint, TrainingListener next) {
        this.store = store;
        this.runId = runId;
        this.checkpoint = checkpoint;
        this.next = next;
    }

    /** Rows the checkpoint has and the store may lack (a resumed run's). */
    void addAll(List<EpochRecord> records) {
        pending.addAll(records);
        tryFlush();
    }

    /** Writes the pending rows; a store that refuses them is reported and they stay pending. */
    void tryFlush() {
        try {
            flush();
        } catch (StoreException e) {
            next.note("the results store did not take epoch " + pending.get(pending.size() - 1).epoch() + " (" + e.getMessage()
                    + "); the checkpoint keeps it, and it is written at the next epoch or on resume");
        }
    }

    /** Writes the pending rows, or fails. */
    void flush() {
        for (EpochRecord r : pending) {
            store.addEpoch(runId, r);
        }
        pending.clear();
        try {
            checkpoint.prune();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start(int epochs, int steps, int testBatches, Position from) {
        next.start(epochs, steps, testBatches, from);
    }

    @Override
    public void step(int epoch, int epochs, int batch, int batches, double loss, double accuracy, double seconds) {
        next.step(epoch, epochs, batch, batches, loss, accuracy, seconds);
    }

    @Override
    public void testStep(int epoch, int epochs, int batch, int batches) {
        next.testStep(epoch, epochs, batch, batches);
    }

    @Override
    public void epoch(EpochRecord record, int epochs) {
        pending.add(record);
        tryFlush();
        next.epoch(record, epochs);
    }

    @Override
    public void note(String message) {
        next.note(message);
    }
}
