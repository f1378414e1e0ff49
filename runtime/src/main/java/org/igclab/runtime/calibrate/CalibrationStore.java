package org.igclab.runtime.calibrate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.CalibrationNetworks;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.ReferenceSpeed;
import org.igclab.runtime.store.ResultStore;

/**
 * Calibrations in the results store (tables {@code calibrations} and {@code calibration_points}, schema version 5; the
 * reference probe's floor and each primitive's probe median since 7). A
 * calibration is {@code running} while it is timed, each primitive stored as soon as it is timed (at most once: the
 * primitive is part of the key), and {@code complete} once every one is; only complete ones are read for predictions,
 * so an interrupted calibration is never half-used, and {@code igc calibrate} continues it. A whole network the
 * calibration timed ({@link CalibrationNetworks}) is a point of kind {@value #NETWORK} keyed by its name, its input and
 * output shapes in the shape columns and the rest zero: the network itself is rebuilt from its name; its {@code retimed}
 * counts the rounds it has had after the first. Reading is in {@link CalibrationReads}.
 */
public final class CalibrationStore {
    static final String RUNNING = "running";
    static final String COMPLETE = "complete";
    /** The kind of a point that is a whole network. */
    static final String NETWORK = "NETWORK";

    private final ResultStore store;
    private final CalibrationReads reads;

    public CalibrationStore(ResultStore store) {
        this.store = store;
        this.reads = new CalibrationReads(store);
    }

    /**
     * What a calibration is about to time.
     *
     * @param fingerprint the machine
     * @param machine     the machine in words (OS, Java)
     * @param grid        the grid's name
     * @param batch       images per pass
     * @param threads     intra-op threads
     * @param planned     primitives in the grid
     */
    public record Start(Fingerprint fingerprint, String machine, String grid, int batch, int threads, int planned) {
    }

