package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.runtime.store.RunRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code igc sweep} with the spark module: its options, its errors, and a latency sweep on local masters. */
@Tag("spark")
// a guard against a hung Spark job, far above what these take even on a loaded machine (not a speed goal)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SparkSweepCommandTest {

    static Path space(Path dir) throws IOException {
        return Files.writeString(dir.resolve("space.json"), RuntimeAdapterTest.SPACE);
    }

    @Test
    void theSweepCommandIsTheSparkOneAndItsHelpShowsHowToRunOnACluster() {
        IgcCli.Captured help = IgcCli.capture("sweep", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--spark", "--master=URL", "--spark-conf=KEY=VALUE", "--evaluate=WHAT", "--pareto",
                "igc sweep samples/spaces/cifar-igcv2-grid.json --pareto params,macs --front-only", "--master spark://head:7077");
    }

    @Test
    void sparkOptionsWithoutEvaluateOrWithABadValueAreInputErrors(@TempDir Path dir) throws IOException {
        String space = space(dir).toString();
        String store = dir.resolve("r.db").toString();
        IgcCli.Captured noEvaluate = IgcCli.capture("sweep", space, "--spark", "--store", store);
        assertThat(noEvaluate.code()).isEqualTo(IgcCli.INVALID);
        assertThat(noEvaluate.err()).contains("--spark applies to a measured sweep; add --evaluate latency or --evaluate train");
        IgcCli.Captured badMaster = IgcCli.capture("sweep", space, "--evaluate", "latency", "--master", "spark://head", "--store", store);
        assertThat(badMaster.code()).isEqualTo(IgcCli.INVALID);
        assertThat(badMaster.err()).contains("--master = spark://head is not a Spark master URL").doesNotContain("Exception");
        IgcCli.Captured badConf = IgcCli.capture("sweep", space, "--evaluate", "latency", "--spark-conf", "executor.memory=2g", "--store", store);
        assertThat(badConf.code()).isEqualTo(IgcCli.INVALID);
        assertThat(badConf.err()).contains("--spark-conf executor.memory is not a Spark setting");
        assertThat(dir.resolve("r.db")).doesNotExist();
    }

    @Test
    void latencyOnTwoSlotsOfOneHostIsMarkedNoisyAndOnOneSlotItIsNot(@TempDir Path dir) throws IOException {
        Path space = space(dir);
        List<String> common = List.of("sweep", space.toString(), "--evaluate", "latency", "--max-runs", "3", "--warmup", "0",
                "--attempts", "1");
        Path shared = dir.resolve("shared.db");
        IgcCli.Captured two = IgcCli.capture(args(common, "--master", "local[2]", "--store", shared.toString()));
        assertThat(two.code()).as(two.err()).isZero();
        assertThat(two.err()).contains("marked noisy", "2 of 2 done");
        List<RunRecord> runs = SparkTests.runs(shared);
        assertThat(runs).hasSize(2).allSatisfy(r -> assertThat(r.latency(1).orElseThrow().medianMs()).isPositive());
        // the two tasks start together on the two slots of one host
        assertThat(runs).anySatisfy(r -> {
            assertThat(r.resultJson()).contains("\"sharedHost\" : true");
            assertThat(r.latency()).allSatisfy(l -> assertThat(l.interference().reason()).contains("of the sweep ran on the same host"));
        });

        Path alone = dir.resolve("alone.db");
        IgcCli.Captured one = IgcCli.capture(args(common, "--master", "local[1]", "--store", alone.toString()));
        assertThat(one.code()).as(one.err()).isZero();
        // one task at a time: none shared its host (the runtime may still find the machine itself busy)
        assertThat(SparkTests.runs(alone)).hasSize(2).allSatisfy(r -> {
            assertThat(r.resultJson()).contains("\"sharedHost\" : false");
            assertThat(r.latency()).noneSatisfy(l -> assertThat(l.interference().reason()).contains("of the sweep ran on the same host"));
        });
    }

    private static String[] args(List<String> common, String... more) {
        return java.util.stream.Stream.concat(common.stream(), java.util.stream.Stream.of(more)).toArray(String[]::new);
    }
}
