package org.igclab.ui.view;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;
import org.igclab.ui.model.Evaluations;
import org.igclab.ui.model.Requests;

/**
 * An evaluation the test ends: it reports some progress, then waits until released (or cancelled), and may leave a
 * measurement in the store first, as a real one would.
 */
final class Gate implements Evaluations {
    final CountDownLatch started = new CountDownLatch(1);
    /** Replaceable, for a second run that waits again. */
    volatile CountDownLatch release = new CountDownLatch(1);
    /** Done before returning: writes what the run measured into the store. */
    volatile Consumer<Path> store = p -> { };
    volatile long done = 3;
    volatile long total = 30;

    @Override
    public String run(Design design, Requests.Evaluation request, int resolution, Path db, ProgressListener progress,
                      BooleanSupplier cancelled) throws Exception {
        progress.progress(done, total);
        started.countDown();
        while (!release.await(20, TimeUnit.MILLISECONDS)) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("by the user");
            }
        }
        store.accept(db);
        return "median latency 1.00 ms";
    }
}
