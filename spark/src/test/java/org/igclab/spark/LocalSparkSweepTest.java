package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.RequiresDebian;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A trained sweep on an embedded local[2] master gives what the same sweep gives in-process, stored once per design. */
@Tag("spark")
@RequiresDebian(DebianPackages.FASHION_MNIST)
// a guard against a hung Spark job, far above what these take even on a loaded machine (not a speed goal)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class LocalSparkSweepTest {

    @Test
    void eightDesignsOnLocal2EqualTheInProcessSweepAndAreStoredOnce(@TempDir Path dir) {
        Path alone = dir.resolve("in-process.db");
        Path spark = dir.resolve("spark.db");
        IgcCli.Captured inProcess = SparkTests.sweep("--store", alone.toString(),
                "--checkpoint-root", dir.resolve("ck-alone").toString());
        assertThat(inProcess.code()).as(inProcess.err()).isZero();
        IgcCli.Captured onSpark = SparkTests.sweep("--store", spark.toString(),
                "--checkpoint-root", dir.resolve("ck-spark").toString(), "--master", "local[2]");
        assertThat(onSpark.code()).as(onSpark.err()).isZero();
        assertThat(onSpark.err()).contains("spark: 0 of 8 designs already in", "8 of 8 done, 0 running, 0 failed");

        Map<String, RunRecord> expected = SparkTests.assertEachDesignDoneOnce(alone, 8);
        Map<String, RunRecord> actual = SparkTests.assertEachDesignDoneOnce(spark, 8);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        try (ResultStore a = ResultStore.open(alone); ResultStore b = ResultStore.open(spark)) {
            expected.forEach((hash, want) -> {
                RunRecord got = actual.get(hash);
                assertThat(got.designName()).isEqualTo(want.designName());
                assertThat(got.settingsHash()).isEqualTo(want.settingsHash());
                assertThat(got.params()).isEqualTo(want.params());
                assertThat(got.engineParams()).as("engine parameters of " + want.designName()).isEqualTo(want.engineParams());
                assertThat(got.accuracy()).as("accuracy of " + want.designName()).isEqualTo(want.accuracy());
                // the same seeds give the same weights and the same steps: the loss agrees to the last bit too
                List<Double> wantLoss = a.epochs(want.id()).stream().map(EpochRecord::trainLoss).toList();
                assertThat(b.epochs(got.id()).stream().map(EpochRecord::trainLoss).toList()).isEqualTo(wantLoss).hasSize(1);
                assertThat(got.machine()).startsWith("executor driver (");
                assertThat(got.resultJson()).contains("\"spark\"", "\"executor\" : \"driver\"");
            });
        }

        // run again: every design is found in the store, nothing is submitted, nothing is stored twice
        IgcCli.Captured again = SparkTests.sweep("--store", spark.toString(),
                "--checkpoint-root", dir.resolve("ck-spark").toString(), "--master", "local[2]");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("spark: 8 of 8 designs already in");
        SparkTests.assertEachDesignDoneOnce(spark, 8);
    }
}
