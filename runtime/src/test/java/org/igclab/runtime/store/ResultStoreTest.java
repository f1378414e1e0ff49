package org.igclab.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ResultStoreTest {

    @Test
    void runsAndEpochsRoundTripThroughTheFile(@TempDir Path dir) {
        Path file = dir.resolve("results.db");
        long id;
        try (ResultStore store = ResultStore.open(file)) {
            id = store.begin(new RunStart("evaluate", "IGCV2 C=64", "abc", "{\"x\":1}", "{\"batches\":[1]}", "s1", 1600, 1_638_400, "m", "e"));
            store.finishEvaluation(id, 1600L, List.of(quiet(1, 0.5), quiet(32, 12.25)), "{\"ok\":true}");
            long train = store.begin(new RunStart("train", "small net", "def", "{}", "{}", "s2", 20_170, 3_256_448, "m", "e"));
            store.addEpoch(train, new EpochRecord(1, 1.5, 0.4, 0.5, 0.05, 10));
            store.addEpoch(train, new EpochRecord(2, 0.9, 0.7, 0.72, 0.0, 11));
            store.addEpoch(train, new EpochRecord(2, 0.8, 0.71, 0.73, 0.0, 12));
            store.end(train, "cancelled", "stopped");
        }
        try (ResultStore store = ResultStore.open(file)) {
            RunRecord r = store.get(id).orElseThrow();
            assertThat(r.status()).isEqualTo("done");
            assertThat(r.params()).isEqualTo(1600L);
            assertThat(r.latency(32).orElseThrow().medianMs()).isEqualTo(12.25);
            assertThat(r.latency()).extracting(LatencyStats::batch).containsExactly(1, 32);
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

    public static LatencyStats quiet(int batch, double median) {
        return new LatencyStats("sparse", batch, 1, 1, 10, true, 64, median, median * 0.98, median * 1.05, median * 0.01, Stop.TARGET_MET, 1,
                new Interference(Interference.Verdict.QUIET, 0.99, 0.0, 1, 0.4, 0.6, 2, ""));
    }

    @Test
    void latencyRowsKeepTheSpreadTheIntervalTheThreadsAndTheNoisyFlag(@TempDir Path dir) {
        Path file = dir.resolve("results.db");
        Interference busy = new Interference(Interference.Verdict.NOISY, 0.62, 0.8, 3, 2.9, 3.4, 2, "the load average (3.40) exceeded the 2 processors");
        LatencyStats noisy = new LatencyStats("dense", 8, 1, 1, 50, false, 200, 40, 30, 90, 6.5, Stop.TIME_CAP, 3, busy);
        // under 6 passes there is no interval: an infinite half-width is stored as unknown
        LatencyStats few = new LatencyStats("sparse", 4, 2, 1, 0, false, 3, 7, 6, 9, Double.POSITIVE_INFINITY, Stop.RUN_CAP, 1,
                new Interference(Interference.Verdict.QUIET, 1, 0, Double.NaN, Double.NaN, Double.NaN, 2, ""));
        long id;
        try (ResultStore store = ResultStore.open(file)) {
            id = store.begin(new RunStart("evaluate", "net", "h", "{}", "{}", "s", 10, 20, "m", "e"));
            store.finishEvaluation(id, 10L, List.of(quiet(1, 2.5), noisy, few), "{}");
        }
        try (ResultStore store = ResultStore.open(file)) {
            RunRecord r = store.get(id).orElseThrow();
            assertThat(r.noisy()).isTrue();
            assertThat(r.latency()).hasSize(3);
            assertThat(r.latency().get(0)).isEqualTo(quiet(1, 2.5));
            LatencyStats back = r.latency().stream().filter(l -> l.execution().equals("dense")).findFirst().orElseThrow();
            assertThat(back).isEqualTo(noisy);
            assertThat(back.trusted()).isFalse();
            LatencyStats fewBack = r.latency(4).orElseThrow();
            assertThat(fewBack.halfWidthMs()).isNaN();
            assertThat(fewBack.interference().loadBefore()).isNaN();
            assertThat(fewBack.threads()).isEqualTo(2);
            assertThat(fewBack.trusted()).isTrue();
            // a run's rows are listed with it, and other runs have none
            long train = store.begin(new RunStart("train", "net", "h", "{}", "{}", "t", 10, 20, "m", "e"));
            store.finish(train, 10L, 0.9, "{}");
            assertThat(store.list(new RunQuery(null, null, null, 0))).extracting(x -> x.latency().size()).containsExactly(0, 3);
        }
    }

    /**
     * A store written by the version-1 code (IGC Lab before latency rows: {@code igc evaluate} of two chains, one at batch 1
     * and 32, one at batch 1 only, and {@code igc train} for one epoch; see src/test/resources/store/README.md).
     */
    @Test
    void aVersionOneStoreIsUpgradedInPlaceWithoutLosingAResult(@TempDir Path dir) throws IOException, SQLException {
        Path file = dir.resolve("old.db");
        Files.copy(Path.of("src/test/resources/store/v1-results.db"), file);
        for (int open = 0; open < 2; open++) {
            try (ResultStore store = ResultStore.open(file)) {
                List<RunRecord> runs = store.list(new RunQuery(null, null, null, 0));
                assertThat(runs).extracting(RunRecord::id).containsExactly(3L, 2L, 1L);
                RunRecord both = runs.get(2);
                assertThat(both.latency()).extracting(LatencyStats::batch).containsExactly(1, 32);
                assertThat(both.latency(1).orElseThrow().medianMs()).isEqualTo(0.541013);
                assertThat(both.latency(32).orElseThrow().medianMs()).isEqualTo(72.253808);
                LatencyStats b1 = both.latency(1).orElseThrow();
                // the old settings said how many passes and threads; nothing said whether the machine was busy
                assertThat(b1.runs()).isEqualTo(3);
                assertThat(b1.threads()).isEqualTo(1);
                assertThat(b1.interference().verdict()).isEqualTo(Interference.Verdict.UNCHECKED);
                assertThat(b1.trusted()).isFalse();
                assertThat(runs.get(1).latency()).extracting(LatencyStats::batch).containsExactly(1);
                assertThat(runs.get(1).latency(1).orElseThrow().threads()).as("0: the engine's choice, not recorded").isZero();
                assertThat(runs.get(0).latency()).isEmpty();
                assertThat(runs.get(0).accuracy()).isEqualTo(0.09375);
                assertThat(store.epochs(3)).hasSize(1);
            }
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            assertThat(s.executeQuery("SELECT value FROM meta WHERE key = 'schema'").getString(1)).isEqualTo(String.valueOf(Schema.VERSION));
            assertThat(Schema.hasColumn(s, "runs", "heartbeat_at")).isTrue();
            assertThat(Schema.hasColumn(s, "trials", "violation")).isTrue();
            assertThat(Schema.hasColumn(s, "trial_runs", "run_id")).isTrue();
            assertThat(Schema.hasColumn(s, "calibration_points", "median_ms")).as("version 5: the calibration tables").isTrue();
            assertThat(Schema.hasColumn(s, "calibrations", "peak_macs_per_s")).isTrue();
            assertThat(Schema.hasColumn(s, "runs", "checkpoint_dir")).as("version 6: a training's checkpoint folder").isTrue();
            assertThat(s.executeQuery("SELECT count(*) FROM pragma_table_info('runs') WHERE name LIKE 'latency_%'").getInt(1)).isZero();
            assertThat(s.executeQuery("SELECT count(*) FROM latency").getInt(1)).isEqualTo(3);
        }
        // a new run in the upgraded store works as in a new one
        try (ResultStore store = ResultStore.open(file)) {
            long id = store.begin(new RunStart("evaluate", "again", "h", "{}", "{}", "s", 1, 1, "m", "e"));
            store.finishEvaluation(id, 1L, List.of(quiet(1, 0.5)), "{}");
            assertThat(store.get(id).orElseThrow().latency(1).orElseThrow().trusted()).isTrue();
        }
    }

    @Test
    void anUpgradeStepCanAddAColumnTwice(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("r.db");
        ResultStore.open(file).close();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            assertThat(Schema.hasColumn(s, "runs", "note")).isFalse();
            Schema.ensureColumn(s, "runs", "note", "TEXT");
            Schema.ensureColumn(s, "runs", "note", "TEXT");
            assertThat(Schema.hasColumn(s, "runs", "note")).isTrue();
        }
        // a store with a column this version does not know still opens and lists its runs
        try (ResultStore store = ResultStore.open(file)) {
            assertThat(store.list(new RunQuery(null, null, null, 0))).isEmpty();
        }
    }
}