    /** A new calibration, running; returns its id. */
    public long begin(Start s) {
        return store.sql(db -> {
            String sql = "INSERT INTO calibrations (status, grid, batch, threads, cpu, cores, engine, machine, planned, started_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement p = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(p, s);
                p.setString(8, s.machine());
                p.setInt(9, s.planned());
                p.setString(10, Instant.now().toString());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The newest unfinished calibration of this machine with these settings, to continue. */
    public Optional<Long> unfinished(Start s) {
        return store.sql(db -> {
            String sql = "SELECT id FROM calibrations WHERE status = ? AND grid = ? AND batch = ? AND threads = ? AND cpu = ? AND cores = ?"
                    + " AND engine = ? ORDER BY id DESC LIMIT 1";
            try (PreparedStatement p = db.prepareStatement(sql)) {
                bind(p, s);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** Parameters 1 to 7: a running calibration with these settings on this machine (status, grid, batch, threads, cpu, cores, engine). */
    private static void bind(PreparedStatement p, Start s) throws SQLException {
        p.setString(1, RUNNING);
        p.setString(2, s.grid());
        p.setInt(3, s.batch());
        p.setInt(4, s.threads());
        p.setString(5, s.fingerprint().cpu());
        p.setInt(6, s.fingerprint().cores());
        p.setString(7, s.fingerprint().engine());
    }

    /** The keys of the primitives a calibration has stored. */
    public Set<String> timedKeys(long id) {
        return pointsWhere(id, "1 = 1", rs -> true).keySet();
    }

    /** Reads one value of a point's row. */
    @FunctionalInterface
    private interface Column<V> {
        V read(ResultSet rs) throws SQLException;
    }

    /**
     * The points of calibration {@code id} that match {@code where} (its {@code ?} bound to {@code args} in order), each
     * key to the value {@code column} reads from its row, in key order.
     */
    private <V> java.util.SortedMap<String, V> pointsWhere(long id, String where, Column<V> column, Object... args) {
        return store.sql(db -> {
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM calibration_points WHERE calibration_id = ? AND " + where)) {
                p.setLong(1, id);
                for (int i = 0; i < args.length; i++) {
                    p.setObject(2 + i, args[i]);
                }
                java.util.SortedMap<String, V> points = new java.util.TreeMap<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        points.put(rs.getString("primitive"), column.read(rs));
                    }
                }
                return points;
            }
        });
    }

    /** Stores one primitive's timing; a primitive stored already is left as it is. */
    public void addPoint(long id, Primitive q, LatencyStats t, double cpuMs) {
        insert(id, q.key(), q.kind().name(), shapes(q), t, cpuMs, 0, false);
    }

    /** Replaces a primitive's timing with one taken again, marking it re-timed (it is never timed a third time). */
    public void retimePoint(long id, Primitive q, LatencyStats t, double cpuMs) {
        insert(id, q.key(), q.kind().name(), shapes(q), t, cpuMs, 1, true);
    }

    /**
     * A primitive's second timing: it replaces the stored one when quiet and faster (or when the stored one was noisy),
     * else the stored one stays; either way the point is marked re-timed, so that it is never timed a third time.
     * Returns whether the new timing was kept.
     */
    public boolean retimeIfFaster(long id, Primitive q, LatencyStats t, double cpuMs) {
        return keepIfFaster(id, q.key(), q.kind().name(), shapes(q), t, cpuMs, 1);
    }

    /**
     * A later round of a whole network (round 2 or 3, {@code round}): its timing replaces the stored one when quiet and
     * faster (or when the stored one was noisy), else the stored one stays; either way the network is recorded as having had
     * that round ({@code retimed = round - 1}), so that a resumed calibration never times a round twice. Returns whether
     * the new timing was kept.
     */
    public boolean networkRoundIfFaster(long id, ResolvedNetwork n, int round, LatencyStats t, double cpuMs) {
        return keepIfFaster(id, n.spec().name(), NETWORK, networkShapes(n), t, cpuMs, round - 1);
    }

    private boolean keepIfFaster(long id, String key, String kind, int[] shapes, LatencyStats t, double cpuMs, int retimed) {
        boolean keep = store.sql(db -> {
            try (PreparedStatement p = db.prepareStatement(
                    "SELECT median_ms, noisy FROM calibration_points WHERE calibration_id = ? AND primitive = ?")) {
                p.setLong(1, id);
                p.setString(2, key);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return true;
                    }
                    boolean storedNoisy = rs.getInt(2) != 0;
                    return !t.noisy() && (storedNoisy || t.medianMs() < rs.getDouble(1));
                }
            }
        });
        if (keep) {
            insert(id, key, kind, shapes, t, cpuMs, retimed, true);
        } else {
            store.sql(db -> {
                try (PreparedStatement p = db.prepareStatement(
                        "UPDATE calibration_points SET retimed = ? WHERE calibration_id = ? AND primitive = ?")) {
                    p.setInt(1, retimed);
                    p.setLong(2, id);
                    p.setString(3, key);
                    return p.executeUpdate();
                }
            });
        }
        return keep;
    }

    /** The rounds each stored whole network of a calibration has had, by name: its first, and the later ones recorded. */
    public java.util.Map<String, Integer> networkRounds(long id) {
        return pointsWhere(id, "kind = ?", rs -> 1 + rs.getInt("retimed"), NETWORK);
    }

    /** The primitives (not whole networks) of a calibration not re-timed yet: those a second round still has to time. */
    public Set<String> notRetimed(long id) {
        return pointsWhere(id, "kind <> ? AND retimed = 0", rs -> true, NETWORK).keySet();
    }

    private static int[] shapes(Primitive q) {
        return new int[] {q.in().channels(), q.in().height(), q.in().width(), q.out().channels(), q.out().height(), q.out().width(),
            q.groups(), q.kernel(), q.stride(), q.padding()};
    }

    /**
     * The primitives, not re-timed yet, whose reference probe ran above {@code limitMs} while they were timed (timed while
     * the machine ran slower than its reference speed, to be timed again): each key with whether it is stored noisy.
     */
    public java.util.Map<String, Boolean> slowPoints(long id, double limitMs) {
        return pointsWhere(id, "kind <> ? AND retimed = 0 AND probe_ms > ?", rs -> rs.getInt("noisy") != 0, NETWORK, limitMs);
    }

    /** Lowers a calibration's reference (the probe's floor) to {@code floorMs} where that is lower or none is stored. */
    public void lowerReference(long id, double floorMs) {
        if (!(floorMs > 0 && Double.isFinite(floorMs))) {
            return;
        }
        store.sql(db -> {
            try (PreparedStatement p = db.prepareStatement(
                    "UPDATE calibrations SET reference_ms = ? WHERE id = ? AND (reference_ms IS NULL OR reference_ms > ?)")) {
                p.setDouble(1, floorMs);
                p.setLong(2, id);
                p.setDouble(3, floorMs);
                return p.executeUpdate();
            }
        });
    }

    /** A calibration's reference (the probe's floor over the whole calibration), NaN where it has none (an older store's). */
    public double referenceMs(long id) {
        return reference("id = " + id);
    }

    /**
     * Lowers this process's reference speeds ({@link ReferenceSpeed#process}) to the floors that this machine's complete
     * calibrations recorded, each for its intra-op threads, so that timings are judged against the machine's reference
     * and not only against what this process has seen. Returns how many floors were taken.
     */
    public int adoptReferences(Fingerprint here) {
        return store.sql(db -> {
            String sql = "SELECT threads, reference_ms FROM calibrations WHERE status = '" + COMPLETE + "' AND " + CalibrationReads.sameMachine(here)
                    + " AND reference_ms IS NOT NULL";
            int n = 0;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                for (; rs.next(); n++) {
                    ReferenceSpeed.process(rs.getInt(1)).adopt(rs.getDouble(2));
                }
            }
            return n;
        });
    }

    private double reference(String where) {
        return store.sql(db -> {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT reference_ms FROM calibrations WHERE " + where)) {
                double v = rs.next() ? rs.getDouble(1) : Double.NaN;
                return rs.wasNull() ? Double.NaN : v;
            }
        });
    }

