package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.RequiresDebian;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code igc sweep --master local[2]} (a driver JVM of its own whose tasks run inside it): the job is
 * cancelled, the training in flight stops at a step and keeps its checkpoint, what arrived is stored, the driver
 * exits 130 with a one-line summary; the same command then finishes the sweep, every design stored once.
 */
@Tag("spark")
@RequiresDebian(DebianPackages.FASHION_MNIST)
// a guard against a hung Spark job, far above what these take even on a loaded machine (not a speed goal)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SparkInterruptionTest {
    static final Duration LIMIT = Duration.ofMinutes(4);

    @Test
    void ctrlCOnALocalMasterStopsItsTasksKeepsWhatArrivedAndTheSameCommandFinishesTheSweep(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("r.db");
        Path checkpoints = dir.resolve("ck");
        String[] where = {"--store", store.toString(), "--master", "local[2]", "--checkpoint-root", checkpoints.toString()};
        List<RunRecord> before;
        Set<SparkTests.ScratchRun> stopped;
        try (JavaProcess driver = SparkTests.sweepProcess("driver", dir, SparkTests.LONGER_TRAIN, where)) {
            before = interruptMidTraining(driver, "INT", store, checkpoints);
            stopped = interrupted(checkpoints);
        }
        assertThat(SparkTests.crashReports(dir)).isEmpty();

        IgcCli.Captured again = IgcCli.capture(args(where));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("spark: " + before.size() + " of 8 designs already in");
        assertEveryDesignOnceKeeping(store, before);
        // a design stopped in the middle continued from its checkpoint, as the same run of its scratch store
        assertThat(SparkTests.scratchRuns(checkpoints)).filteredOn(r -> stopped.stream().anyMatch(s -> s.folder().equals(r.folder())))
                .hasSameSizeAs(stopped)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo("done");
                    assertThat(stopped).anySatisfy(s -> assertThat(s.id()).isEqualTo(r.id()));
                });
    }

    private static String[] args(String... where) {
        return java.util.stream.Stream.of(List.of("sweep", SparkTests.SPACE.toString()), SparkTests.LONGER_TRAIN, List.of(where))
                .flatMap(List::stream).toArray(String[]::new);
    }

    /**
     * Sends {@code kill -SIGNAL} to a sweep once a design is stored and the training of another has just begun, and checks
     * what the driver left: exit 130 with its summary, only whole runs in its store (some, not all), and no task's
     * scratch run left running, the stopped training's stored as interrupted. Returns the runs stored.
     */
    static List<RunRecord> interruptMidTraining(JavaProcess driver, String signal, Path store, Path checkpoints) throws Exception {
        Set<Path> runningBefore = new HashSet<>();
        long[] firstStoredAt = {0};
        driver.await("a design stored and another's training begun", LIMIT, () -> {
            if (SparkTests.done(store) == 0) {
                return false;
            }
            Set<Path> running = SparkTests.scratchRuns(checkpoints).stream().filter(r -> r.status().equals(ResultStore.RUNNING))
                    .map(SparkTests.ScratchRun::folder).collect(Collectors.toSet());
            if (firstStoredAt[0] == 0) {
                // trainings already running when the first design was stored may be about to end: wait for a new one
                firstStoredAt[0] = System.nanoTime();
                runningBefore.addAll(running);
                return false;
            }
            // a task's scratch store can be unreadable while its training writes to it: a second after the first design
            // was stored the next trainings have begun (each takes seconds), whether or not their stores could be read
            return !runningBefore.containsAll(running) || System.nanoTime() - firstStoredAt[0] > TimeUnit.SECONDS.toNanos(1);
        });
        driver.signal(signal);
        assertThat(driver.waitFor(LIMIT)).as(driver.tail()).isEqualTo(IgcCli.INTERRUPTED);
        assertThat(driver.log()).contains("igc sweep: interrupted (SIG" + signal + "): ", " of 8 designs stored in ",
                "the same command continues the sweep").doesNotContain("internal error");

        List<RunRecord> stored = SparkTests.runs(store);
        assertThat(stored).extracting(RunRecord::status).containsOnly("done");
        assertThat(stored).hasSizeBetween(1, 7);
        assertThat(SparkTests.scratchRuns(checkpoints)).extracting(SparkTests.ScratchRun::status)
                .doesNotContain(ResultStore.RUNNING).contains(ResultStore.INTERRUPTED);
        return stored;
    }

    static Set<SparkTests.ScratchRun> interrupted(Path checkpoints) {
        return SparkTests.scratchRuns(checkpoints).stream().filter(r -> r.status().equals(ResultStore.INTERRUPTED)).collect(Collectors.toSet());
    }

    /** Every design is stored once, and the runs stored before the interruption are those kept. */
    static void assertEveryDesignOnceKeeping(Path store, List<RunRecord> before) {
        Map<String, RunRecord> after = SparkTests.assertEachDesignDoneOnce(store, 8);
        for (RunRecord kept : before) {
            assertThat(after.get(kept.designHash()).id()).as("the run stored before the interruption is kept").isEqualTo(kept.id());
        }
        // rows are written whole by the driver, which owns them
        assertThat(after.values()).allSatisfy(r -> assertThat(r.pid()).isNotNull());
    }
}
