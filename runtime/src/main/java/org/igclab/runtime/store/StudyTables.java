package org.igclab.runtime.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of studies (schema version 4): a study ({@code studies}: its space, objectives, constraints, the
 * measurement settings its first run fixed, and its sampler's state), its trials ({@code trials}: one per design
 * tried, in the order tried, with what was learned of it) and the runs that measured each trial ({@code trial_runs}:
 * a trial's runs are ordinary rows of {@code runs}, so {@code igc results} shows them too).
 */
final class StudyTables {

    static final List<String> DDL = List.of(
        """
        CREATE TABLE IF NOT EXISTS studies (
          id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,
          space_file TEXT NOT NULL, space_json TEXT NOT NULL, objectives TEXT NOT NULL, constraints TEXT NOT NULL,
          settings_json TEXT, sampler_state TEXT, created_at TEXT NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS trials (
          id INTEGER PRIMARY KEY AUTOINCREMENT, study_id INTEGER NOT NULL REFERENCES studies (id),
          number INTEGER NOT NULL, design INTEGER NOT NULL, design_name TEXT NOT NULL, sampler TEXT NOT NULL,
          status TEXT NOT NULL, values_json TEXT, violation REAL NOT NULL DEFAULT 0, reason TEXT,
          started_at TEXT NOT NULL, finished_at TEXT,
          UNIQUE (study_id, design), UNIQUE (study_id, number))""",
        """
        CREATE TABLE IF NOT EXISTS trial_runs (
          trial_id INTEGER NOT NULL REFERENCES trials (id), run_id INTEGER NOT NULL REFERENCES runs (id),
          PRIMARY KEY (trial_id, run_id))""");

    private StudyTables() {
    }

    /** Version 4: the study tables (the statements create only what is missing, so the step can run twice). */
    static void create(Statement s) throws SQLException {
        for (String ddl : DDL) {
            s.execute(ddl);
        }
    }
}
