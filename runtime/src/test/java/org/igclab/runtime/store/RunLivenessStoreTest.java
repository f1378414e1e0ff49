package org.igclab.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs carry their process's pid, host and heartbeat; a run whose process died is stored as interrupted on the next open. */
class RunLivenessStoreTest {

    static long begin(ResultStore store, String kind) {
        return store.begin(new RunStart(kind, "net", "h", "{}", "{}", "s", 1, 1, "m", "e"));
    }

    /** The pid of a process that has exited (and was reaped). */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.pid();
    }

    static void sql(Path file, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aRunRecordsThisProcess(@TempDir Path dir) {
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            RunRecord r = store.get(begin(store, "train")).orElseThrow();
            assertThat(r.status()).isEqualTo(ResultStore.RUNNING);
            assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(r.host()).isEqualTo(Liveness.host());
            assertThat(Instant.parse(r.heartbeatAt())).isBeforeOrEqualTo(Instant.now());
            // this process is alive: opening the store again leaves the run alone
            try (ResultStore again = ResultStore.open(dir.resolve("r.db"))) {
                assertThat(again.recovered()).isEmpty();
                assertThat(again.get(r.id()).orElseThrow().status()).isEqualTo(ResultStore.RUNNING);
            }
        }
    }

    @Test
    void aRunWhoseProcessDiedIsStoredAsInterruptedOnTheNextOpen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.db");
        long train;
        long evaluate;
        try (ResultStore store = ResultStore.open(file)) {
            train = begin(store, "train");
            evaluate = begin(store, "evaluate");
        }
        sql(file, "UPDATE runs SET pid = " + deadPid() + " WHERE id = " + train);
        try (ResultStore store = ResultStore.open(file)) {
            assertThat(store.recovered()).extracting(RunRecord::id).containsExactly(train);
            RunRecord r = store.get(train).orElseThrow();
            assertThat(r.status()).isEqualTo(ResultStore.INTERRUPTED);
            assertThat(r.message()).contains("is gone", "igc train --resume");
            assertThat(r.finishedAt()).isNotNull();
            assertThat(store.get(evaluate).orElseThrow().status()).isEqualTo(ResultStore.RUNNING);
        }
        try (ResultStore store = ResultStore.open(file)) {
            assertThat(store.recovered()).isEmpty();
        }
    }

    @Test
    void aStoreOfTheFirstSchemaGainsTheColumnsAndItsAbandonedRunIsRecognised(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.db");
        sql(file, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        sql(file, "INSERT INTO meta VALUES ('schema', '1')");
        sql(file, """
                CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, status TEXT NOT NULL,
                  design_name TEXT NOT NULL, design_hash TEXT NOT NULL, design_json TEXT NOT NULL, settings_json TEXT NOT NULL,
                  settings_hash TEXT NOT NULL, params INTEGER, macs INTEGER, engine_params INTEGER, latency_b1_ms REAL,
                  latency_b32_ms REAL, accuracy REAL, result_json TEXT, machine TEXT, engine TEXT, started_at TEXT NOT NULL,
                  finished_at TEXT, message TEXT)""");
        // an earlier IGC Lab left this run 'running' forever after a kill -9, with no pid to check
        sql(file, "INSERT INTO runs (kind, status, design_name, design_hash, design_json, settings_json, settings_hash, started_at)"
                + " VALUES ('train', 'running', 'old', 'h', '{}', '{}', 's', '2024-01-01T00:00:00Z')");
        try (ResultStore store = ResultStore.open(file)) {
            RunRecord old = store.get(1).orElseThrow();
            assertThat(old.status()).isEqualTo(ResultStore.INTERRUPTED);
            assertThat(old.message()).contains("no heartbeat since 2024-01-01T00:00:00Z");
            assertThat(old.pid()).isNull();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery("SELECT pid, host, heartbeat_at, (SELECT value FROM meta) FROM runs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(4)).isEqualTo(String.valueOf(ResultStore.SCHEMA_VERSION));
        }
    }

    @Test
    void theHeartbeatMovesWhileTheRunIsOpen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.db");
        try (ResultStore store = ResultStore.open(file)) {
            long id = begin(store, "evaluate");
            sql(file, "UPDATE runs SET heartbeat_at = '2000-01-01T00:00:00Z' WHERE id = " + id);
            try (Heartbeat beat = store.heartbeat(id)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (store.get(id).orElseThrow().heartbeatAt().startsWith("2000") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            assertThat(Instant.parse(store.get(id).orElseThrow().heartbeatAt())).isAfter(Instant.parse("2024-01-01T00:00:00Z"));
        }
    }
}
