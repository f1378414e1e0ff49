package org.igclab.runtime.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.sweep.Assignment;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.runtime.evaluate.EvaluationReport;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.evaluate.StoredEvaluation;
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
 * checkpoint.
 */
public final class SweepMeasurement {

    private SweepMeasurement() {
    }

    /** The design's name in the store: the space's name and its variables, e.g. {@code cifar [width=64 depth=20]}. */
    public static String designName(Space space, long design) {
        Assignment values = space.values(design);
        StringBuilder s = new StringBuilder(space.name().isEmpty() ? "design " + design : space.name()).append(" [");
        List<String> names = space.grid().names();
        for (int i = 0; i < names.size(); i++) {
            s.append(i == 0 ? "" : " ").append(names.get(i)).append('=').append(Assignment.text(values.node(i)));
        }
        return s.append(']').toString();
    }

    /** The design of a space at {@code index}, named as the store names it. */
    public static Design design(Space space, long index) {
        Network n = space.network(space.values(index));
        return new Design.NetworkDesign(new Network(designName(space, index), n.input(), n.layers()));
    }

    /** Latency of every passing design. */
    public static Map<Long, Measurement> latency(Sweep sweep, EvaluationSettings settings, ResultStore store, PrintWriter err) {
        String settingsHash = DesignIdentity.sha256(StoredEvaluation.settingsJson(settings));
        return each(sweep, err, (design, index) -> {
            Optional<RunRecord> done = store.latest(StoredEvaluation.KIND, DesignIdentity.of(design).hash(), settingsHash, "done");
            if (done.isPresent()) {
                return new Measurement(done.get().latencyB1Ms(), done.get().latencyB32Ms(), null, done.get().id(), true);
            }
            EvaluationReport r = StoredEvaluation.runAndStore(design, settings, store, ProgressListener.NONE);
            RunRecord run = store.latest(StoredEvaluation.KIND, DesignIdentity.of(design).hash(), settingsHash, "done", "failed").orElseThrow();
            return new Measurement(r.medianMs(1).orElse(null), r.medianMs(32).orElse(null), null, run.id(), false);
        });
    }

    /** Test accuracy of every passing design after training; checkpoints go under {@code checkpoints}. */
    public static Map<Long, Measurement> train(Sweep sweep, ImageDataset data, TrainingSettings settings, Path checkpoints,
                                               ResultStore store, PrintWriter err) {
        String settingsHash = DesignIdentity.sha256(StoredTraining.settingsJson(settings));
        return each(sweep, err, (design, index) -> {
            Optional<RunRecord> done = store.latest(StoredTraining.KIND, DesignIdentity.of(design).hash(), settingsHash, "done");
            if (done.isPresent()) {
                return new Measurement(null, null, done.get().accuracy(), done.get().id(), true);
            }
            Path dir = StoredTraining.defaultCheckpointDir(checkpoints, design, settings);
            Training.Result r = StoredTraining.run(design, data, settings, dir, StoredTraining.Existing.RESUME, store,
                    new TrainingListener() { }, () -> false);
            RunRecord run = store.latest(StoredTraining.KIND, DesignIdentity.of(design).hash(), settingsHash, "done", "cancelled").orElseThrow();
            return new Measurement(null, null, r.testAccuracy(), run.id(), false);
        });
    }

    @FunctionalInterface
    private interface Measure {
        Measurement of(Design design, long index) throws IOException;
    }

    private static Map<Long, Measurement> each(Sweep sweep, PrintWriter err, Measure measure) {
        List<SweepRow> passing = sweep.passing();
        Map<Long, Measurement> out = new LinkedHashMap<>();
        int n = 0;
        for (SweepRow row : passing) {
            n++;
            Design design = design(sweep.space(), row.design());
            long started = System.nanoTime();
            try {
                Measurement m = measure.of(design, row.design());
                out.put(row.design(), m);
                err.printf("design %d of %d, %s: %s (%.1f s)%n", n, passing.size(), design.name(),
                        m.reused() ? "already in the store, run " + m.runId() : "measured, run " + m.runId(), (System.nanoTime() - started) / 1e9);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            err.flush();
        }
        return out;
    }
}
