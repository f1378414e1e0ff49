package org.igclab.runtime.train;

import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.design.Design;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;

/**
 * Trains a design twice: once straight through, once stopped through the stop API at a fixed step and then resumed
 * from the checkpoint; reports how far the two runs' final parameters are apart. One intra-op thread, fixed seeds.
 */
final class ResumeProof {

    /**
     * @param stoppedAt        where the second run was stopped (the checkpoint's position)
     * @param stoppedStatus    the store's status of the second run once stopped
     * @param maxDifference    largest absolute difference over every parameter, BatchNorm statistics included
     * @param straight         the learning curve of the run that went straight through
     * @param resumed          the learning curve of the stopped and resumed run
     */
    record Outcome(Position stoppedAt, String stoppedStatus, double maxDifference, List<EpochRecord> straight, List<EpochRecord> resumed) {
    }

    private ResumeProof() {
    }

    static Outcome run(Design design, ImageDataset data, TrainingSettings settings, int stopEpoch, int stopStep, Path dir) throws IOException {
        int threads = Threads.current().intra();
        Threads.apply(1, 0);
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            Path straightDir = dir.resolve("straight");
            Training.Result straight = StoredTraining.run(design, data, settings, straightDir, StoredTraining.Existing.REFUSE, store,
                    new TrainingListener() { }, () -> false);

            Path resumedDir = dir.resolve("resumed");
            GracefulStop stop = GracefulStop.manual();
            TrainingListener stopper = new TrainingListener() {
                @Override
                public void step(int epoch, int epochs, int batch, int batches, double loss, double accuracy, double seconds) {
                    if (epoch == stopEpoch && batch == stopStep) {
                        stop.cancel();
                    }
                }
            };
            Training.Result first = StoredTraining.run(design, data, settings, resumedDir, StoredTraining.Existing.REFUSE, store, stopper, stop);
            String status = store.get(new Checkpoint(resumedDir).state().orElseThrow().runId()).orElseThrow().status();
            Training.Result resumed = StoredTraining.run(design, data, settings, resumedDir, StoredTraining.Existing.RESUME, store,
                    new TrainingListener() { }, () -> false);
            if (!straight.completed() || first.completed() || !resumed.completed()) {
                throw new IllegalStateException("unexpected completion: " + straight.completed() + " " + first.completed() + " " + resumed.completed());
            }
            return new Outcome(first.reached(), status, maxDifference(design, straightDir, resumedDir), straight.curve(), resumed.curve());
        } finally {
            Threads.apply(threads, 0);
        }
    }

    private static double maxDifference(Design design, Path a, Path b) throws IOException {
        var network = StoredTraining.network(design);
        Checkpoint ca = new Checkpoint(a);
        Checkpoint cb = new Checkpoint(b);
        double max = 0;
        try (Instantiation x = ca.instantiate(network, ca.state().orElseThrow());
             Instantiation y = cb.instantiate(network, cb.state().orElseThrow())) {
            List<Parameter> px = x.block().getParameters().values();
            List<Parameter> py = y.block().getParameters().values();
            for (int i = 0; i < px.size(); i++) {
                float[] u = px.get(i).getArray().toFloatArray();
                float[] v = py.get(i).getArray().toFloatArray();
                for (int j = 0; j < u.length; j++) {
                    max = Math.max(max, Math.abs(u[j] - v[j]));
                }
            }
        }
        return max;
    }
}
