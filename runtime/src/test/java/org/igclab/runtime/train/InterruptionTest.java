package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code igc train} in a JVM of its own, stopped by SIGTERM, or killed with SIGKILL while the results store is locked
 * at an epoch's end: it never crashes, and the run always resumes.
 */
class InterruptionTest {
    @TempDir
    static Path shared;
    static Path data;
    static Path network;

    @BeforeAll
    static void writeData() throws IOException {
        data = SyntheticData.write(shared.resolve("data"), 640, 64, 3);
        network = Files.writeString(shared.resolve("net.json"), SyntheticData.NETWORK);
    }

    static String[] train(Path dir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", network.toString(), "--data-dir", data.toString(), "--epochs", "3",
                "--batch", "32", "--store", dir.resolve("r.db").toString(), "--checkpoint-dir", dir.resolve("ck").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** {@code igc ARGS} in this JVM; returns the exit code, the output in {@code log}. */
    static int igc(StringWriter log, String... args) {
        PrintWriter w = new PrintWriter(log, true);
        return IgcCli.run(w, w, args);
    }

    static List<Path> crashReports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
        }
    }

    static RunRecord onlyRun(ResultStore store) {
        List<RunRecord> runs = store.list(new org.igclab.runtime.store.RunQuery("train", null, null, 0));
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    @Test
    void sigtermStopsAfterTheStepInFlightSavesAndTheRunResumes(@TempDir Path dir) throws Exception {
        try (ChildJvm child = ChildJvm.igc(dir, train(dir))) {
            child.await(() -> child.printed("step 1/"), "its first step");
            child.process().destroy(); // SIGTERM
            assertThat(child.exitCode()).as(child.output()).isEqualTo(IgcCli.INTERRUPTED);
            assertThat(child.output()).contains("interrupted (SIGTERM) at epoch", "continue with: igc train", "--resume");
        }
        assertThat(crashReports(dir)).isEmpty();
        Checkpoint.State saved = new Checkpoint(dir.resolve("ck")).state().orElseThrow();
        assertThat(saved.finished()).isFalse();
        assertThat(saved.snapshot()).isPositive();
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            assertThat(onlyRun(store).status()).isEqualTo(ResultStore.INTERRUPTED);
            assertThat(onlyRun(store).message()).contains("SIGTERM", "step " + saved.position().step());
        }

        StringWriter log = new StringWriter();
        assertThat(igc(log, train(dir, "--resume"))).as(log.toString()).isZero();
        assertThat(log.toString()).contains("continuing at epoch " + saved.position().epoch());
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            RunRecord run = onlyRun(store);
            assertThat(run.status()).isEqualTo("done");
            assertThat(store.epochs(run.id())).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aRunKilledWhileTheStoreIsLockedAtAnEpochsEndResumes(@TempDir Path dir) throws Exception {
        Path ck = dir.resolve("ck");
        try (ChildJvm child = ChildJvm.igc(dir, train(dir));
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("r.db"));
             Statement lock = other.createStatement()) {
            child.await(() -> child.printed("step 1/"), "its first step");
            lock.execute("PRAGMA busy_timeout = 30000");
            lock.execute("BEGIN IMMEDIATE");
            // the training reaches the end of epoch 1, saves its checkpoint, and waits for the store: kill it there
            child.await(() -> new Checkpoint(ck).state().map(s -> s.epochsDone() >= 1).orElse(false), "the end of epoch 1");
            child.process().destroyForcibly();
            child.process().waitFor();
            lock.execute("ROLLBACK");
        }
        assertThat(crashReports(dir)).isEmpty();
        // the process is gone: the next command that opens the store says so instead of leaving the run 'running' forever
        StringWriter results = new StringWriter();
        assertThat(igc(results, "results", "--store", dir.resolve("r.db").toString())).isZero();
        assertThat(results.toString()).contains("was still marked running; interrupted: its process (pid", "is gone", " interrupted ");
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            RunRecord run = onlyRun(store);
            assertThat(run.status()).isEqualTo(ResultStore.INTERRUPTED);
            // the window the checkpoint order must survive: epoch 1 is in the checkpoint, not in the store
            assertThat(store.epochs(run.id())).isEmpty();
            assertThat(new Checkpoint(ck).state().orElseThrow().epochsDone()).isPositive();
        }

        StringWriter log = new StringWriter();
        assertThat(igc(log, train(dir, "--resume"))).as(log.toString()).isZero();
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            RunRecord run = onlyRun(store);
            assertThat(run.status()).isEqualTo("done");
            assertThat(store.epochs(run.id())).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
        }
        try (Stream<Path> files = Files.list(ck)) {
            // only the last snapshot is kept once the store has every epoch
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("igc-0003.optimizer", "igc-0003.params", "state.json");
        }
    }

    @Test
    void resumeWithoutACheckpointAsksForRestart(@TempDir Path dir) {
        StringWriter log = new StringWriter();
        assertThat(igc(log, train(dir, "--resume"))).isEqualTo(IgcCli.INVALID);
        assertThat(log.toString()).contains("--resume: " + dir.resolve("ck") + " holds no checkpoint", "pass --restart");
        assertThat(log.toString().lines()).noneMatch(l -> l.startsWith("\tat "));
    }
}
