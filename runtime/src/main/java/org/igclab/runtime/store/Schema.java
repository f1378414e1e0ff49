package org.igclab.runtime.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, and the steps that bring an older store up to date in place. A new store gets the current
 * tables; an older one keeps its rows: each {@link Upgrade} whose version is above the file's runs, in order, in one
 * transaction that holds the write lock, and only then is {@code meta.schema} raised.
 *
 * <p>History: 1, {@code runs} with the median latency at batch 1 and 32 as columns, and {@code epochs};
 * 2, latency as rows of {@code latency} (any batch size, with spread, interval, threads, interference and load);
 * 3, the process working on a run: {@code runs.pid}, {@code host}, {@code heartbeat_at} ({@link Liveness});
 * 4, studies: {@code studies}, {@code trials}, {@code trial_runs} ({@link StudyTables});
 * 5, latency calibrations: {@code calibrations}, {@code calibration_points} ({@link CalibrationTables});
 * 6, a training's checkpoint folder: {@code runs.checkpoint_dir};
 * 7, the machine's reference speed ({@link org.igclab.runtime.latency.ReferenceSpeed}): a calibration's probe floor
 * {@code calibrations.reference_ms}, each primitive's probe median {@code calibration_points.probe_ms} and whether it was
 * timed again {@code retimed}, and a latency's probe median and reference {@code latency.probe_ms}, {@code reference_ms}.
 */
final class Schema {
    /** The version this code writes; a store from a newer IGC Lab is refused, not damaged. */
    static final int VERSION = 7;

    private static final List<String> TABLES = java.util.stream.Stream.concat(java.util.stream.Stream.of(
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """
        CREATE TABLE IF NOT EXISTS runs (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL, status TEXT NOT NULL,
          design_name TEXT NOT NULL, design_hash TEXT NOT NULL, design_json TEXT NOT NULL,
          settings_json TEXT NOT NULL, settings_hash TEXT NOT NULL,
          params INTEGER, macs INTEGER, engine_params INTEGER, accuracy REAL,
          result_json TEXT, machine TEXT, engine TEXT,
          started_at TEXT NOT NULL, finished_at TEXT, message TEXT,
          pid INTEGER, host TEXT, heartbeat_at TEXT, checkpoint_dir TEXT)""",
        "CREATE INDEX IF NOT EXISTS runs_design ON runs (kind, design_hash, settings_hash, status)",
        """
        CREATE TABLE IF NOT EXISTS epochs (
          run_id INTEGER NOT NULL REFERENCES runs (id), epoch INTEGER NOT NULL,
          train_loss REAL, train_accuracy REAL, test_accuracy REAL, learning_rate REAL, seconds REAL,
          PRIMARY KEY (run_id, epoch))""",
        LatencyTable.DDL), java.util.stream.Stream.concat(StudyTables.DDL.stream(), CalibrationTables.DDL.stream())).toList();

    /** What turns a store of version {@code to - 1} into version {@code to}; runs inside the upgrade's transaction. */
    private record Upgrade(int to, Step step) {
    }

    @FunctionalInterface
    private interface Step {
        void apply(Statement s) throws SQLException;
    }

    /** Every upgrade, oldest first. A step must be idempotent where it can (see {@link #ensureColumn}). */
    private static final List<Upgrade> UPGRADES = List.of(new Upgrade(2, LatencyTable::upgradeFromVersion1),
            new Upgrade(3, Schema::recordRunOwners), new Upgrade(4, StudyTables::create),
            new Upgrade(5, CalibrationTables::create), new Upgrade(6, s -> ensureColumn(s, "runs", "checkpoint_dir", "TEXT")),
            new Upgrade(7, Schema::recordReferenceSpeed));

    private Schema() {
    }

    /**
     * Creates the tables of a new store, or upgrades an older one.
     *
     * @throws StoreException when the store is from a newer IGC Lab
     */
    static void prepare(Connection db, String file) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String ddl : TABLES) {
                s.execute(ddl);
            }
            Integer version = version(s, file);
            if (version == null) {
                s.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', '" + VERSION + "')");
            } else if (version < VERSION) {
                upgrade(db, s, file);
            }
        }
    }

    /** The file's {@code meta.schema}, or null for a store just created. */
    private static Integer version(Statement s, String file) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema'")) {
            if (!rs.next()) {
                return null;
            }
            int version = Integer.parseInt(rs.getString(1));
            if (version > VERSION) {
                throw new StoreException(file + " was written by a newer IGC Lab (schema " + version + "); this one reads up to " + VERSION);
            }
            return version;
        }
    }

    /** Runs the steps above the file's version under the write lock, so that two processes never upgrade the same file twice. */
    private static void upgrade(Connection db, Statement s, String file) throws SQLException {
        s.execute("BEGIN IMMEDIATE");
        try {
            int from = version(s, file);
            for (Upgrade u : UPGRADES) {
                if (u.to() > from) {
                    u.step().apply(s);
                }
            }
            s.execute("UPDATE meta SET value = '" + VERSION + "' WHERE key = 'schema'");
            s.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            s.execute("ROLLBACK");
            throw e;
        }
    }

    /** Version 3: which process works on a run, so that one killed outright is recognised ({@link Liveness}). */
    private static void recordRunOwners(Statement s) throws SQLException {
        ensureColumn(s, "runs", "pid", "INTEGER");
        ensureColumn(s, "runs", "host", "TEXT");
        ensureColumn(s, "runs", "heartbeat_at", "TEXT");
    }

    /** Version 7: the reference probe's figures beside calibrations and timings (NULL in rows from before it). */
    private static void recordReferenceSpeed(Statement s) throws SQLException {
        ensureColumn(s, "calibrations", "reference_ms", "REAL");
        ensureColumn(s, "calibration_points", "probe_ms", "REAL");
        ensureColumn(s, "calibration_points", "retimed", "INTEGER NOT NULL DEFAULT 0");
        ensureColumn(s, "latency", "probe_ms", "REAL");
        ensureColumn(s, "latency", "reference_ms", "REAL");
    }

    /** Adds a column to a table unless it has it already (an upgrade step that can run twice). */
    static void ensureColumn(Statement s, String table, String column, String type) throws SQLException {
        if (!hasColumn(s, table, column)) {
            s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
        }
    }

    static boolean hasColumn(Statement s, String table, String column) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'")) {
            return rs.next();
        }
    }
}
