package org.igclab.runtime.calibrate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.store.ResultStore;

/** The read side of {@link CalibrationStore}: complete calibrations with their points, and the list of all of them. */
final class CalibrationReads {
    private final ResultStore store;

    CalibrationReads(ResultStore store) {
        this.store = store;
    }

    /** A complete calibration by id. */
    Optional<Calibration> get(long id) {
        return read("status = '" + CalibrationStore.COMPLETE + "' AND id = " + id);
    }

    /**
     * The newest complete calibration for predictions here: of this machine and engine with these threads and batch if
     * there is one, else of this machine with any settings, else the newest of any machine (a prediction from it says so).
     */
    Optional<Calibration> best(Fingerprint here, int threads, int batch) {
        String same = sameMachine(here);
        return read(same + " AND threads = " + threads + " AND batch = " + batch).or(() -> read(same + " AND threads = " + threads))
                .or(() -> read(same)).or(() -> read("1 = 1"));
    }

    /** The SQL condition for calibrations of this machine and engine. */
    static String sameMachine(Fingerprint here) {
        return "cpu = " + quote(here.cpu()) + " AND cores = " + here.cores() + " AND engine = " + quote(here.engine());
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Every calibration, newest first, with its status and points stored: for {@code igc calibrate --list}. */
    List<String> describeAll() {
        return store.sql(db -> {
            List<String> lines = new ArrayList<>();
            String sql = "SELECT c.*, (SELECT count(*) FROM calibration_points WHERE calibration_id = c.id) AS n FROM calibrations c ORDER BY id DESC";
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    lines.add(String.format("%d  %s  %s grid, batch %d, %d thread(s), %d/%d primitives, %s, %s, %d cores, %s", rs.getLong("id"),
                            rs.getString("status"), rs.getString("grid"), rs.getInt("batch"), rs.getInt("threads"), rs.getInt("n"), rs.getInt("planned"),
                            rs.getString("started_at"), rs.getString("cpu"), rs.getInt("cores"), rs.getString("engine")));
                }
            }
            return lines;
        });
    }

    private Optional<Calibration> read(String where) {
        return store.sql(db -> {
            try (Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM calibrations WHERE status = '" + CalibrationStore.COMPLETE + "' AND " + where + " ORDER BY id DESC LIMIT 1")) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong("id");
                Fingerprint f = new Fingerprint(rs.getString("cpu"), rs.getInt("cores"), rs.getString("engine"));
                List<Calibration.Point> points = new ArrayList<>();
                List<Calibration.NetworkPoint> networks = new ArrayList<>();
                points(db, id, points, networks);
                return Optional.of(new Calibration(id, f, rs.getInt("batch"), rs.getInt("threads"), rs.getString("grid"), rs.getString("started_at"),
                        rs.getDouble("peak_macs_per_s"), rs.getDouble("peak_bytes_per_s"), points, networks));
            }
        });
    }

    /** A calibration's points, in the order they were stored: the primitives to {@code points}, the whole networks to {@code networks}. */
    private static void points(java.sql.Connection db, long id, List<Calibration.Point> points, List<Calibration.NetworkPoint> networks)
            throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM calibration_points WHERE calibration_id = ? ORDER BY rowid")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    double cpu = rs.getDouble("cpu_ms");
                    cpu = rs.wasNull() ? Double.NaN : cpu;
                    if (rs.getString("kind").equals(CalibrationStore.NETWORK)) {
                        networks.add(new Calibration.NetworkPoint(rs.getString("primitive"), rs.getDouble("median_ms"), rs.getInt("noisy") != 0, cpu));
                        continue;
                    }
                    Primitive q = new Primitive(Primitive.Kind.valueOf(rs.getString("kind")),
                            new TensorShape(rs.getInt("in_c"), rs.getInt("in_h"), rs.getInt("in_w")),
                            new TensorShape(rs.getInt("out_c"), rs.getInt("out_h"), rs.getInt("out_w")),
                            rs.getInt("groups"), rs.getInt("kernel"), rs.getInt("stride"), rs.getInt("padding"));
                    double half = rs.getDouble("half_width_ms");
                    half = rs.wasNull() ? Double.NaN : half;
                    points.add(new Calibration.Point(q, rs.getDouble("median_ms"), half, rs.getInt("noisy") != 0, cpu));
                }
            }
        }
    }
}
