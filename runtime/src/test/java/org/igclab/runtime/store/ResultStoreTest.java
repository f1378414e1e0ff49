package org.igclab.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {

    @Test
    void runsAndEpochsRoundTripThroughTheFile(@TempDir Path dir) {
        Path file = dir.resolve("results.db");
        long id;
        try (ResultStore store = ResultStore.open(file)) {
            id = store.begin("evaluate", "IGCV2 C=64", "abc", "{\"x\":1}", "{\"batches\":[1]}", "s1", 1600, 1_638_400, "m", "e");
            store.finish(id, 1600L, 0.5, 12.25, null, "{\"ok\":true}");
            long train = store.begin("train", "small net", "def", "{}", "{}", "s2", 20_170, 3_256_448, "m", "e");
            store.addEpoch(train, new EpochRecord(1, 1.5, 0.4, 0.5, 0.05, 10));
            store.addEpoch(train, new EpochRecord(2, 0.9, 0.7, 0.72, 0.0, 11));
            store.addEpoch(train, new EpochRecord(2, 0.8, 0.71, 0.73, 0.0, 12));
            store.end(train, "cancelled", "stopped");
        }
        try (ResultStore store = ResultStore.open(file)) {
            RunRecord r = store.get(id).orElseThrow();
            assertThat(r.status()).isEqualTo("done");
            assertThat(r.params()).isEqualTo(1600L);
            assertThat(r.latencyB32Ms()).isEqualTo(12.25);
            assertThat(r.accuracy()).isNull();
            assertThat(r.designJson()).isEqualTo("{\"x\":1}");
            assertThat(store.list(new RunQuery("train", null, null, 0))).singleElement()
                    .satisfies(t -> assertThat(t.status()).isEqualTo("cancelled"));
            assertThat(store.list(new RunQuery(null, "igcv2", null, 0))).extracting(RunRecord::id).containsExactly(id);
            assertThat(store.list(new RunQuery(null, null, null, 1))).hasSize(1);
            long train = store.list(new RunQuery("train", null, null, 0)).get(0).id();
            assertThat(store.epochs(train)).extracting(EpochRecord::trainLoss).containsExactly(1.5, 0.8);
            assertThat(store.latest("evaluate", "abc", "s1", "done")).isPresent();
            assertThat(store.latest("evaluate", "abc", "s2", "done")).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotAStoreIsRefusedAndLeftAlone(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.db");
        Files.writeString(text, "my notes, not a database\n".repeat(100));
        assertThatThrownBy(() -> ResultStore.open(text)).isInstanceOf(StoreException.class)
                .hasMessageContaining("notes.db");
        assertThat(Files.readString(text)).startsWith("my notes");
        assertThatThrownBy(() -> ResultStore.open(dir)).hasMessageContaining("is a directory");
    }

    @Test
    void aStoreFromANewerVersionIsRefused(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("new.db");
        ResultStore.open(file).close();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); var s = db.createStatement()) {
            s.execute("UPDATE meta SET value = '99' WHERE key = 'schema'");
        }
        assertThatThrownBy(() -> ResultStore.open(file)).hasMessageContaining("newer IGC Lab (schema 99)");
    }
}
