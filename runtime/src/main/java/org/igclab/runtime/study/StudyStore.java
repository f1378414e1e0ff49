package org.igclab.runtime.study;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.StoreException;

/** Studies and their trials in the results store (the tables of schema version 4). */
public final class StudyStore {
    private final ResultStore store;

    public StudyStore(ResultStore store) {
        this.store = store;
    }

    public ResultStore results() {
        return store;
    }

    /** Records a new study; refuses a name the store already has. */
    public StudyRecord create(String name, String spaceFile, String spaceJson, String objectives, String constraints) {
        if (find(name).isPresent()) {
            throw new StoreException("a study named " + name + " is already in " + store.file() + " (igc study show " + name
                    + "); choose another name");
        }
        String now = Instant.now().toString();
        long id = store.sql(db -> {
            String sql = "INSERT INTO studies (name, space_file, space_json, objectives, constraints, created_at) VALUES (?, ?, ?, ?, ?, ?)";
            try (PreparedStatement p = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(p, name, spaceFile, spaceJson, objectives, constraints, now);
                p.executeUpdate();
                return key(p);
            }
        });
        return new StudyRecord(id, name, spaceFile, spaceJson, objectives, constraints, null, null, now);
    }

    public Optional<StudyRecord> find(String name) {
        return store.sql(db -> {
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM studies WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(study(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every study, oldest first. */
    public List<StudyRecord> list() {
        return store.sql(db -> {
            List<StudyRecord> out = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM studies ORDER BY id")) {
                while (rs.next()) {
                    out.add(study(rs));
                }
            }
            return out;
        });
    }

    /** Fixes how the study's designs are measured (its first run). */
    public void fixSettings(long study, String settingsJson) {
        update("UPDATE studies SET settings_json = ? WHERE id = ?", settingsJson, study);
    }

    public void samplerState(long study, String json) {
        update("UPDATE studies SET sampler_state = ? WHERE id = ?", json, study);
    }

    /** A study's trials in the order tried, with their runs. */
    public List<TrialRecord> trials(long study) {
        return store.sql(db -> {
            Map<Long, List<Long>> runs = new HashMap<>();
            String links = "SELECT tr.trial_id, tr.run_id FROM trial_runs tr JOIN trials t ON t.id = tr.trial_id WHERE t.study_id = ?"
                    + " ORDER BY tr.run_id";
            try (PreparedStatement p = db.prepareStatement(links)) {
                p.setLong(1, study);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        runs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            List<TrialRecord> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT * FROM trials WHERE study_id = ? ORDER BY number")) {
                p.setLong(1, study);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        out.add(new TrialRecord(id, study, rs.getInt("number"), rs.getLong("design"), rs.getString("design_name"),
                                rs.getString("sampler"), rs.getString("status"), rs.getString("values_json"), rs.getDouble("violation"),
                                rs.getString("reason"), runs.getOrDefault(id, List.of()), rs.getString("started_at"),
                                rs.getString("finished_at")));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Records a trial (the next number); a study never holds a design twice, so a design it has is refused.
     *
     * @return the trial's id
     */
    public long addTrial(long study, long design, String designName, String sampler, String status, String valuesJson,
                         double violation, String reason) {
        return store.sql(db -> {
            String sql = "INSERT INTO trials (study_id, number, design, design_name, sampler, status, values_json, violation, reason,"
                    + " started_at, finished_at) SELECT ?, COALESCE(MAX(number), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                    + " FROM trials WHERE study_id = ?";
            try (PreparedStatement p = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                String now = Instant.now().toString();
                bind(p, study, design, designName, sampler, status, valuesJson, violation, reason, now,
                        status.equals(TrialRecord.PENDING) ? null : now, study);
                p.executeUpdate();
                return key(p);
            }
        });
    }

    /** A trial's outcome, with the runs that measured it, in one transaction. */
    public void settle(long trial, String status, String valuesJson, double violation, String reason, List<Long> runs) {
        store.sql(db -> {
            String sql = "UPDATE trials SET status = ?, values_json = ?, violation = ?, reason = ?, finished_at = ? WHERE id = ?";
            try (PreparedStatement p = db.prepareStatement(sql)) {
                bind(p, status, valuesJson, violation, reason, Instant.now().toString(), trial);
                p.executeUpdate();
            }
            try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO trial_runs (trial_id, run_id) VALUES (?, ?)")) {
                for (long run : runs) {
                    bind(p, trial, run);
                    p.executeUpdate();
                }
            }
            return null;
        });
    }

    private void update(String sql, Object... args) {
        store.sql(db -> {
            try (PreparedStatement p = db.prepareStatement(sql)) {
                bind(p, args);
                return p.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    private static long key(PreparedStatement p) throws SQLException {
        try (ResultSet keys = p.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static StudyRecord study(ResultSet rs) throws SQLException {
        return new StudyRecord(rs.getLong("id"), rs.getString("name"), rs.getString("space_file"), rs.getString("space_json"),
                rs.getString("objectives"), rs.getString("constraints"), rs.getString("settings_json"), rs.getString("sampler_state"),
                rs.getString("created_at"));
    }
}
