package org.igclab.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.igclab.analyzer.cli.IgcCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store} given a file that is not an IGC Lab store: refused with exit code 2 before anything is written to
 * it (no switch to write-ahead logging, no table created, no {@code -wal} or {@code -shm} file beside it).
 */
class ForeignStoreTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run igc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IgcCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path database(String name, String... sql) throws SQLException {
        Path file = dir.resolve(name);
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); var s = db.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
        return file;
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** {@code igc results --store FILE} exits 2 with one line holding {@code parts}, and FILE is as it was, alone in its folder. */
    private void refusedUntouched(Path file, String... parts) throws Exception {
        String before = digest(file);
        Run run = igc("results", "--store", file.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(file.toString()).contains(parts).doesNotContain("Exception");
        assertThat(digest(file)).isEqualTo(before);
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(file.getFileName() + "-")))
                    .as("no -wal, -shm or -journal file").isEmpty();
        }
    }

    private static String journalMode(Path file) throws SQLException {
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); var s = db.createStatement();
             var rs = s.executeQuery("PRAGMA journal_mode")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    @Test
    void anotherProgramsDatabaseIsLeftAsItWas() throws Exception {
        Path notes = database("notes.db", "CREATE TABLE notes (text TEXT)", "INSERT INTO notes VALUES ('keep me')");
        refusedUntouched(notes, "is an SQLite database of another program", "it has no runs table (its tables: notes)");
        assertThat(journalMode(notes)).isEqualTo("delete");

        Path runs = database("runs.db", "CREATE TABLE runs (id INTEGER, label TEXT)", "CREATE TABLE meta (key TEXT, value TEXT)");
        refusedUntouched(runs, "its runs table has no column kind, status, design_name");

        Path wal = database("wal.db", "PRAGMA journal_mode = WAL", "CREATE TABLE runs (x)", "CREATE TABLE meta (key, value)");
        refusedUntouched(wal, "its runs table has no column id");
    }

    @Test
    void aSchemaThatIsNotANumberIsRefusedNotACrash() throws Exception {
        Path store = dir.resolve("store.db");
        ResultStore.open(store).close();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + store); var s = db.createStatement()) {
            s.execute("UPDATE meta SET value = 'abc' WHERE key = 'schema'");
            s.execute("PRAGMA journal_mode = DELETE");
        }
        refusedUntouched(store, "meta.schema = 'abc' is not a number");
    }

    @Test
    void filesThatAreNotDatabasesAreRefusedUnread() throws Exception {
        Path text = Files.writeString(dir.resolve("results.db"), "my results, by hand\n");
        refusedUntouched(text, "is not an SQLite database");
        Run zero = igc("results", "--store", "/dev/zero");
        assertThat(zero.code()).isEqualTo(IgcCli.INVALID);
        assertThat(zero.err().strip()).isEqualTo("igc results: /dev/zero is not a regular file (a device, FIFO or socket), not a results store");
        Path fifo = dir.resolve("fifo.db");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Run pipe = igc("results", "--store", fifo.toString());
        assertThat(pipe.code()).isEqualTo(IgcCli.INVALID);
        assertThat(pipe.err()).contains(fifo + " is not a regular file");
    }

    @Test
    void aNameWithUriCharactersIsAFileNameNotConnectionParameters() throws IOException {
        Path odd = dir.resolve("runs?mode=ro&journal_mode=delete #1 %20.db");
        try (ResultStore store = ResultStore.open(odd)) {
            store.begin(new RunStart("evaluate", "d", "h", "{}", "{}", "s", 1, 1, "m", "e"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(odd.getFileName().toString());
        }
        try (ResultStore store = ResultStore.open(odd)) {
            assertThat(store.list(new RunQuery(null, null, null, 0))).hasSize(1);
        }
    }

    @Test
    void emptyAndNewFilesBecomeStoresAndStoresReopen() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        for (Path file : List.of(empty, dir.resolve("new.db"))) {
            try (ResultStore store = ResultStore.open(file)) {
                store.begin(new RunStart("evaluate", "d", "h", "{}", "{}", "s", 1, 1, "m", "e"));
            }
            try (ResultStore store = ResultStore.open(file)) {
                assertThat(store.list(new RunQuery(null, null, null, 0))).hasSize(1);
            }
            Run listed = igc("results", "--store", file.toString());
            assertThat(listed.code()).as(listed.err()).isZero();
        }
    }
}
