package org.igclab.ui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;
import org.igclab.runtime.evaluate.EvaluationReport;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.evaluate.StoredEvaluation;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.train.Checkpoint;
import org.igclab.runtime.train.Datasets;
import org.igclab.runtime.train.ImageDataset;
import org.igclab.runtime.train.Position;
import org.igclab.runtime.train.StoredTraining;
import org.igclab.runtime.train.Training;
import org.igclab.runtime.train.TrainingListener;
import org.igclab.runtime.train.TrainingSettings;

/** Latency and training through the runtime's stored runs, as {@code igc evaluate} and {@code igc train} do them. */
public final class RuntimeEvaluations implements Evaluations {

    @Override
    public String run(Design design, Requests.Evaluation request, int resolution, Path store, ProgressListener progress,
                      BooleanSupplier cancelled) throws Exception {
        return request.training() ? train(design, request, store, progress, cancelled) : time(design, request, resolution, store, progress, cancelled);
    }

    /** Times batch 1 with the settings {@code igc evaluate} uses (one intra-op thread, which also leaves the window a core). */
    private static String time(Design design, Requests.Evaluation request, int resolution, Path store, ProgressListener progress,
                               BooleanSupplier cancelled) {
        EvaluationSettings defaults = EvaluationSettings.defaults();
        EvaluationSettings settings = defaults.withBatches(List.of(1)).withResolution(resolution)
                .withTiming(defaults.timing().withRuns(defaults.timing().minRuns(), request.runs()));
        EvaluationReport report = StoredEvaluation.runAndStore(design, settings, store, progress, cancelled);
        if (!report.consistent()) {
            return "stored, but the engine and the analyzer disagree: " + report.parameters().describe();
        }
        return report.headline(1).map(l -> "median latency " + l.summary()).orElse("no timing");
    }

    /** What a stopped training left: where its checkpoint stands, or that there is none to resume. */
    static String stopped(java.util.Optional<Position> saved, int epochs) {
        return saved.map(p -> String.format("training stopped at epoch %d of %d, step %,d; evaluate again to resume from that step",
                        p.epoch(), epochs, p.step()))
                .orElse("training stopped before a checkpoint was saved; evaluating again starts it afresh");
    }

    private static String train(Design design, Requests.Evaluation request, Path store, ProgressListener progress,
                                BooleanSupplier cancelled) throws Exception {
        ImageDataset data = Datasets.load(request.dataset(), request.dataDir());
        TrainingSettings defaults = TrainingSettings.defaults(request.dataset());
        TrainingSettings settings = new TrainingSettings(request.dataset(), request.epochs(), defaults.batchSize(), defaults.learningRate(),
                defaults.momentum(), defaults.weightDecay(), defaults.seed(), request.trainImages(), request.trainImages(), defaults.execution());
        Path root = store.toAbsolutePath().getParent().resolve("igc-checkpoints");
        Path checkpoints = StoredTraining.defaultCheckpointDir(root, design, settings);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void step(int epoch, int epochs, int batch, int batches, double loss, double accuracy, double seconds) {
                progress.progress((long) (epoch - 1) * batches + batch, (long) epochs * batches);
            }
        };
        Training.Result result;
        try (ResultStore s = ResultStore.open(store)) {
            // a run cancelled earlier continues from its last checkpoint, as 'igc train --resume' would
            result = StoredTraining.run(design, data, settings, checkpoints, StoredTraining.Existing.CONTINUE, s, listener, cancelled);
        }
        if (!result.completed()) {
            throw new CancellationException(stopped(new Checkpoint(checkpoints).state().map(Checkpoint.State::position), request.epochs()));
        }
        return String.format("test accuracy %.1f%% after %d epochs on %s", 100 * result.testAccuracy(), request.epochs(), request.dataset());
    }
}
