package org.igclab.runtime.cli;

import java.io.PrintWriter;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.train.TrainingListener;

/**
 * The training progress on standard error: on a terminal a bar redrawn in place (epoch, steps, loss, accuracy,
 * ETA); elsewhere one line per epoch, so logs stay readable.
 */
final class TrainingProgressBar implements TrainingListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean live;
    private long lastDrawn;

    TrainingProgressBar(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
    }

    @Override
    public void step(int epoch, int epochs, int batch, int batches, double loss, double accuracy, double seconds) {
        long now = System.nanoTime();
        if (!live || (now - lastDrawn < 250_000_000L && batch < batches)) {
            return;
        }
        lastDrawn = now;
        int width = 24;
        int filled = (int) ((long) width * batch / batches);
        double eta = seconds / batch * (batches - batch);
        err.printf("\repoch %d/%d [%s%s] %d/%d loss %.4f acc %.2f%% %.0f s, ETA %.0f s   ", epoch, epochs, "=".repeat(filled),
                " ".repeat(width - filled), batch, batches, loss, 100 * accuracy, seconds, eta);
        err.flush();
    }

    @Override
    public void epoch(EpochRecord r, int epochs) {
        if (live) {
            err.print("\r" + " ".repeat(100) + "\r");
        }
        err.printf("epoch %d/%d: train loss %.4f, train accuracy %.2f%%, test accuracy %.2f%%, lr %.5f, %.1f s%n", r.epoch(), epochs,
                r.trainLoss(), 100 * r.trainAccuracy(), 100 * r.testAccuracy(), r.learningRate(), r.seconds());
        err.flush();
    }

    @Override
    public void close() {
        if (live) {
            err.println();
        }
        err.flush();
    }
}
