package org.igclab.runtime.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.study.MedianStoppingRule;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.sweep.SweepMeasurement;
import org.igclab.runtime.train.Datasets;
import org.igclab.runtime.train.ImageDataset;
import org.igclab.runtime.train.StoredTraining;
import org.igclab.runtime.train.Training;
import org.igclab.runtime.train.TrainingListener;
import org.igclab.runtime.train.TrainingSettings;

/**
 * Measures trials in this process, one design at a time, through the runtime's own entry points: a latency as
 * {@code igc sweep --evaluate latency} times it ({@link SweepMeasurement#latency}), a training with
 * {@link StoredTraining#run}, continuing its checkpoint when there is one and stopped early by the median stopping
 * rule through its listener and stop request (the training loop itself is untouched).
 */
public final class InProcessMeasurer implements TrialMeasurer {
    private ImageDataset data;

    @Override
    public boolean batches() {
        return false;
    }

    @Override
    public Map<Long, Measured> measure(Space space, List<SweepRow> rows, Measuring how, List<double[]> earlier, ResultStore store,
                                       PrintWriter err, BooleanSupplier stop) {
        Map<Long, Measured> out = new LinkedHashMap<>();
        for (SweepRow row : rows) {
            Measured m = null;
            if (how.latency() != null) {
                m = latency(space, row, how, store, err, stop);
            }
            if (how.training() != null && (m == null || !m.status().equals(TrialRecord.FAILED))) {
                Measured t = training(space, row, how, earlier, store, stop);
                m = m == null ? t : m.and(t);
            }
            out.put(row.design(), m);
        }
        return out;
    }

    private static Measured latency(Space space, SweepRow row, Measuring how, ResultStore store, PrintWriter err, BooleanSupplier stop) {
        try {
            Measurement m = SweepMeasurement.latency(new Sweep(space, List.of(row), 0, 0), how.latency(), store, err, stop).get(row.design());
            return Measured.done(m, List.of(m.runId()));
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return Measured.failed("latency: " + e.getMessage(), List.of());
        }
    }

    private Measured training(Space space, SweepRow row, Measuring how, List<double[]> earlier, ResultStore store, BooleanSupplier stop) {
        Design design = SweepMeasurement.design(space, row.design());
        try {
            if (data == null) {
                TrainingSettings s = how.training();
                data = Datasets.load(s.dataset(), how.dataDir()).limited(s.trainLimit(), s.testLimit());
            }
            return train(design, data, how.training(), how.checkpointRoot(), store, how.pruning(), earlier, stop);
        } catch (CancellationException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Measured.failed("training: " + e.getMessage(),
                    store.latest(StoredTraining.KIND, DesignIdentity.of(design).hash(), settingsHash(how.training()), "failed")
                            .map(r -> List.of(r.id())).orElse(List.of()));
        }
    }

    /**
     * Trains one design to the end, or until the median stopping rule stops it after an epoch (its run is then stored
     * {@code pruned} with its curve), reusing a run the store has done with these settings.
     *
     * @param pruning null for none
     * @throws CancellationException when {@code stop} ended it first; its run is interrupted, its checkpoint kept
     */
    public static Measured train(Design design, ImageDataset data, TrainingSettings settings, Path checkpointRoot, ResultStore store,
                                 MedianStoppingRule pruning, List<double[]> earlier, BooleanSupplier stop) throws IOException {
        String designHash = DesignIdentity.of(design).hash();
        Optional<RunRecord> done = store.latest(StoredTraining.KIND, designHash, settingsHash(settings), "done");
        if (done.isPresent()) {
            return Measured.done(Measurement.accuracy(done.get().accuracy(), done.get().id(), true), List.of(done.get().id()));
        }
        Pruner pruner = new Pruner(pruning, earlier);
        Path dir = StoredTraining.defaultCheckpointDir(checkpointRoot, design, settings);
        Threads.perCore();
        Training.Result r = StoredTraining.run(design, data, settings, dir, StoredTraining.Existing.CONTINUE, store, pruner,
                () -> pruner.decision != null || stop.getAsBoolean());
        RunRecord run = store.latest(StoredTraining.KIND, designHash, settingsHash(settings), "done", ResultStore.INTERRUPTED).orElseThrow();
        if (r.completed()) {
            return Measured.done(Measurement.accuracy(r.testAccuracy(), run.id(), false), List.of(run.id()));
        }
        if (pruner.decision != null) {
            String why = pruner.decision.describe();
            store.end(run.id(), ResultStore.PRUNED, why);
            return new Measured(Measurement.accuracy(r.testAccuracy(), run.id(), false), TrialRecord.PRUNED, why, List.of(run.id()));
        }
        throw new CancellationException("training stopped at epoch " + r.reached().epoch() + ", step " + r.reached().step()
                + "; its checkpoint is in " + dir);
    }

    private static String settingsHash(TrainingSettings settings) {
        return DesignIdentity.sha256(StoredTraining.settingsJson(settings));
    }

    /** Hears each epoch's test accuracy and decides, by the median stopping rule, whether the training goes on. */
    private static final class Pruner implements TrainingListener {
        private final MedianStoppingRule rule;
        private final List<double[]> earlier;
        private volatile MedianStoppingRule.Decision decision;

        Pruner(MedianStoppingRule rule, List<double[]> earlier) {
            this.rule = rule;
            this.earlier = List.copyOf(earlier);
        }

        @Override
        public void epoch(EpochRecord record, int epochs) {
            if (rule != null && record.epoch() < epochs) {
                decision = rule.judge(record.epoch(), record.testAccuracy(), earlier).orElse(null);
            }
        }
    }
}
