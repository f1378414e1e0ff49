package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.runtime.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short run on the real Fashion-MNIST that Debian's dataset-fashion-mnist installs (.ci/run installs it). */
class FashionMnistTest {

    @Test
    void aShortRunOnTheRealDataBeatsChance(@TempDir Path dir) throws IOException {
        assertThat(Files.isDirectory(Datasets.FASHION_MNIST_DEFAULT))
                .as("Fashion-MNIST must be installed for this test: apt-get install dataset-fashion-mnist (.ci/run does it)")
                .isTrue();
        ImageDataset data = Datasets.fashionMnist(Datasets.FASHION_MNIST_DEFAULT);
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
}