    /** Stores one whole network's timing ({@link ResolvedNetwork#spec()}'s name is its key); one stored already is left as it is. */
    public void addNetwork(long id, ResolvedNetwork n, LatencyStats t, double cpuMs) {
        insert(id, n.spec().name(), NETWORK, networkShapes(n), t, cpuMs, 0, false);
    }

    private static int[] networkShapes(ResolvedNetwork n) {
        TensorShape in = n.spec().input();
        TensorShape out = n.output();
        return new int[] {in.channels(), in.height(), in.width(), out.channels(), out.height(), out.width(), 0, 0, 0, 0};
    }

    /** Inserts a point, or with {@code replace} replaces the stored one; {@code retimed} as {@link #networkRounds} and {@link #notRetimed} read it. */
    private void insert(long id, String key, String kind, int[] shapes, LatencyStats t, double cpuMs, int retimed, boolean replace) {
        store.sql(db -> {
            String sql = "INSERT OR " + (replace ? "REPLACE" : "IGNORE") + " INTO calibration_points (calibration_id, primitive, kind, in_c,"
                    + " in_h, in_w, out_c, out_h, out_w, groups, kernel, stride, padding, median_ms, half_width_ms, p10_ms, p90_ms, runs, noisy,"
                    + " note, cpu_ms, probe_ms, retimed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement p = db.prepareStatement(sql)) {
                p.setLong(1, id);
                p.setString(2, key);
                p.setString(3, kind);
                for (int i = 0; i < shapes.length; i++) {
                    p.setInt(4 + i, shapes[i]);
                }
                p.setDouble(14, t.medianMs());
                setReal(p, 15, t.halfWidthMs());
                setReal(p, 16, t.p10Ms());
                setReal(p, 17, t.p90Ms());
                p.setInt(18, t.runs());
                p.setInt(19, t.noisy() ? 1 : 0);
                p.setString(20, t.noisy() ? t.interference().reason() : null);
                setReal(p, 21, cpuMs);
                setReal(p, 22, t.interference().probeMs());
                p.setInt(23, retimed);
                return p.executeUpdate();
            }
        });
    }

    private static void setReal(PreparedStatement p, int index, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(index, v);
        } else {
            p.setNull(index, java.sql.Types.REAL);
        }
    }

    /** Records the peak rates and marks the calibration complete, in one transaction. */
    public void complete(long id, double peakMacsPerSecond, double peakBytesPerSecond) {
        store.sql(db -> {
            String sql = "UPDATE calibrations SET status = ?, peak_macs_per_s = ?, peak_bytes_per_s = ?, finished_at = ? WHERE id = ?";
            try (PreparedStatement p = db.prepareStatement(sql)) {
                p.setString(1, COMPLETE);
                p.setDouble(2, peakMacsPerSecond);
                p.setDouble(3, peakBytesPerSecond);
                p.setString(4, Instant.now().toString());
                p.setLong(5, id);
                return p.executeUpdate();
            }
        });
    }

    /** A complete calibration by id. */
    public Optional<Calibration> get(long id) {
        return reads.get(id);
    }

    /**
     * The newest complete calibration for predictions here: of this machine and engine with these threads and batch if
     * there is one, else of this machine with any settings, else the newest of any machine (a prediction from it says so).
     */
    public Optional<Calibration> best(Fingerprint here, int threads, int batch) {
        return reads.best(here, threads, batch);
    }

    /** Every calibration, newest first, with its status and points stored: for {@code igc calibrate --list}. */
    public List<String> describeAll() {
        return reads.describeAll();
    }
}
