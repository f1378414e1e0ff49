package org.igclab.runtime.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.evaluate.StoredEvaluation;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.train.ImageDataset;
import org.igclab.runtime.train.StoredTraining;
import org.igclab.runtime.train.Training;
import org.igclab.runtime.train.TrainingListener;
import org.igclab.runtime.train.TrainingSettings;

/**
 * Measures every design of a sweep that passed its constraints, one after another, each as a run in the results
 * store. A design the store already has (same design, same settings, done) is not measured again, so a sweep that
 * was stopped, or killed, continues where it was when started again; a training it interrupted resumes from its
 * checkpoint. A stop request ends the sweep after the step in flight: the design being measured is stored as
 * {@code interrupted} (a training with its checkpoint) and a {@link CancellationException} says where it stopped.
 */
public final class SweepMeasurement {

    private SweepMeasurement() {
    }

    /** The design of a space at {@code index}, named as the store names it ({@link DesignName#stored}). */
    public static Design design(Space space, long index) {
        Network n = space.network(space.values(index));
        return new Design.NetworkDesign(new Network(DesignName.stored(space, index), n.input(), n.layers()));
    }

    /**
     * Latency of every passing design. A design the store has measured with these settings is reused, unless a timing
     * of it was noisy: that one is measured again, as the machine may be quieter now.
     */
    public static Map<Long, Measurement> latency(Sweep sweep, EvaluationSettings settings, ResultStore store, PrintWriter err,
                                                 BooleanSupplier stop) {
        String settingsHash = DesignIdentity.sha256(StoredEvaluation.settingsJson(settings));
        return each(sweep, err, stop, (design, index) -> {
            Optional<RunRecord> done = store.latest(StoredEvaluation.KIND, DesignIdentity.of(design).hash(), settingsHash, "done");
            if (done.isPresent() && done.get().latency().stream().allMatch(LatencyStats::trusted)) {
                return measurement(done.get(), true);
            }
            StoredEvaluation.runAndStore(design, settings, store, ProgressListener.NONE, stop);
            RunRecord run = store.latest(StoredEvaluation.KIND, DesignIdentity.of(design).hash(), settingsHash, "done", "failed").orElseThrow();
            return measurement(run, false);
        });
    }

    /** A stored evaluation's headline timings as the analyzer's measurement; a timing that is not trusted counts as noisy. */
    public static Measurement measurement(RunRecord run, boolean reused) {
        List<Measurement.Latency> latency = LatencyStats.headlines(run.latency()).stream()
                .map(l -> new Measurement.Latency(l.batch(), l.medianMs(), l.halfWidthMs(), !l.trusted())).toList();
        return new Measurement(latency, null, run.id(), reused);
    }

    /** Test accuracy of every passing design after training; checkpoints go under {@code checkpoints}. */
    public static Map<Long, Measurement> train(Sweep sweep, ImageDataset data, TrainingSettings settings, Path checkpoints,
                                               ResultStore store, PrintWriter err, BooleanSupplier stop) {
        String settingsHash = DesignIdentity.sha256(StoredTraining.settingsJson(settings));
        return each(sweep, err, stop, (design, index) -> {
            Optional<RunRecord> done = store.latest(StoredTraining.KIND, DesignIdentity.of(design).hash(), settingsHash, "done");
            if (done.isPresent()) {
                return Measurement.accuracy(done.get().accuracy(), done.get().id(), true);
            }
            Path dir = StoredTraining.defaultCheckpointDir(checkpoints, design, settings);
            Threads.perCore();
            Training.Result r = StoredTraining.run(design, data, settings, dir, StoredTraining.Existing.CONTINUE, store,
                    new TrainingListener() { }, stop);
            if (!r.completed()) {
                throw new CancellationException("training stopped at epoch " + r.reached().epoch() + ", step " + r.reached().step()
                        + "; its checkpoint is in " + dir);
            }
            RunRecord run = store.latest(StoredTraining.KIND, DesignIdentity.of(design).hash(), settingsHash, "done").orElseThrow();
            return Measurement.accuracy(r.testAccuracy(), run.id(), false);
        });
    }

    @FunctionalInterface
    private interface Measure {
        Measurement of(Design design, long index) throws IOException;
    }

    private static Map<Long, Measurement> each(Sweep sweep, PrintWriter err, BooleanSupplier stop, Measure measure) {
        List<SweepRow> passing = sweep.passing();
        Map<Long, Measurement> out = new LinkedHashMap<>();
        int n = 0;
        for (SweepRow row : passing) {
            n++;
            Design design = design(sweep.space(), row.design());
            long started = System.nanoTime();
            try {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("stopped before it began");
                }
                Measurement m = measure.of(design, row.design());
                out.put(row.design(), m);
                err.printf("design %d of %d, %s: %s (%.1f s)%s%n", n, passing.size(), DesignName.readable(design.name()),
                        m.reused() ? "already in the store, run " + m.runId() : "measured, run " + m.runId(), (System.nanoTime() - started) / 1e9,
                        m.noisy() ? "; latency noisy (measured under interference), not ranked" : "");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (CancellationException e) {
                throw new CancellationException("interrupted at design " + n + " of " + passing.size() + ", " + design.name() + ": "
                        + e.getMessage() + "; the same command continues the sweep (measured designs are reused)");
            }
            err.flush();
        }
        return out;
    }
}
