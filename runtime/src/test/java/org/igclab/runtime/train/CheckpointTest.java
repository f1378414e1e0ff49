package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.igclab.runtime.store.EpochRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint folder's format: snapshots, the state that names one, and what an earlier version wrote. */
class CheckpointTest {

    static Model model(long seed) {
        Model m = Model.newInstance("t");
        ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
        Linear linear = Linear.builder().setUnits(3).build();
        m.setBlock(linear);
        linear.initialize(m.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(2, 4));
        return m;
    }

    static NDList momentum(Model m, float value) {
        NDList out = new NDList();
        for (var p : m.getBlock().getParameters()) {
            NDArray v = m.getNDManager().full(p.getValue().getArray().getShape(), value);
            v.setName(p.getKey());
            out.add(v);
        }
        return out;
    }

    static List<float[]> parameters(Model m) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : m.getBlock().getParameters().values()) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static Checkpoint.State state(int snapshot, Position at) {
        return new Checkpoint.State("d", "s", 7, at, false, snapshot, List.of(new EpochRecord(1, 1.5, 0.4, 0.5, 0.05, 10)));
    }

    @Test
    void aSnapshotHoldsParametersMomentumAndWhereTheRunStands(@TempDir Path dir) throws IOException {
        Checkpoint ck = new Checkpoint(dir);
        Position mid = new Position(1, 7, 23, 12.5, 99, 224, 3.25, Batches.saved(new Random(3)));
        Checkpoint.State saved = state(1, mid);
        try (Model m = model(1)) {
            ck.save(m, momentum(m, 0.25f), saved);
            assertThat(files(dir)).containsExactly("igc-0001.optimizer", "igc-0001.params", "state.json");
            assertThat(ck.state()).contains(saved);
            try (Model fresh = model(2)) {
                assertThat(parameters(fresh)).usingRecursiveComparison().isNotEqualTo(parameters(m));
                ck.load(fresh, saved);
                assertThat(parameters(fresh)).usingRecursiveComparison().isEqualTo(parameters(m));
                NDList v = ck.momentum(fresh.getNDManager(), saved).orElseThrow();
                assertThat(v).extracting(NDArray::getName).containsExactlyElementsOf(m.getBlock().getParameters().keys());
                assertThat(v.get(0).toFloatArray()).containsOnly(0.25f);
            }
        }
    }

    @Test
    void pruningKeepsTheNamedSnapshotAndClearsWhatAKilledSaveLeft(@TempDir Path dir) throws IOException {
        Checkpoint ck = new Checkpoint(dir);
        try (Model m = model(1)) {
            ck.save(m, momentum(m, 1), state(1, Position.afterEpoch(1, 10)));
            ck.save(m, momentum(m, 2), state(2, Position.afterEpoch(2, 20)));
        }
        Files.createDirectories(dir.resolve(".saving-123")).resolve("igc-0003.params").toFile().createNewFile();
        // until the store has the epoch, both snapshots stay
        assertThat(files(dir)).contains("igc-0001.params", "igc-0002.params");
        ck.prune();
        assertThat(files(dir)).containsExactly("igc-0002.optimizer", "igc-0002.params", "state.json");
        ck.clear();
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void aSnapshotWithoutMomentumHasNoOptimizerFile(@TempDir Path dir) throws IOException {
        Checkpoint ck = new Checkpoint(dir);
        Checkpoint.State saved = state(1, Position.START);
        try (Model m = model(1)) {
            ck.save(m, new NDList(), saved);
            assertThat(files(dir)).containsExactly("igc-0001.params", "state.json");
            assertThat(ck.momentum(m.getNDManager(), saved)).isEmpty();
        }
    }

    @Test
    void aCheckpointOfTheFirstFormatIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("state.json"), """
                {"designHash": "d", "settingsHash": "s", "runId": 4, "epochsDone": 2, "finished": false}""");
        Checkpoint.State old = new Checkpoint(dir).state().orElseThrow();
        assertThat(old.snapshot()).isEqualTo(2);
        assertThat(old.position()).isEqualTo(Position.afterEpoch(2, -1));
        assertThat(old.curve()).isNull();
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(new Checkpoint(dir).momentum(m, old)).isEmpty();
        }
    }

    @Test
    void aDamagedStateIsRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("state.json"), "{\"designHash\": ");
        assertThatThrownBy(() -> new Checkpoint(dir).state()).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(dir.resolve("state.json").toString()).hasMessageContaining("move the folder away")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void theAugmentationGeneratorContinuesExactlyAndOnlyARandomIsRead() throws IOException {
        Random random = new Random(11);
        random.nextInt(9);
        String saved = Batches.saved(random);
        Random restored = Batches.restored(saved);
        for (int i = 0; i < 100; i++) {
            assertThat(restored.nextInt(9)).isEqualTo(random.nextInt(9));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of("not a generator")));
        }
        assertThatThrownBy(() -> Batches.restored(Base64.getEncoder().encodeToString(bytes.toByteArray())))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("augmentation state is damaged");
        assertThatThrownBy(() -> Batches.restored("%%%")).isInstanceOf(CheckpointException.class);
    }
}
