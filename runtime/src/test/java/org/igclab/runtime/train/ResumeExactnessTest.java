package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.runtime.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped in the middle of an epoch and resumed ends with the parameters of a run that never stopped: the
 * checkpoint holds the momentum, the schedule's position, the running sums and the augmentation generator.
 */
class ResumeExactnessTest {

    @Test
    void aRunStoppedMidEpochAndResumedEndsWhereAStraightRunEnds(@TempDir Path dir) throws IOException {
        ImageDataset plain = Datasets.fashionMnist(SyntheticData.write(dir.resolve("data"), 640, 128, 5));
        // with CIFAR's random crops and flips, so that the augmentation generator's state matters too
        ImageDataset augmented = new ImageDataset(plain.name(), plain.channels(), plain.height(), plain.width(), plain.classes(),
                plain.train(), plain.test(), plain.mean(), plain.std(), true);
        TrainingSettings settings = new TrainingSettings("fashion-mnist", 2, 32, 0.1, 0.9, 5e-4, 17, 0, 0);

        ResumeProof.Outcome outcome = ResumeProof.run(DesignFiles.parse(SyntheticData.NETWORK), augmented, settings, 1, 7, dir);

        assertThat(outcome.stoppedAt().epochsDone()).isZero();
        assertThat(outcome.stoppedAt().step()).isEqualTo(7);
        assertThat(outcome.stoppedAt().augmentation()).isNotNull();
        assertThat(outcome.stoppedStatus()).isEqualTo(ResultStore.INTERRUPTED);
        assertThat(outcome.maxDifference()).isLessThanOrEqualTo(1e-5);
        // the epoch that was cut in two reports the same means as the whole one
        assertThat(outcome.resumed().get(0).trainLoss()).isCloseTo(outcome.straight().get(0).trainLoss(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(outcome.resumed().get(1).testAccuracy()).isEqualTo(outcome.straight().get(1).testAccuracy());
    }

    @Test
    void plainSgdWithoutMomentumResumesExactlyToo(@TempDir Path dir) throws IOException {
        ImageDataset data = Datasets.fashionMnist(SyntheticData.write(dir.resolve("data"), 320, 64, 6));
        TrainingSettings settings = new TrainingSettings("fashion-mnist", 2, 32, 0.05, 0, 0, 23, 0, 0);
        ResumeProof.Outcome outcome = ResumeProof.run(DesignFiles.parse(SyntheticData.NETWORK), data, settings, 2, 1, dir);
        assertThat(outcome.stoppedAt().epochsDone()).isEqualTo(1);
        assertThat(outcome.stoppedAt().step()).isEqualTo(1);
        assertThat(outcome.maxDifference()).isLessThanOrEqualTo(1e-5);
    }
}
