package org.igclab.ui.model;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.igclab.analyzer.design.Design;
import org.igclab.runtime.engine.GracefulStop;

/**
 * One evaluation at a time, in the background, with its progress and a cancel: what the progress bar, the cancel
 * button and the message beside them show. Progress reaches the FX thread at most once per frame's worth of
 * updates, however fast the engine reports it.
 */
public final class EvaluationModel {
    private final Evaluations evaluations;
    private final Background background;
    private final Executor fx;
    private final Path store;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** The running evaluation's stop: the Cancel button, or the JVM exiting, which then waits for the step in flight. */
    private final AtomicReference<GracefulStop> stop = new AtomicReference<>();
    /** The newest progress, and whether an update to the FX thread is on its way (not null). */
    private final AtomicReference<long[]> pending = new AtomicReference<>();
    private final java.util.function.LongSupplier clock;
    private volatile long startedNanos;
    private volatile String doing = "";

    public EvaluationModel(Evaluations evaluations, Background background, Executor fx, Path store) {
        this(evaluations, background, fx, store, System::nanoTime);
    }

    EvaluationModel(Evaluations evaluations, Background background, Executor fx, Path store, java.util.function.LongSupplier clock) {
        this.evaluations = evaluations;
        this.background = background;
        this.fx = fx;
        this.store = store;
        this.clock = clock;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** In [0, 1] (never indeterminate: its animation would keep the window repainting for as long as a run lasts). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Path store() {
        return store;
    }

    /**
     * Evaluates the design shown with the evaluation controls' values, or says why it cannot: nothing shown, a value
     * marked in red, training asked of a bare chain (not a classifier).
     *
     * @return why not, or empty when it started
     */
    String startFor(Subject shown, java.util.Optional<Requests.Evaluation> request, Runnable stored) {
        if (shown == null) {
            return "select a design to evaluate";
        }
        if (request.isEmpty()) {
            return "fix the evaluation values marked in red";
        }
        if (request.get().training() && shown.network() == null) {
            return "training needs a network: choose a network template (a bare chain is not a classifier)";
        }
        start(shown.design(), request.get(), shown.resolution(), stored);
        return "";
    }

    /**
     * Starts evaluating (on the FX thread); {@code stored} runs on the FX thread once the results store has the run,
     * finished or cancelled.
     */
    public void start(Design design, Requests.Evaluation request, int resolution, Runnable stored) {
        if (running.get()) {
            return;
        }
        GracefulStop mine = GracefulStop.beforeExit(note -> { });
        stop.set(mine);
        running.set(true);
        progress.set(0);
        doing = request.training() ? "training step" : "timed pass";
        startedNanos = clock.getAsLong();
        message.set((request.training() ? "training " : "timing ") + design.name() + "...");
        background.run(() -> {
            String outcome;
            try (mine) {
                outcome = evaluations.run(design, request, resolution, store, this::report, mine);
            } catch (CancellationException e) {
                outcome = "cancelled: " + e.getMessage();
            } catch (Throwable t) {
                outcome = "failed: " + (t.getMessage() == null ? t.toString() : t.getMessage());
            }
            String line = outcome;
            fx.execute(() -> {
                running.set(false);
                progress.set(line.startsWith("cancelled") || line.startsWith("failed") ? 0 : 1);
                message.set(line);
                stored.run();
            });
        });
    }

    /** Asks the running evaluation to stop; it stops at its next pass or step. */
    public void cancel() {
        GracefulStop current = stop.get();
        if (running.get() && current != null) {
            current.cancel();
            message.set("cancelling...");
        }
    }

    private void report(long done, long total) {
        if (pending.getAndSet(new long[] {done, total, clock.getAsLong() - startedNanos}) == null) {
            fx.execute(() -> {
                long[] latest = pending.getAndSet(null);
                if (running.get() && latest != null) {
                    progress.set(latest[1] <= 0 ? 0 : Math.min(1, (double) latest[0] / latest[1]));
                    message.set(progressText(doing, latest[0], latest[1], latest[2]));
                }
            });
        }
    }

    /**
     * {@code training step 120 of 500, about 1 min 2 s left}: the count, and the time left if the rest goes at the pace so
     * far. Timing stops once its interval is tight, so for latency that is the most it may take.
     */
    static String progressText(String doing, long done, long total, long elapsedNanos) {
        boolean timing = doing.startsWith("timed");
        String count = String.format("%s %,d of %s%,d", doing, done, timing ? "at most " : "", total);
        if (done <= 0 || total <= done) {
            return count;
        }
        double left = elapsedNanos / 1e9 / done * (total - done);
        return count + (timing ? ", at most " : ", about ") + duration(left) + " left";
    }

    /** {@code 8 s}, {@code 4 min 10 s}, {@code 1 h 5 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
