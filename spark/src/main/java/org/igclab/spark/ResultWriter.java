package org.igclab.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.runtime.store.ResultStore;

/**
 * The one thread that writes a sweep's results into the store, in the order tasks finish. Spark's scheduler hands each
 * task's outcome over as it arrives (its own thread must not wait on the disk); a design already stored is not stored
 * again, so a retried or duplicated task, or a rerun after the driver was killed, leaves one run per design.
 */
final class ResultWriter implements AutoCloseable {
    private final ResultStore store;
    private final TaskTracker tracker;
    private final PrintWriter err;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "igc-result-writer");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Measurement> measured = new LinkedHashMap<>();
    private final List<TaskOutcome> failures = new ArrayList<>();
    private int duplicates;
    private volatile RuntimeException error;

    ResultWriter(ResultStore store, TaskTracker tracker, PrintWriter err) {
        this.store = store;
        this.tracker = tracker;
        this.err = err;
    }

    /** Queues an outcome; returns at once. */
    void submit(TaskOutcome outcome) {
        thread.execute(() -> write(outcome));
    }

    private void write(TaskOutcome outcome) {
        if (error != null) {
            return;
        }
        try {
            Measurement earlier;
            synchronized (this) {
                earlier = measured.get(outcome.task().design());
            }
            // a design stored by this sweep is not stored again, even where the store would measure it again (a noisy latency)
            RuntimeAdapter.Recorded r = earlier != null ? new RuntimeAdapter.Recorded(Optional.of(earlier), true, earlier.runId())
                    : RuntimeAdapter.record(store, outcome, tracker.overlapping(outcome.ranOn()));
            tracker.recorded(outcome, r.measurement().isPresent());
            String where = String.format("%s in %.1f s", outcome.ranOn().label(), outcome.ranOn().seconds());
            String what;
            synchronized (this) {
                if (r.duplicate()) {
                    duplicates++;
                    measured.putIfAbsent(outcome.task().design(), r.measurement().orElseThrow());
                    what = "measured again by another attempt on " + where + "; already stored as run " + r.runId() + ", not stored twice";
                } else if (r.measurement().isPresent()) {
                    measured.put(outcome.task().design(), r.measurement().get());
                    what = "measured on " + where + ", run " + r.runId();
                } else if (outcome.stopped()) {
                    failures.add(outcome);
                    what = "stopped on " + where + " before its end, not stored: " + outcome.failure();
                } else {
                    failures.add(outcome);
                    what = "FAILED on " + where + (r.runId() > 0 ? " (stored as run " + r.runId() + ")" : "") + ": " + outcome.failure();
                }
            }
            err.println("design " + outcome.task().design() + ", " + DesignName.readable(outcome.task().name()) + ": " + what + " [" + tracker.snapshot().counts() + "]");
        } catch (RuntimeException e) {
            error = e;
        }
    }

    synchronized Map<Long, Measurement> measured() {
        return new LinkedHashMap<>(measured);
    }

    synchronized List<TaskOutcome> failures() {
        return List.copyOf(failures);
    }

    synchronized int duplicates() {
        return duplicates;
    }

    /** Waits for every queued outcome to be written; a store error met on the way is thrown here. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                err.println("spark: still writing results to " + store.file());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (error != null) {
            throw error;
        }
    }
}
