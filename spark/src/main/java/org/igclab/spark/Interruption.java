package org.igclab.spark;

import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.store.ResultStore;

/**
 * A stop request (Ctrl-C, SIGTERM, a JVM exit) on the driver of a sweep on Spark, handled as the in-process sweep
 * handles it: no task starts any more, the running ones are killed and stop at their next step boundary (a training
 * saving a checkpoint on its executor), what arrived is stored, and the sweep ends with a one-line summary.
 */
final class Interruption {
    private final BooleanSupplier stop;
    private final int storedBefore;
    private final int designs;
    private final ResultStore store;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param stop         the request, polled
     * @param storedBefore designs the store had before the sweep began
     * @param designs      designs of the sweep
     * @param store        the results store
     */
    Interruption(BooleanSupplier stop, int storedBefore, int designs, ResultStore store) {
        this.stop = stop;
        this.storedBefore = storedBefore;
        this.designs = designs;
        this.store = store;
    }

    /** Ends the sweep here when the stop came before the job began. */
    void check() {
        if (stop.getAsBoolean()) {
            throw summary(0, 0, 0);
        }
    }

    /**
     * Cancels the sweep's job once a stop is asked for and the job has reached the scheduler (a cancel before that would
     * cancel nothing); called every few hundred milliseconds while the job runs.
     */
    void cancelWhenAsked(JavaSparkContext spark, TaskTracker tracker, PrintWriter err) {
        if (!stop.getAsBoolean() || !tracker.jobStarted() || !cancelled.compareAndSet(false, true)) {
            return;
        }
        err.println("spark: " + reason() + ": starting no more tasks and stopping the running ones at their next step (a training "
                + "saves a checkpoint on its executor); the results that arrived are being stored");
        err.flush();
        spark.cancelJobGroup(SparkSweep.JOB_GROUP, "igc sweep: " + reason());
    }

    /**
     * Waits, at most {@link GracefulStop#EXIT_WAIT}, until no task of the sweep runs: a killed task is still finishing
     * its step and writing its checkpoint, and on a local master it does so in this JVM, which must not exit under it.
     * A context already stopped (the JVM is exiting) reports no more task ends: then each task's own exit hook holds
     * the JVM until it has saved.
     */
    void awaitTasks(JavaSparkContext spark, TaskTracker tracker, PrintWriter err) {
        long deadline = System.nanoTime() + GracefulStop.EXIT_WAIT.toNanos();
        boolean said = false;
        try {
            for (int running = tracker.snapshot().running(); running > 0 && !spark.sc().isStopped() && System.nanoTime() < deadline;
                 running = tracker.snapshot().running()) {
                if (!said) {
                    err.println("spark: waiting for " + running + " running task" + (running == 1 ? "" : "s") + " to stop at a step boundary");
                    err.flush();
                    said = true;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code interrupted (SIGINT): 3 of 8 designs stored in r.db, 5 left (2 stopped at a step on their executors...)}.
     *
     * @param storedNow designs this sweep stored
     * @param failed    designs whose measurement failed
     * @param stopped   task attempts killed while they ran
     */
    CancellationException summary(int storedNow, int failed, int stopped) {
        int stored = storedBefore + storedNow;
        String left = (designs - stored) + " left" + (stopped > 0 ? " (" + stopped + " stopped at a step on " + (stopped == 1 ? "its executor"
                : "their executors") + "; a training keeps its checkpoint there)" : "");
        return new CancellationException("interrupted (" + reason() + "): " + stored + " of " + designs + " designs stored in " + store.file()
                + ", " + left + (failed > 0 ? ", " + failed + " failed" : "") + "; the same command continues the sweep (stored designs are reused)");
    }

    private String reason() {
        return stop instanceof GracefulStop g ? g.reason().orElse("stopped") : "stopped";
    }
}
