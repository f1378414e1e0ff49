package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.RequiresDebian;
import org.igclab.runtime.store.RunRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep on a real standalone cluster on 127.0.0.1 (a master and two workers, each its own JVM), with the driver a
 * JVM of its own running {@code igc sweep --master spark://...}: a worker killed with kill -9 while tasks run, the
 * driver killed mid-sweep and run again, and the driver stopped by SIGTERM while an executor trains and run again;
 * every design ends up stored exactly once.
 */
@Tag("spark")
@RequiresDebian(DebianPackages.FASHION_MNIST)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// a guard against a hung Spark job, far above what these take even on a loaded machine (not a speed goal)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class StandaloneClusterTest {
    private static final Duration SWEEP_LIMIT = Duration.ofMinutes(4);

    @TempDir
    static Path dir;

    private static LoopbackCluster cluster;
    private static final List<JavaProcess> drivers = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        cluster = LoopbackCluster.start(dir, 2);
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (JavaProcess d : drivers) {
            d.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** {@code igc sweep} on the cluster, as a JVM of its own (so that it can be killed). */
    private static JavaProcess driver(String name, Path store, List<String> train) throws IOException {
        // checkpoints per store: a design trained for another store is not resumed from its checkpoint here
        JavaProcess d = SparkTests.sweepProcess(name, dir, train, "--store", store.toString(), "--master", cluster.url(),
                "--checkpoint-root", checkpoints(store).toString());
        drivers.add(d);
        return d;
    }

    private static Path checkpoints(Path store) {
        return dir.resolve("checkpoints-" + store.getFileName());
    }

    /** A driver started, once it has stored {@code designs} designs. */
    private static JavaProcess driverUntil(String name, Path store, int designs) throws IOException, InterruptedException {
        JavaProcess d = driver(name, store, SparkTests.TRAIN);
        d.await(designs + " designs stored", SWEEP_LIMIT, () -> SparkTests.done(store) >= designs);
        return d;
    }

    @Test
    @Order(1)
    void aWorkerKilledWhileTasksRunLosesNoDesignAndStoresNoneTwice() throws Exception {
        Path store = dir.resolve("worker-killed.db");
        JavaProcess sweep = driverUntil("driver-1", store, 1);
        cluster.worker(2).kill();
        assertThat(sweep.waitFor(SWEEP_LIMIT)).as(sweep.tail()).isZero();
        SparkTests.assertEachDesignDoneOnce(store, 8);
        assertThat(sweep.log()).contains("8 of 8 done");
    }

    @Test
    @Order(2)
    void aDriverKilledMidSweepAndRunAgainStoresEveryDesignOnce() throws Exception {
        Path store = dir.resolve("driver-killed.db");
        driverUntil("driver-2", store, 2).kill();
        // what the killed driver stored is whole: done runs only, and not all of them
        List<RunRecord> before = SparkTests.runs(store);
        assertThat(before).extracting(RunRecord::status).containsOnly("done");
        assertThat(before).hasSizeBetween(2, 7);

        JavaProcess again = driver("driver-3", store, SparkTests.TRAIN);
        assertThat(again.waitFor(SWEEP_LIMIT)).as(again.tail()).isZero();
        assertThat(again.log()).contains("spark: " + before.size() + " of 8 designs already in");
        Map<String, RunRecord> after = SparkTests.assertEachDesignDoneOnce(store, 8);
        for (RunRecord kept : before) {
            assertThat(after.get(kept.designHash()).id()).as("the run stored before the kill is kept").isEqualTo(kept.id());
        }
    }

    @Test
    @Order(3)
    void aDriverStoppedBySigtermStopsTheExecutorsTasksAndTheSameCommandFinishesTheSweep() throws Exception {
        Path store = dir.resolve("driver-stopped.db");
        List<RunRecord> before = SparkInterruptionTest.interruptMidTraining(driver("driver-4", store, SparkTests.LONGER_TRAIN), "TERM",
                store, checkpoints(store));
        assertThat(SparkTests.crashReports(dir)).isEmpty();

        JavaProcess again = driver("driver-5", store, SparkTests.LONGER_TRAIN);
        assertThat(again.waitFor(SWEEP_LIMIT)).as(again.tail()).isZero();
        assertThat(again.log()).contains("spark: " + before.size() + " of 8 designs already in");
        SparkInterruptionTest.assertEveryDesignOnceKeeping(store, before);
    }
}
