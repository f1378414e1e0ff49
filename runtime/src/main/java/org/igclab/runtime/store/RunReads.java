package org.igclab.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.igclab.runtime.latency.LatencyStats;

/**
 * The store's queries of the {@code runs} and {@code epochs} tables: rows to records, with each run's timings
 * attached. {@link ResultStore} keeps the writes and names its file in the errors.
 */
final class RunReads {

    private RunReads() {
    }

    /** Runs matching the query, newest first, with their timings. */
    static List<RunRecord> list(Connection db, RunQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM runs WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        query.appendTo(sql, args);
        try (PreparedStatement p = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                p.setObject(i + 1, args.get(i));
            }
            List<RunRecord> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(record(rs));
                }
            }
            return withLatency(db, out);
        }
    }

    /** A run's epochs in order. */
    static List<EpochRecord> epochs(Connection db, long runId) throws SQLException {
        List<EpochRecord> out = new ArrayList<>();
        String sql = "SELECT epoch, train_loss, train_accuracy, test_accuracy, learning_rate, seconds FROM epochs WHERE run_id = ? ORDER BY epoch";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new EpochRecord(rs.getInt(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)));
                }
            }
            return out;
        }
    }

    /** The runs with their timings attached (one query per few hundred runs, not one per run). */
    private static List<RunRecord> withLatency(Connection db, List<RunRecord> runs) throws SQLException {
        Map<Long, List<LatencyStats>> latency = LatencyTable.forRuns(db, runs.stream().map(RunRecord::id).toList());
        return runs.stream().map(r -> latency.containsKey(r.id()) ? r.withLatency(latency.get(r.id())) : r).toList();
    }

    private static RunRecord record(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getLong("id"), rs.getString("kind"), rs.getString("status"), rs.getString("design_name"),
                rs.getString("design_hash"), rs.getString("design_json"), rs.getString("settings_json"), rs.getString("settings_hash"),
                nullableLong(rs, "params"), nullableLong(rs, "macs"), nullableLong(rs, "engine_params"),
                List.of(), nullableDouble(rs, "accuracy"),
                rs.getString("result_json"), rs.getString("machine"), rs.getString("engine"), rs.getString("started_at"),
                rs.getString("finished_at"), rs.getString("message"), nullableLong(rs, "pid"), rs.getString("host"),
                rs.getString("heartbeat_at"), rs.getString("checkpoint_dir"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
