package org.igclab.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;

/**
 * The {@code latency} table: one row per evaluation run, execution and batch size, with the spread, the median's
 * interval, the threads, and the interference evidence. {@code noisy} is 1 for a timing taken under interference,
 * 0 for a quiet one, and NULL for a figure from a version-1 store, measured before interference was checked.
 */
final class LatencyTable {

    static final String DDL = """
        CREATE TABLE IF NOT EXISTS latency (
          run_id INTEGER NOT NULL REFERENCES runs (id), execution TEXT NOT NULL, batch INTEGER NOT NULL,
          threads INTEGER, interop_threads INTEGER, warmup INTEGER, warmup_stable INTEGER, runs INTEGER,
          median_ms REAL, p10_ms REAL, p90_ms REAL, half_width_ms REAL, stop TEXT, attempts INTEGER,
          noisy INTEGER, cpu_share REAL, disturbed_share REAL, runnable REAL, load_before REAL, load_after REAL, cores INTEGER, note TEXT,
          probe_ms REAL, reference_ms REAL,
          PRIMARY KEY (run_id, execution, batch))""";

    /** Why an upgraded figure has no interference verdict. */
    static final String UNCHECKED = "measured before interference was checked (a version-1 store)";

    private static final int CHUNK = 500;

    private LatencyTable() {
    }

    /**
     * Version 1 to 2: the batch-1 and batch-32 medians become rows (sparse execution, with the runs, warm-up and
     * threads their settings recorded, and no interference verdict), then the two columns go.
     */
    static void upgradeFromVersion1(Statement s) throws SQLException {
        for (int batch : new int[] {1, 32}) {
            String column = "latency_b" + batch + "_ms";
            if (!Schema.hasColumn(s, "runs", column)) {
                continue;
            }
            s.execute("INSERT OR IGNORE INTO latency (run_id, execution, batch, threads, warmup, runs, median_ms, stop, attempts, noisy, note)"
                    + " SELECT id, 'sparse', " + batch + ", json_extract(settings_json, '$.threads'), json_extract(settings_json, '$.warmup'),"
                    + " json_extract(settings_json, '$.runs'), " + column + ", '" + Stop.RUN_CAP.name() + "', 1, NULL, '" + UNCHECKED + "'"
                    + " FROM runs WHERE " + column + " IS NOT NULL AND json_valid(settings_json)");
            s.execute("ALTER TABLE runs DROP COLUMN " + column);
        }
    }

    static void insert(Connection db, long runId, LatencyStats l) throws SQLException {
        String sql = "INSERT OR REPLACE INTO latency (run_id, execution, batch, threads, interop_threads, warmup, warmup_stable, runs, median_ms,"
                + " p10_ms, p90_ms, half_width_ms, stop, attempts, noisy, cpu_share, disturbed_share, runnable, load_before, load_after, cores,"
                + " note, probe_ms, reference_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Interference i = l.interference();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setLong(1, runId);
            p.setString(2, l.execution());
            p.setInt(3, l.batch());
            p.setInt(4, l.threads());
            p.setInt(5, l.interopThreads());
            p.setInt(6, l.warmup());
            p.setInt(7, l.warmupStable() ? 1 : 0);
            p.setInt(8, l.runs());
            real(p, 9, l.medianMs());
            real(p, 10, l.p10Ms());
            real(p, 11, l.p90Ms());
            real(p, 12, l.halfWidthMs());
            p.setString(13, l.stop().name());
            p.setInt(14, l.attempts());
            if (i.verdict() == Interference.Verdict.UNCHECKED) {
                p.setNull(15, Types.INTEGER);
            } else {
                p.setInt(15, i.noisy() ? 1 : 0);
            }
            real(p, 16, i.cpuShare());
            real(p, 17, i.disturbedShare());
            real(p, 18, i.runnable());
            real(p, 19, i.loadBefore());
            real(p, 20, i.loadAfter());
            p.setInt(21, i.cores());
            p.setString(22, i.reason());
            real(p, 23, i.probeMs());
            real(p, 24, i.referenceMs());
            p.executeUpdate();
        }
    }

    /** The rows of these runs, by run, each run's in execution and batch order. */
    static Map<Long, List<LatencyStats>> forRuns(Connection db, List<Long> runIds) throws SQLException {
        Map<Long, List<LatencyStats>> out = new HashMap<>();
        for (int from = 0; from < runIds.size(); from += CHUNK) {
            List<Long> chunk = runIds.subList(from, Math.min(runIds.size(), from + CHUNK));
            String sql = "SELECT * FROM latency WHERE run_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                    + ") ORDER BY run_id, execution DESC, batch";
            try (PreparedStatement p = db.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    p.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong("run_id"), k -> new ArrayList<>()).add(row(rs));
                    }
                }
            }
        }
        return out;
    }

    private static LatencyStats row(ResultSet rs) throws SQLException {
        int noisy = rs.getInt("noisy");
        boolean unchecked = rs.wasNull();
        Interference.Verdict verdict = unchecked ? Interference.Verdict.UNCHECKED : noisy == 1 ? Interference.Verdict.NOISY
                : Interference.Verdict.QUIET;
        Interference interference = new Interference(verdict, real(rs, "cpu_share"), real(rs, "disturbed_share"), real(rs, "runnable"),
                real(rs, "load_before"), real(rs, "load_after"), rs.getInt("cores"), rs.getString("note") == null ? "" : rs.getString("note"),
                real(rs, "probe_ms"), real(rs, "reference_ms"));
        String stop = rs.getString("stop");
        return new LatencyStats(rs.getString("execution"), rs.getInt("batch"), rs.getInt("threads"), rs.getInt("interop_threads"),
                rs.getInt("warmup"), rs.getInt("warmup_stable") == 1, rs.getInt("runs"), real(rs, "median_ms"), real(rs, "p10_ms"),
                real(rs, "p90_ms"), real(rs, "half_width_ms"), stop == null ? Stop.RUN_CAP : Stop.valueOf(stop), rs.getInt("attempts"),
                interference);
    }

    /** NULL for a figure that is not finite (no interval under 6 passes, no load average). */
    private static void real(PreparedStatement p, int index, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(index, v);
        } else {
            p.setNull(index, Types.REAL);
        }
    }

    private static double real(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
