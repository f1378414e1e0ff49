package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training in the planner's form trains the design: the same curve as training the kernels as written (float sums in
 * another order aside), the design's parameter count, and a checkpoint the designed network loads and evaluates alike.
 */
class PlannedTrainingTest {
    @TempDir
    static Path shared;

    static ImageDataset data;
    static Design design;

    @BeforeAll
    static void writeData() throws Exception {
        data = Datasets.fashionMnist(SyntheticData.write(shared.resolve("data"), 1200, 300, 7));
        design = DesignFiles.parse(SyntheticData.NETWORK);
    }

    @Test
    void aMergedRunFollowsTheDesignedRunAndItsCheckpointIsTheDesigns(@TempDir Path dir) throws Exception {
        TrainingSettings designed = TrainingTest.settings(2);
        TrainingSettings merged = designed.withExecution(Strategy.MERGED);
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            Training.Result a = StoredTraining.run(design, data, designed, dir.resolve("designed"),
                    StoredTraining.Existing.REFUSE, store, new TrainingTest.Recorder(), () -> false);
            Training.Result b = StoredTraining.run(design, data, merged, dir.resolve("merged"),
                    StoredTraining.Existing.REFUSE, store, new TrainingTest.Recorder(), () -> false);
            assertThat(b.engineParams()).isEqualTo(a.engineParams());
            List<EpochRecord> ca = a.curve();
            List<EpochRecord> cb = b.curve();
            assertThat(cb).hasSize(2);
            for (int i = 0; i < ca.size(); i++) {
                assertThat(cb.get(i).trainLoss()).as("epoch " + (i + 1) + " loss").isCloseTo(ca.get(i).trainLoss(),
                        org.assertj.core.data.Percentage.withPercentage(1));
            }
            ResolvedNetwork network = StoredTraining.network(design);
            Checkpoint ck = new Checkpoint(dir.resolve("merged"));
            try (var trained = ck.instantiate(network, ck.state().orElseThrow())) {
                assertThat(Training.accuracyOf(trained, data, 64)).as("the designed network with the merged run's weights")
                        .isEqualTo(b.testAccuracy());
            }
        }
    }
}
