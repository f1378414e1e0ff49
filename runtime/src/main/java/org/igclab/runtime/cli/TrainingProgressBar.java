package org.igclab.runtime.cli;

import java.io.PrintWriter;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.train.Position;
import org.igclab.runtime.train.RunEstimate;
import org.igclab.runtime.train.TrainingListener;

/**
 * The training progress on standard error, with the time the whole run has left (test passes included): on a
 * terminal a bar redrawn in place; elsewhere (a log, a pipe) one line every {@link #LOG_EVERY_NANOS} and one per
 * epoch, so logs stay readable and still show that the run is alive.
 */
final class TrainingProgressBar implements TrainingListener, AutoCloseable {
    static final long LOG_EVERY_NANOS = 5_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean live;
    private final long started = System.nanoTime();
    private RunEstimate estimate;
    private long lastEvent = started;
    private long lastShown;
    private boolean drawn;
    private double trainSeconds;
    private long trainSteps;
    private double testSeconds;
    private long testBatches;

    TrainingProgressBar(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
    }

    @Override
    public void start(int epochs, int steps, int testBatchCount, Position from) {
        estimate = new RunEstimate(epochs, steps, testBatchCount);
        lastEvent = System.nanoTime();
        if (from.epochsDone() > 0 || from.step() > 0) {
            err.printf("continuing at epoch %d of %d, step %d of %d%n", from.epoch(), epochs, from.step(), steps);
            err.flush();
        }
    }

    @Override
    public void step(int epoch, int epochs, int batch, int batches, double loss, double accuracy, double seconds) {
        long now = System.nanoTime();
        trainSeconds += (now - lastEvent) / 1e9;
        trainSteps++;
        lastEvent = now;
        String where = String.format("epoch %d/%d step %d/%d loss %.4f acc %.2f%%", epoch, epochs, batch, batches, loss, 100 * accuracy);
        show(now, trainSteps == 1 || batch == batches, where, batch, batches, left(epoch, batch, 0));
    }

    @Override
    public void testStep(int epoch, int epochs, int batch, int batches) {
        long now = System.nanoTime();
        testSeconds += (now - lastEvent) / 1e9;
        testBatches++;
        lastEvent = now;
        String where = String.format("epoch %d/%d testing %d/%d", epoch, epochs, batch, batches);
        show(now, false, where, batch, batches, left(epoch, estimate.steps(), batch));
    }

    private double left(int epoch, int step, int testBatch) {
        return estimate.secondsLeft(epoch, step, testBatch, trainSteps == 0 ? Double.NaN : trainSeconds / trainSteps,
                testBatches == 0 ? Double.NaN : testSeconds / testBatches);
    }

    private void show(long now, boolean force, String where, int done, int total, double left) {
        String times = "elapsed " + RunEstimate.hms((now - started) / 1e9) + ", run ETA " + RunEstimate.hms(left);
        if (live) {
            if (now - lastShown < REDRAW_NANOS && done < total) {
                return;
            }
            int width = 20;
            int filled = (int) ((long) width * done / Math.max(1, total));
            err.printf("\r%s [%s%s] %s   ", where, "=".repeat(filled), " ".repeat(width - filled), times);
            drawn = true;
        } else {
            if (!force && now - lastShown < LOG_EVERY_NANOS) {
                return;
            }
            err.printf("%s, %s%n", where, times);
        }
        lastShown = now;
        err.flush();
    }

    @Override
    public void epoch(EpochRecord r, int epochs) {
        clearLine();
        err.printf("epoch %d/%d: train loss %.4f, train accuracy %.2f%%, test accuracy %.2f%%, lr %.5f, %s; run ETA %s%n", r.epoch(),
                epochs, r.trainLoss(), 100 * r.trainAccuracy(), 100 * r.testAccuracy(), r.learningRate(), RunEstimate.hms(r.seconds()),
                RunEstimate.hms(left(r.epoch() + 1, 0, 0)));
        err.flush();
    }

    @Override
    public void note(String message) {
        clearLine();
        err.println("note: " + message);
        err.flush();
    }

    private void clearLine() {
        if (drawn) {
            err.print("\r" + " ".repeat(110) + "\r");
            drawn = false;
        }
    }

    @Override
    public void close() {
        clearLine();
        err.flush();
    }
}
