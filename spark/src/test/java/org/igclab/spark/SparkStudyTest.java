package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.study.MedianStoppingRule;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.RequiresDebian;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.study.StudyStore;
import org.igclab.runtime.study.TrialRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code igc study run --master local[2]}: each batch of trials one Spark job, through the sweep's machinery. */
@Tag("spark")
// a guard against a hung Spark job (not a speed goal)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SparkStudyTest {
    private static final String SPACE = """
            {"format": "igc-space/1", "name": "tiny chains",
             "template": {"format": "igc-network/1", "input": {"channels": "${C}", "size": 8},
                          "layers": [{"type": "igcv2", "groupSizes": [1, "${K}", "${C / K}"]}]},
             "grid": {"C": [16, 32], "K": [2, 4, 5]}}""";

    @Test
    void aLatencyStudyOnLocal2StoresEachTrialOnceAndRunsOnExecutors(@TempDir Path dir) throws Exception {
        Path space = dir.resolve("space.json");
        Files.writeString(space, SPACE);
        String store = dir.resolve("r.db").toString();
        assertThat(IgcCli.capture("study", "create", "s", "--space", space.toString(), "--objectives", "latency_b1,params",
                "--store", store).code()).isZero();
        String[] run = {"study", "run", "s", "--trials", "4", "--sampler", "grid", "--master", "local[2]", "--store", store,
            "--min-runs", "3", "--max-runs", "5", "--warmup", "1", "--max-seconds", "2", "--attempts", "1"};
        IgcCli.Captured first = IgcCli.capture(run);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("spark: 0 of 3 designs already in", "3 to measure on local[2]", "1 to measure on local[2]");
        try (ResultStore db = ResultStore.open(Path.of(store))) {
            List<RunRecord> runs = db.list(new RunQuery("evaluate", null, null, 0));
            assertThat(runs).hasSize(4).allMatch(r -> r.status().equals("done") && r.machine().startsWith("executor driver ("));
        }
        JsonNode shown = JsonFields.MAPPER.readTree(IgcCli.capture("study", "show", "s", "--json", "--store", store).out());
        assertThat(shown.get("counts").get("done").asInt()).isEqualTo(4);
        assertThat(shown.get("counts").get("invalid").asInt()).as("C=16 K=5; the grid stopped before C=32 K=5").isEqualTo(1);
        // again: the grid has nothing left; nothing is submitted or stored twice
        IgcCli.Captured again = IgcCli.capture(run);
        assertThat(again.out()).contains("0 measured", "no design left");
        try (ResultStore db = ResultStore.open(Path.of(store))) {
            assertThat(db.list(new RunQuery("evaluate", null, null, 0))).hasSize(4);
        }
    }

    /**
     * Trainings on Spark apply the median stopping rule on the executors against the curves of the trials measured
     * before their batch: the second run's trials are judged by the first run's four curves, and a pruned run comes
     * back to the store {@code pruned} with the curve it had, once.
     */
    @Test
    @RequiresDebian(DebianPackages.FASHION_MNIST)
    void trainingTrialsOfALaterBatchArePrunedOnTheExecutors(@TempDir Path dir) throws Exception {
        String store = dir.resolve("r.db").toString();
        assertThat(IgcCli.capture("study", "create", "t", "--space", "../samples/spaces/fashion-tiny.json", "--objectives",
                "accuracy:max,params", "--store", store).code()).isZero();
        String[] run = {"study", "run", "t", "--trials", "4", "--sampler", "grid", "--master", "local[2]", "--epochs", "3",
            "--limit-train", "512", "--limit-test", "256", "--data-dir", DebianPackages.fashionMnist().toString(), "--prune-warmup", "1",
            "--prune-min-trials", "2", "--store", store, "--checkpoint-root", dir.resolve("ckpt").toString()};
        IgcCli.Captured first = IgcCli.capture(run);
        assertThat(first.code()).as(first.err()).isZero();
        IgcCli.Captured second = IgcCli.capture(run);
        assertThat(second.code()).as(second.err()).isZero();
        MedianStoppingRule rule = new MedianStoppingRule(1, 2);
        try (ResultStore db = ResultStore.open(Path.of(store))) {
            StudyStore studies = new StudyStore(db);
            List<TrialRecord> trials = studies.trials(studies.find("t").orElseThrow().id());
            assertThat(trials).hasSize(8);
            assertThat(db.list(new RunQuery("train", null, null, 0))).hasSize(8);
            List<double[]> firstCurves = new ArrayList<>();
            for (TrialRecord t : trials.subList(0, 4)) {
                assertThat(t.status()).as("nothing earlier to compare with in the first batch").isEqualTo(TrialRecord.DONE);
                firstCurves.add(db.epochs(t.runs().get(0)).stream().mapToDouble(EpochRecord::testAccuracy).toArray());
            }
            for (TrialRecord t : trials.subList(4, 8)) {
                RunRecord r = db.get(t.runs().get(0)).orElseThrow();
                double[] curve = db.epochs(r.id()).stream().mapToDouble(EpochRecord::testAccuracy).toArray();
                if (t.status().equals(TrialRecord.PRUNED)) {
                    assertThat(r.status()).isEqualTo(ResultStore.PRUNED);
                    assertThat(curve).hasSize(2);
                    assertThat(rule.judge(2, curve[1], firstCurves)).isPresent();
                    assertThat(t.reason()).startsWith("pruned after epoch 2");
                } else {
                    assertThat(r.status()).isEqualTo("done");
                    assertThat(curve).hasSize(3);
                    assertThat(rule.judge(2, curve[1], firstCurves)).isEmpty();
                }
            }
            assertThat(trials.subList(4, 8)).anyMatch(t -> t.status().equals(TrialRecord.PRUNED));
        }
    }
}
