package org.igclab.runtime.store;

import java.util.List;

/**
 * Which runs to list: all fields optional, newest first.
 *
 * @param kind       {@code evaluate} or {@code train}
 * @param nameLike   a substring of the design name
 * @param status     a status
 * @param limit      at most this many (0: no limit)
 * @param designHash a design hash
 * @param settingsHash a settings hash
 * @param id         one run
 */
public record RunQuery(String kind, String nameLike, String status, int limit, String designHash, String settingsHash, Long id) {

    public RunQuery(String kind, String nameLike, String status, int limit) {
        this(kind, nameLike, status, limit, null, null, null);
    }

    public RunQuery withHashes(String design, String settings) {
        return new RunQuery(kind, nameLike, status, limit, design, settings, id);
    }

    public RunQuery withId(long runId) {
        return new RunQuery(kind, nameLike, status, limit, designHash, settingsHash, runId);
    }

    void appendTo(StringBuilder sql, List<Object> args) {
        condition(sql, args, "kind = ?", kind);
        condition(sql, args, "status = ?", status);
        condition(sql, args, "design_hash = ?", designHash);
        condition(sql, args, "settings_hash = ?", settingsHash);
        condition(sql, args, "id = ?", id);
        if (nameLike != null) {
            sql.append(" AND instr(lower(design_name), lower(?)) > 0");
            args.add(nameLike);
        }
        sql.append(" ORDER BY id DESC");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }
}
