package org.igclab.runtime.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.runtime.latency.LatencyStats;

/**
 * The results store: an SQLite file with one row per evaluation or training run, one per training epoch, and one per
 * timed execution and batch size of an evaluation ({@link LatencyTable}); {@link Schema} has the tables and upgrades,
 * {@link RunReads} the queries of runs and epochs.
 * Every write is its own transaction in write-ahead-log mode, so a crash loses nothing already committed.
 */
public final class ResultStore implements AutoCloseable {
    /** Schema version written to {@code meta}; a store from a newer IGC Lab is refused, not damaged. */
    public static final int SCHEMA_VERSION = Schema.VERSION;

    /** A run's status while its process works on it. */
    public static final String RUNNING = "running";
    /** A run stopped before its end: by a signal, a cancel, or its process dying; a training resumes from its checkpoint. */
    public static final String INTERRUPTED = "interrupted";
    /** A training a study stopped early, its learning curve below the median of earlier trials' (the median stopping rule). */
    public static final String PRUNED = "pruned";

    private final Path file;
    private final Connection db;
    private final List<RunRecord> recovered = new ArrayList<>();

    private ResultStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * Opens or creates a store.
     *
     * @throws StoreException when the file is not an SQLite database, is from a newer version, or cannot be written
     */
    public static ResultStore open(Path file) {
        Path absolute = file.toAbsolutePath();
        StoreFile.check(file, SCHEMA_VERSION);
        try {
            if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
                throw new StoreException("cannot open the results store " + file + ": the folder " + absolute.getParent() + " does not exist");
            }
            // a URI, so that a name holding '?' or '#' is a file name, not connection parameters
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + absolute.toUri());
            ResultStore store = new ResultStore(file, db);
            store.prepare();
            store.recoverAbandonedRuns();
            return store;
        } catch (SQLException e) {
            throw new StoreException("cannot open the results store " + file + ": " + reason(e), e);
        }
    }

    private void prepare() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            try {
                s.execute("PRAGMA journal_mode = WAL");
            } catch (SQLException e) {
                throw new StoreException(file + " is not an IGC Lab results store (" + reason(e) + ")", e);
            }
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA foreign_keys = ON");
        }
        Schema.prepare(db, file.toString());
    }

    /** Runs found {@code running} whose process is gone, stored as {@code interrupted} when this store was opened. */
    public List<RunRecord> recovered() {
        return List.copyOf(recovered);
    }

    /**
     * Stores as {@code interrupted} every {@code running} run whose process is gone ({@link Liveness}). Best effort:
     * when another process holds the store's write lock, the runs stay as they are until the next open.
     */
    private void recoverAbandonedRuns() {
        String host = Liveness.host();
        Instant now = Instant.now();
        Liveness.Processes processes = Liveness.processes();
        for (RunRecord r : list(new RunQuery(null, null, RUNNING, 0))) {
            Liveness.Owner owner = new Liveness.Owner(r.pid(), r.host(), Liveness.instant(r.heartbeatAt()), Liveness.instant(r.startedAt()));
            Liveness.gone(owner, host, now, processes).ifPresent(why -> {
                String sql = "UPDATE runs SET status = ?, message = ?, finished_at = ? WHERE id = ? AND status = ?"
                        + " AND heartbeat_at IS ?";
                try (PreparedStatement p = db.prepareStatement(sql)) {
                    p.setString(1, INTERRUPTED);
                    p.setString(2, "interrupted: " + why + (r.kind().equals("train") ? "; resume with igc train --resume" : ""));
                    p.setString(3, now.toString());
                    p.setLong(4, r.id());
                    p.setString(5, RUNNING);
                    p.setString(6, r.heartbeatAt());
                    if (p.executeUpdate() == 1) {
                        recovered.add(get(r.id()).orElseThrow());
                    }
                } catch (SQLException e) {
                    // locked by another process: see the method comment
                }
            });
        }
    }

    /**
     * Marks a run as running in this process: its pid, host and a first heartbeat, so that other processes can tell
     * whether it is still alive ({@link Liveness}).
     */
    public void claim(long id) {
        String sql = "UPDATE runs SET status = ?, pid = ?, host = ?, heartbeat_at = ?, finished_at = NULL, message = NULL WHERE id = ?";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, RUNNING);
            p.setLong(2, Liveness.pid());
            p.setString(3, Liveness.host());
            p.setString(4, Instant.now().toString());
            p.setLong(5, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update run " + id + " in " + file + ": " + reason(e), e);
        }
    }

    /** Starts recording this process's heartbeat for a run it has {@linkplain #claim claimed}; close it when the run ends. */
    public Heartbeat heartbeat(long id) {
        try {
            return new Heartbeat("jdbc:sqlite:" + file.toAbsolutePath().toUri(), id, Liveness.pid());
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + " for the run's heartbeat: " + reason(e), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} (calls to this store) as one transaction: all of it is stored, or nothing (a process killed
     * half-way leaves no half-recorded run). Called inside another such call, it joins that transaction. The result of
     * {@code work} is returned.
     */
    public <T> T atomically(java.util.function.Supplier<T> work) {
        try {
            return transaction(work::get);
        } catch (SQLException e) {
            throw new StoreException("cannot write to " + file + ": " + reason(e), e);
        }
    }

    /** Statements on the store's connection, for the tables kept beside the runs (a study's, {@code runtime.study}). */
    @FunctionalInterface
    public interface Sql<T> {
        T run(Connection db) throws SQLException;
    }

    /** Runs {@code work} as one transaction (or in the one open); a failure names this store. */
    public <T> T sql(Sql<T> work) {
        try {
            return transaction(() -> work.run(db));
        } catch (SQLException e) {
            throw new StoreException("cannot use " + file + ": " + reason(e), e);
        }
    }

    /** Statements that may fail with an {@link SQLException}. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** {@code work} in one transaction, or in the one already open. */
    private <T> T transaction(Work<T> work) throws SQLException {
        if (!db.getAutoCommit()) {
            return work.run();
        }
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** Records that a run has started; returns its id. */
    public long begin(RunStart run) {
        String sql = "INSERT INTO runs (kind, status, design_name, design_hash, design_json, settings_json, settings_hash,"
                + " params, macs, machine, engine, started_at) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, run.kind());
            p.setString(2, run.designName());
            p.setString(3, run.designHash());
            p.setString(4, run.designJson());
            p.setString(5, run.settingsJson());
            p.setString(6, run.settingsHash());
            p.setLong(7, run.params());
            p.setLong(8, run.macs());
            p.setString(9, run.machine());
            p.setString(10, run.engine());
            p.setString(11, Instant.now().toString());
            p.executeUpdate();
            long id;
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            claim(id);
            return id;
        } catch (SQLException e) {
            throw new StoreException("cannot record the run in " + file + ": " + reason(e), e);
        }
    }

    /** Records the folder a training keeps its checkpoint in, as it is used now (a resumed run may have been moved). */
    public void checkpointDir(long id, java.nio.file.Path dir) {
        try (PreparedStatement p = db.prepareStatement("UPDATE runs SET checkpoint_dir = ? WHERE id = ?")) {
            p.setString(1, dir.toAbsolutePath().normalize().toString());
            p.setLong(2, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the checkpoint folder in " + file + ": " + reason(e), e);
        }
    }

    /** Marks a run done with its figures (nulls where not measured). */
    public void finish(long id, Long engineParams, Double accuracy, String resultJson) {
        try {
            markDone(id, engineParams, accuracy, resultJson);
        } catch (SQLException e) {
            throw new StoreException("cannot record the result in " + file + ": " + reason(e), e);
        }
    }

    /** Marks an evaluation done and records its timings, in one transaction: a reader sees both or neither. */
    public void finishEvaluation(long id, Long engineParams, List<LatencyStats> latency, String resultJson) {
        try {
            transaction(() -> {
                markDone(id, engineParams, null, resultJson);
                for (LatencyStats l : latency) {
                    LatencyTable.insert(db, id, l);
                }
                return null;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot record the result in " + file + ": " + reason(e), e);
        }
    }

    private void markDone(long id, Long engineParams, Double accuracy, String resultJson) throws SQLException {
        String sql = "UPDATE runs SET status = 'done', engine_params = ?, accuracy = ?, result_json = ?, finished_at = ?, message = NULL"
                + " WHERE id = ?";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            setNullable(p, 1, engineParams);
            setNullable(p, 2, accuracy);
            p.setString(3, resultJson);
            p.setString(4, Instant.now().toString());
            p.setLong(5, id);
            p.executeUpdate();
        }
    }

    /** Marks a run failed or cancelled, with the reason. */
    public void end(long id, String status, String message) {
        try (PreparedStatement p = db.prepareStatement("UPDATE runs SET status = ?, message = ?, finished_at = ? WHERE id = ?")) {
            p.setString(1, status);
            p.setString(2, message);
            p.setString(3, Instant.now().toString());
            p.setLong(4, id);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update run " + id + " in " + file + ": " + reason(e), e);
        }
    }

    /** Marks a run as running again, in this process (a resumed training). */
    public void reopen(long id) {
        claim(id);
    }

    /** Records an epoch (replacing one recorded before, as a resumed run may redo it). */
    public void addEpoch(long runId, EpochRecord e) {
        String sql = "INSERT OR REPLACE INTO epochs (run_id, epoch, train_loss, train_accuracy, test_accuracy, learning_rate, seconds)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setLong(1, runId);
            p.setInt(2, e.epoch());
            p.setDouble(3, e.trainLoss());
            p.setDouble(4, e.trainAccuracy());
            p.setDouble(5, e.testAccuracy());
            p.setDouble(6, e.learningRate());
            p.setDouble(7, e.seconds());
            p.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("cannot record epoch " + e.epoch() + " in " + file + ": " + reason(ex), ex);
        }
    }

    /** A run's epochs in order. */
    public List<EpochRecord> epochs(long runId) {
        try {
            return RunReads.epochs(db, runId);
        } catch (SQLException e) {
            throw new StoreException("cannot read epochs from " + file + ": " + reason(e), e);
        }
    }

    /** The newest run of this design with these settings in one of the given statuses. */
    public Optional<RunRecord> latest(String kind, String designHash, String settingsHash, String... statuses) {
        RunQuery q = new RunQuery(kind, null, null, 0).withHashes(designHash, settingsHash);
        return list(q).stream().filter(r -> List.of(statuses).contains(r.status())).findFirst();
    }

    /** Runs matching the query, newest first. */
    public List<RunRecord> list(RunQuery query) {
        try {
            return RunReads.list(db, query);
        } catch (SQLException e) {
            throw new StoreException("cannot read runs from " + file + ": " + reason(e), e);
        }
    }

    public Optional<RunRecord> get(long id) {
        return list(new RunQuery(null, null, null, 0).withId(id)).stream().findFirst();
    }

    private static void setNullable(PreparedStatement p, int index, Object value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.NULL);
        } else {
            p.setObject(index, value);
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceFirst("^\\[[A-Z_]+\\]\\s*", "");
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + reason(e), e);
        }
    }
}
