package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.data.Percentage;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
    @TempDir
    static Path shared;

    static ImageDataset data;
    static Design design;

    @BeforeAll
    static void writeData() throws IOException {
        data = Datasets.fashionMnist(SyntheticData.write(shared.resolve("data"), 1200, 300, 7));
        design = DesignFiles.parse(SyntheticData.NETWORK);
    }

    static TrainingSettings settings(int epochs) {
        return new TrainingSettings("fashion-mnist", epochs, 64, 0.1, 0.9, 5e-4, 11, 0, 0);
    }

    /** Records the epochs it hears of; can stop the run after a given epoch, or crash after it. */
    static final class Recorder implements TrainingListener {
        final List<Integer> epochs = new ArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();
        int stopAfter = Integer.MAX_VALUE;
        int crashAfter = Integer.MAX_VALUE;

        @Override
        public void epoch(EpochRecord record, int total) {
            epochs.add(record.epoch());
            if (record.epoch() >= stopAfter) {
                stop.set(true);
            }
            if (record.epoch() >= crashAfter) {
                throw new IllegalStateException("simulated crash after epoch " + record.epoch());
            }
        }
    }

    @Test
    void trainingLowersTheLossAndBeatsChance(@TempDir Path dir) throws Exception {
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            Training.Result result = StoredTraining.run(design, data, settings(3), dir.resolve("ck"), StoredTraining.Existing.REFUSE,
                    store, new Recorder(), () -> false);
            assertThat(result.completed()).isTrue();
            List<EpochRecord> curve = result.curve();
            assertThat(curve).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
            assertThat(curve.get(2).trainLoss()).isLessThan(curve.get(0).trainLoss());
            assertThat(result.testAccuracy()).isGreaterThan(0.3);
            var run = store.list(new RunQuery("train", null, null, 0)).get(0);
            assertThat(run.status()).isEqualTo("done");
            assertThat(run.accuracy()).isEqualTo(result.testAccuracy());
            assertThat(store.epochs(run.id())).hasSize(3);

            // the trained weights export to ONNX and run the same there
            var network = StoredTraining.network(design);
            Checkpoint ck = new Checkpoint(dir.resolve("ck"));
            try (var trained = ck.instantiate(network, ck.state().orElseThrow())) {
                byte[] onnx = org.igclab.runtime.export.OnnxExport.toBytes(trained, "trained");
                var check = org.igclab.runtime.export.OnnxVerification.compare(trained, onnx, 3, 1);
                assertThat(check.maxAbsDifference()).isLessThan(1e-4 * Math.max(1, check.maxAbsOutput()));
                assertThat(Training.accuracyOf(trained, data, 64)).isEqualTo(result.testAccuracy());
            }
        }
    }

    @Test
    void aCancelledRunResumesAtTheNextEpochWithTheSameSchedule(@TempDir Path dir) throws IOException {
        Path ck = dir.resolve("ck");
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            Recorder first = new Recorder();
            first.stopAfter = 1;
            Training.Result stopped = StoredTraining.run(design, data, settings(3), ck, StoredTraining.Existing.REFUSE, store, first, first.stop::get);
            assertThat(stopped.completed()).isFalse();
            assertThat(first.epochs).containsExactly(1);
            assertThat(new Checkpoint(ck).state()).get().extracting(Checkpoint.State::epochsDone).isEqualTo(1);
            long id = store.list(new RunQuery("train", null, null, 0)).get(0).id();
            assertThat(store.get(id).orElseThrow().status()).isEqualTo(ResultStore.INTERRUPTED);

            assertThatThrownBy(() -> StoredTraining.run(design, data, settings(3), ck, StoredTraining.Existing.REFUSE, store, new Recorder(), () -> false))
                    .hasMessageContaining("pass --resume to continue it");

            Recorder second = new Recorder();
            Training.Result resumed = StoredTraining.run(design, data, settings(3), ck, StoredTraining.Existing.RESUME, store, second, () -> false);
            assertThat(second.epochs).containsExactly(2, 3);
            assertThat(resumed.curve()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
            assertThat(store.list(new RunQuery("train", null, null, 0))).hasSize(1);
            assertThat(store.get(id).orElseThrow().status()).isEqualTo("done");
            assertThat(store.get(id).orElseThrow().checkpointDir()).as("stored with the run").isEqualTo(ck.toAbsolutePath().toString());
            // the schedule continued: a cosine over 3 epochs ends at 0
            assertThat(resumed.curve().get(2).learningRate()).isLessThan(1e-6);
            assertThat(resumed.curve().get(1).learningRate()).isLessThan(resumed.curve().get(0).learningRate());
        }
    }

    @Test
    void aCrashedRunResumesFromItsLastCheckpoint(@TempDir Path dir) throws IOException {
        Path ck = dir.resolve("ck");
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            Recorder crashing = new Recorder();
            crashing.crashAfter = 2;
            assertThatThrownBy(() -> StoredTraining.run(design, data, settings(3), ck, StoredTraining.Existing.REFUSE, store, crashing, () -> false))
                    .hasMessageContaining("simulated crash");
            assertThat(store.list(new RunQuery("train", null, null, 0)).get(0).status()).isEqualTo("failed");
            Recorder after = new Recorder();
            Training.Result resumed = StoredTraining.run(design, data, settings(3), ck, StoredTraining.Existing.RESUME, store, after, () -> false);
            assertThat(after.epochs).containsExactly(3);
            assertThat(resumed.completed()).isTrue();
            // the resumed weights are the trained ones, not fresh ones: the loss goes on from where epoch 2 left it
            assertThat(resumed.curve().get(2).trainLoss()).isLessThan(resumed.curve().get(0).trainLoss());
            assertThat(resumed.testAccuracy()).isGreaterThan(0.3);
        }
    }

    @Test
    void aNetworkThatDoesNotFitTheDataIsRefusedClearly(@TempDir Path dir) throws IOException {
        Design wrong = DesignFiles.parse(SyntheticData.NETWORK.replace("\"channels\": 1", "\"channels\": 3"));
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            assertThatThrownBy(() -> StoredTraining.run(wrong, data, settings(1), dir.resolve("ck"), StoredTraining.Existing.REFUSE, store,
                    new Recorder(), () -> false))
                    .isInstanceOf(DatasetException.class)
                    .hasMessageContaining("reads 3x28x28 images but fashion-mnist images are 1x28x28");
            assertThat(store.list(new RunQuery(null, null, null, 0))).isEmpty();
        }
    }

    /**
     * Training in the planner's form trains the design: the same curve as training the kernels as written (float sums
     * in another order aside), the design's parameter count, and a checkpoint the designed network loads and evaluates alike.
     */
    @Test
    void aMergedRunFollowsTheDesignedRunAndItsCheckpointIsTheDesigns(@TempDir Path dir) throws Exception {
        TrainingSettings designed = settings(2);
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            Training.Result a = StoredTraining.run(design, data, designed, dir.resolve("designed"), StoredTraining.Existing.REFUSE, store,
                    new Recorder(), () -> false);
            Training.Result b = StoredTraining.run(design, data, designed.withExecution(Strategy.MERGED), dir.resolve("merged"),
                    StoredTraining.Existing.REFUSE, store, new Recorder(), () -> false);
            assertThat(b.engineParams()).isEqualTo(a.engineParams());
            assertThat(b.curve()).hasSize(2);
            for (int i = 0; i < a.curve().size(); i++) {
                assertThat(b.curve().get(i).trainLoss()).as("epoch " + (i + 1) + " loss").isCloseTo(a.curve().get(i).trainLoss(),
                        Percentage.withPercentage(1));
            }
            Checkpoint ck = new Checkpoint(dir.resolve("merged"));
            try (var trained = ck.instantiate(StoredTraining.network(design), ck.state().orElseThrow())) {
                assertThat(Training.accuracyOf(trained, data, 64)).as("the designed network with the merged run's weights")
                        .isEqualTo(b.testAccuracy());
            }
        }
    }

    @Test
    void aLearningRateThatMakesTheLossNaNStopsTheRunAsFailed(@TempDir Path dir) throws Exception {
        TrainingSettings huge = new TrainingSettings("fashion-mnist", 2, 64, 1e308, 0.9, 5e-4, 11, 0, 0);
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            assertThatThrownBy(() -> StoredTraining.run(design, data, huge, dir.resolve("ck"), StoredTraining.Existing.REFUSE,
                    store, new Recorder(), () -> false))
                    .isInstanceOf(TrainingDivergedException.class).hasMessageContaining("epoch 1").hasMessageContaining("--lr = 1.0E308");
            var run = store.list(new RunQuery("train", null, null, 0)).get(0);
            assertThat(run.status()).isEqualTo("failed");
            assertThat(store.epochs(run.id())).isEmpty();
        }
    }
}
