package org.igclab.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sqlite.SQLiteConfig;

/**
 * The checks a results store's file passes before SQLite opens it for writing, which would switch it to write-ahead
 * logging and add tables: it must be absent, empty, or an IGC Lab store. A device, a FIFO, a text file or another
 * program's SQLite database is refused untouched (the database only read, through a read-only connection that treats
 * it as immutable, so not even a lock or a {@code -shm} file is made).
 */
final class StoreFile {
    /** The first 16 bytes of every SQLite 3 database. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Columns of {@code runs} in every version of the store; a {@code runs} table without them is another program's. */
    private static final List<String> RUN_COLUMNS = List.of("id", "kind", "status", "design_name", "design_hash", "design_json",
            "settings_json", "settings_hash", "started_at");

    private StoreFile() {
    }

    /** Refuses {@code file} unless it is absent, empty, an empty SQLite database or a store of schema up to {@code newest}. */
    static void check(Path file, int newest) {
        Path absolute = file.toAbsolutePath();
        if (!Files.exists(absolute)) {
            return;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new StoreException(file + " is a directory, not a results store");
            }
            if (!attributes.isRegularFile()) {
                throw new StoreException(file + " is not a regular file (a device, FIFO or socket), not a results store");
            }
            if (attributes.size() == 0) {
                return;
            }
            byte[] header;
            try (InputStream in = Files.newInputStream(absolute)) {
                header = in.readNBytes(SQLITE_HEADER.length);
            }
            if (!Arrays.equals(header, SQLITE_HEADER)) {
                throw new StoreException(file + " is not an SQLite database, so not an IGC Lab results store; it was left untouched"
                        + " (give --store a new file name)");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the results store " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        // immutable: no lock, and no -wal or -shm file created beside another program's database
        try (Connection db = readOnly.createConnection("jdbc:sqlite:" + absolute.toUri() + "?immutable=1"); Statement s = db.createStatement()) {
            checkTables(file, s, newest);
        } catch (SQLException e) {
            throw new StoreException("cannot read the results store " + file + ": " + e.getMessage().replaceFirst("^\\[[A-Z_]+\\]\\s*", ""), e);
        }
    }

    private static void checkTables(Path file, Statement s, int newest) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.isEmpty()) {
            return;
        }
        String foreign = file + " is an SQLite database of another program, not an IGC Lab results store; it was left untouched"
                + " (give --store a new file name): ";
        if (!tables.contains("runs") || !tables.contains("meta")) {
            throw new StoreException(foreign + "it has no " + (tables.contains("runs") ? "meta" : "runs") + " table (its tables: "
                    + String.join(", ", tables) + ")");
        }
        List<String> missing = new ArrayList<>(RUN_COLUMNS);
        missing.removeAll(columns(s, "runs"));
        if (!missing.isEmpty()) {
            throw new StoreException(foreign + "its runs table has no column " + String.join(", ", missing));
        }
        if (!columns(s, "meta").containsAll(List.of("key", "value"))) {
            throw new StoreException(foreign + "its meta table has no key and value columns");
        }
        try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema'")) {
            if (rs.next()) {
                schema(file, rs.getString(1), newest);
            }
        }
    }

    private static void schema(Path file, String value, int newest) {
        int version;
        try {
            version = Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new StoreException(file + ": meta.schema = '" + value + "' is not a number, so this is not an IGC Lab results store "
                    + "(or it was damaged); it was left untouched", e);
        }
        if (version < 1) {
            throw new StoreException(file + ": meta.schema = " + version + " is no schema of IGC Lab (they start at 1); it was left untouched");
        }
        if (version > newest) {
            throw new StoreException(file + " was written by a newer IGC Lab (schema " + version + "); this one reads up to " + newest);
        }
    }

    private static Set<String> columns(Statement s, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
