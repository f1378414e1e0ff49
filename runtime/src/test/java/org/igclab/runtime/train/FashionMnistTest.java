package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.RequiresDebian;
import org.igclab.runtime.store.ResultStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on the real Fashion-MNIST that Debian's dataset-fashion-mnist installs; skipped, saying so, where it is absent. */
@RequiresDebian(DebianPackages.FASHION_MNIST)
class FashionMnistTest {
    static ImageDataset data;

    @BeforeAll
    static void load() {
        data = Datasets.fashionMnist(DebianPackages.fashionMnist());
    }

    @Test
    void aShortRunOnTheRealDataBeatsChance(@TempDir Path dir) throws IOException {
        assertThat(data.train().count()).isEqualTo(60_000);
        assertThat(data.test().count()).isEqualTo(10_000);
        ImageDataset small = data.limited(2_000, 1_000);
        TrainingSettings settings = new TrainingSettings("fashion-mnist", 3, 64, 0.1, 0.9, 5e-4, 3, 2_000, 1_000);
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            Training.Result r = StoredTraining.run(DesignFiles.parse(SyntheticData.NETWORK), small, settings, dir.resolve("ck"),
                    StoredTraining.Existing.REFUSE, store, new TrainingListener() { }, () -> false);
            // chance is 10%; this run reaches about 45%
            assertThat(r.testAccuracy()).isGreaterThan(0.3);
        }
    }

    /**
     * The proof that an interruption loses nothing: 2 epochs straight through, and the same run stopped (through
     * the stop API) after step 7 of epoch 1 and resumed, end with the same parameters (one thread, fixed seeds).
     */
    @Test
    void aRunInterruptedMidEpochAndResumedEndsWithTheStraightRunsParameters(@TempDir Path dir) throws IOException {
        ImageDataset slice = data.limited(1_000, 500);
        TrainingSettings settings = new TrainingSettings("fashion-mnist", 2, 50, 0.1, 0.9, 5e-4, 42, 1_000, 500);
        ResumeProof.Outcome outcome = ResumeProof.run(DesignFiles.parse(SyntheticData.NETWORK), slice, settings, 1, 7, dir);
        assertThat(outcome.stoppedAt().epoch()).isEqualTo(1);
        assertThat(outcome.stoppedAt().step()).isEqualTo(7);
        assertThat(outcome.stoppedStatus()).isEqualTo(ResultStore.INTERRUPTED);
        assertThat(outcome.maxDifference()).isLessThanOrEqualTo(1e-5);
        assertThat(outcome.resumed()).isEqualTo(outcome.straight().stream()
                .map(e -> new org.igclab.runtime.store.EpochRecord(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testAccuracy(),
                        e.learningRate(), outcome.resumed().get(e.epoch() - 1).seconds()))
                .toList());
    }
}
