package org.igclab.runtime.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.store.Heartbeat;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunStart;

/** Runs an evaluation and records it in the results store: started, then done, failed or cancelled. */
public final class StoredEvaluation {
    public static final String KIND = "evaluate";

    private StoredEvaluation() {
    }

    public static EvaluationReport run(Design design, EvaluationSettings settings, ProgressListener progress) {
        return run(design, settings, progress, () -> false);
    }

    /** Evaluates without storing, stopping when {@code stop} turns true (then a {@link CancellationException}). */
    public static EvaluationReport run(Design design, EvaluationSettings settings, ProgressListener progress, BooleanSupplier stop) {
        EvaluationReport report = Evaluator.evaluate(design, settings, progress, stop);
        if (stop.getAsBoolean()) {
            throw new CancellationException("stopped before the timings of " + design.name() + " were complete");
        }
        return report;
    }

    /** The settings as stored, and their hash: a design evaluated twice with the same settings is the same run. */
    public static String settingsJson(EvaluationSettings settings) {
        try {
            return JsonFields.MAPPER.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EvaluationReport runAndStore(Design design, EvaluationSettings settings, Path storePath, ProgressListener progress) {
        return runAndStore(design, settings, storePath, progress, () -> false);
    }

    public static EvaluationReport runAndStore(Design design, EvaluationSettings settings, ResultStore store, ProgressListener progress) {
        return runAndStore(design, settings, store, progress, () -> false);
    }

    /** Like {@link #runAndStore(Design, EvaluationSettings, Path, ProgressListener)}, stopping when {@code cancelled} turns true. */
    public static EvaluationReport runAndStore(Design design, EvaluationSettings settings, Path storePath, ProgressListener progress,
                                               BooleanSupplier cancelled) {
        // refused before the store is opened: a design that cannot be evaluated creates no file
        Evaluator.checkMemory(design, settings);
        try (ResultStore store = ResultStore.open(storePath)) {
            return runAndStore(design, settings, store, progress, cancelled);
        }
    }

    /**
     * Runs and records an evaluation that can be stopped (polled between timed passes): a stopped run is stored as
     * {@code interrupted}, without its partial timings, and ends in a {@link CancellationException}. While it runs,
     * the run carries this process's heartbeat.
     */
    @SuppressWarnings("try") // the heartbeat beats on its own thread while the body runs
    public static EvaluationReport runAndStore(Design design, EvaluationSettings settings, ResultStore store, ProgressListener progress,
                                               BooleanSupplier cancelled) {
        String settingsJson = settingsJson(settings);
        NetworkCost cost = CostModel.of(Evaluator.network(design, settings));
        // a design refused for its memory leaves no run behind
        MemoryEstimate.check(cost, settings.batches());
        Threads.apply(settings.threads(), settings.interopThreads());
        long run = store.begin(RunStart.here(KIND, design, settingsJson, cost));
        try (Heartbeat beat = store.heartbeat(run)) {
            EvaluationReport report = Evaluator.evaluate(design, settings, progress, cancelled);
            if (cancelled.getAsBoolean()) {
                // partial timings would read as a measurement in the charts and in 'igc results'
                store.end(run, ResultStore.INTERRUPTED, "stopped before the timings were complete; evaluate again to measure");
                throw new CancellationException("stopped before the timings of " + design.name() + " were complete; run "
                        + run + " is stored as interrupted");
            }
            store.finishEvaluation(run, report.parameters().engine(), report.latency(), JsonFields.pretty(EvaluationView.json(report, settings)));
            if (!report.consistent()) {
                store.end(run, "failed", "the engine and the analyzer disagree");
            }
            return report;
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            store.end(run, "failed", String.valueOf(e.getMessage()));
            throw e;
        }
    }
}
