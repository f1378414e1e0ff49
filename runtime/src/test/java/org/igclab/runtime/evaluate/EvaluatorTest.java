package org.igclab.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.igclab.runtime.store.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluations in DJL of a small chain: what the report and its JSON say about each timing. Whether the machine is
 * busy is not for a test to know, so the interference rule is fixed to one no timing can fail, or one none can pass.
 */
class EvaluatorTest {
    /** Judges every timing quiet. */
    static final InterferenceRule NEVER_NOISY = new InterferenceRule(0, 1, false);
    /** Judges every timing noisy: no pass has its thread on a processor for an infinite share of its time. */
    static final InterferenceRule ALWAYS_NOISY = new InterferenceRule(Double.POSITIVE_INFINITY, 0, false);

    static Design chain() throws Exception {
        return DesignFiles.read(Path.of("..", "samples", "chains", "igcv1-l4m2.json"));
    }

    /** Batch 1 and 2 on an 8x8 input; 6 to 8 timed passes (6 give a 95% interval), no time cap to speak of. */
    static EvaluationSettings small(InterferenceRule rule) {
        EvaluationSettings d = EvaluationSettings.defaults();
        return d.withBatches(List.of(1, 2)).withResolution(8).withInterference(rule)
                .withTiming(d.timing().withMaxWarmup(5).withRuns(6, 8).withMaxSeconds(600).withAttempts(2));
    }

    @Test
    void theReportStatesThreadsBatchSpreadIntervalAndTheVerdict() throws Exception {
        EvaluationSettings settings = small(NEVER_NOISY);
        EvaluationReport report = Evaluator.evaluate(chain(), settings, ProgressListener.NONE, () -> false);
        assertThat(report.latency()).extracting(LatencyStats::batch).containsExactly(1, 2);
        for (LatencyStats l : report.latency()) {
            assertThat(l.threads()).isEqualTo(1);
            assertThat(l.interopThreads()).isPositive();
            assertThat(l.runs()).isBetween(6, 8);
            assertThat(l.halfWidthMs()).isFinite().isNotNegative();
            assertThat(l.p10Ms()).isLessThanOrEqualTo(l.medianMs());
            assertThat(l.medianMs()).isLessThanOrEqualTo(l.p90Ms());
            assertThat(l.interference().verdict()).isEqualTo(Interference.Verdict.QUIET);
            assertThat(l.attempts()).isEqualTo(1);
        }
        assertThat(report.engine()).contains("1 intra-op and");
        JsonNode json = JsonFields.MAPPER.readTree(JsonFields.pretty(EvaluationView.json(report, settings)));
        assertThat(json.get("noisy").asBoolean()).isFalse();
        JsonNode first = json.get("latency").get(0);
        assertThat(first.get("threads").asInt()).isEqualTo(1);
        assertThat(first.get("batch").asInt()).isEqualTo(1);
        assertThat(first.get("halfWidthMs").isNumber()).isTrue();
        assertThat(first.get("halfWidthPercent").asDouble()).isEqualTo(100 * first.get("halfWidthMs").asDouble() / first.get("medianMs").asDouble());
        assertThat(first.get("noisy").asBoolean()).isFalse();
        assertThat(first.has("cpuShare")).isTrue();
        assertThat(first.has("loadBefore")).isTrue();
        assertThat(first.get("stop").asText()).isIn("target met", "run cap");
        assertThat(json.at("/settings/timing/target").asDouble()).isEqualTo(0.03);
        String text = EvaluationView.text(report, settings);
        assertThat(text).contains("1 intra-op and").contains("half-width").doesNotContain("noisy:");
        assertThat(text.lines().filter(l -> l.startsWith("auto ")).toList()).hasSize(2).allMatch(l -> l.contains(" 1+") && l.strip().endsWith("quiet"));
    }

    @Test
    void aNoisyTimingIsRepeatedThenStoredMarked(@TempDir Path dir) throws Exception {
        EvaluationSettings settings = small(ALWAYS_NOISY);
        EvaluationReport report;
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            report = StoredEvaluation.runAndStore(chain(), settings, store, ProgressListener.NONE);
            RunRecord run = store.list(new RunQuery(StoredEvaluation.KIND, null, "done", 0)).get(0);
            assertThat(run.noisy()).isTrue();
            assertThat(run.latency()).hasSize(2).allMatch(l -> l.interference().noisy() && l.attempts() == 2);
        }
        assertThat(report.noisy()).isTrue();
        assertThat(EvaluationView.text(report, settings)).contains("noisy: auto batch 1, after 2 attempts")
                .contains("left out of Pareto fronts and charts");
        JsonNode json = EvaluationView.json(report, settings);
        assertThat(json.get("noisy").asBoolean()).isTrue();
        assertThat(json.at("/latency/1/noisy").asBoolean()).isTrue();
        assertThat(json.at("/latency/1/reason").asText()).contains("passes had the timing thread on a processor less than");
    }

    @Test
    void aDesignTooLargeForMemoryIsRefusedBeforeAnythingIsAllocated(@TempDir Path dir) throws Exception {
        Design resnet = DesignFiles.read(Path.of("..", "samples", "networks", "resnet18.json"));
        EvaluationSettings huge = EvaluationSettings.defaults().withBatches(List.of(1, 1_000_000));
        assertThatThrownBy(() -> Evaluator.evaluate(resnet, huge, ProgressListener.NONE, () -> false))
                .isInstanceOf(MemoryLimitException.class).hasMessageStartingWith("batch 1000000: the design needs about")
                .hasMessageContaining("of this machine's");
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            assertThatThrownBy(() -> StoredEvaluation.runAndStore(resnet, huge, store, ProgressListener.NONE)).isInstanceOf(MemoryLimitException.class);
            assertThat(store.list(new RunQuery(null, null, null, 0))).as("a refused design leaves no run behind").isEmpty();
        }
    }

    @Test
    void theMemoryEstimateIsParametersPlusActivationsTimesBatch() throws Exception {
        NetworkCost cost = CostModel.of(Evaluator.network(DesignFiles.read(Path.of("..", "samples", "networks", "resnet18.json")),
                EvaluationSettings.defaults()));
        long perImage = 4 * (cost.activations() + 3L * 224 * 224);
        MemoryEstimate e = MemoryEstimate.of(cost, 10, 1L << 40);
        assertThat(e.parameterBytes()).isEqualTo(4 * cost.params().total());
        assertThat(e.perImageBytes()).isEqualTo(perImage);
        assertThat(e.bytes()).isEqualTo(4 * cost.params().total() + 10 * perImage);
        assertThat(e.fits()).isTrue();
        assertThat(MemoryEstimate.of(cost, 10, 2 * e.bytes()).fits()).isTrue();
        assertThat(MemoryEstimate.of(cost, 10, 2 * e.bytes() - 2).fits()).isFalse();
        assertThat(MemoryEstimate.of(cost, Integer.MAX_VALUE, Long.MAX_VALUE / 4).bytes()).isPositive();
        assertThat(MemoryEstimate.bytesText(3 * 1024L * 1024 * 1024 / 2)).isEqualTo("1.5 GiB");
    }
}
