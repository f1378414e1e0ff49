package org.igclab.runtime.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of latency calibrations (schema version 5; the reference probe's columns since 7): a calibration ({@code calibrations}: the machine's
 * fingerprint, the settings, the peak rates, and whether it is {@code complete}) and its timed primitives
 * ({@code calibration_points}: one row per primitive, keyed so that a resumed calibration never stores one twice). Only
 * a complete calibration is ever used for predictions.
 */
final class CalibrationTables {

    static final List<String> DDL = List.of(
        """
        CREATE TABLE IF NOT EXISTS calibrations (
          id INTEGER PRIMARY KEY AUTOINCREMENT, status TEXT NOT NULL, grid TEXT NOT NULL, batch INTEGER NOT NULL,
          threads INTEGER NOT NULL, cpu TEXT NOT NULL, cores INTEGER NOT NULL, engine TEXT NOT NULL, machine TEXT NOT NULL,
          planned INTEGER NOT NULL, peak_macs_per_s REAL, peak_bytes_per_s REAL, started_at TEXT NOT NULL, finished_at TEXT,
          reference_ms REAL)""",
        """
        CREATE TABLE IF NOT EXISTS calibration_points (
          calibration_id INTEGER NOT NULL REFERENCES calibrations (id), primitive TEXT NOT NULL,
          kind TEXT NOT NULL, in_c INTEGER NOT NULL, in_h INTEGER NOT NULL, in_w INTEGER NOT NULL,
          out_c INTEGER NOT NULL, out_h INTEGER NOT NULL, out_w INTEGER NOT NULL,
          groups INTEGER NOT NULL, kernel INTEGER NOT NULL, stride INTEGER NOT NULL, padding INTEGER NOT NULL,
          median_ms REAL NOT NULL, half_width_ms REAL, p10_ms REAL, p90_ms REAL, runs INTEGER NOT NULL, noisy INTEGER NOT NULL,
          note TEXT, cpu_ms REAL, probe_ms REAL, retimed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (calibration_id, primitive))""");

    private CalibrationTables() {
    }

    /** Version 5: the calibration tables (the statements create only what is missing, so the step can run twice). */
    static void create(Statement s) throws SQLException {
        for (String ddl : DDL) {
            s.execute(ddl);
        }
    }
}
