package org.igclab.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.plan.CandidateResult;
import org.igclab.runtime.plan.Execution;
import org.igclab.runtime.plan.PlanOutcome;
import org.igclab.runtime.plan.RunChoice;
import org.junit.jupiter.api.Test;

/** An evaluation under several executions: each checked against the design, timed, and reported with its plan. */
class PlannedEvaluationTest {

    @Test
    void eachExecutionIsCheckedTimedAndReportedAndAutoKeepsEachRunsFastestCandidateOrTheFasterWholeNetwork() throws Exception {
        EvaluationSettings settings = EvaluatorTest.small(EvaluatorTest.NEVER_NOISY).withBatches(List.of(2))
                .withExecutions(List.of(Execution.DESIGNED, Execution.MERGED, Execution.DENSE, Execution.AUTO));
        EvaluationReport report = Evaluator.evaluate(DesignFiles.read(Path.of("..", "samples", "networks", "fashion-igcv2-small.json")),
                settings, ProgressListener.NONE, () -> false);
        assertThat(report.consistent()).isTrue();
        assertThat(report.latency()).extracting(LatencyStats::execution).containsExactly("designed", "merged", "dense", "auto");
        assertThat(report.plans()).extracting(PlanOutcome::execution).containsExactly(Execution.DESIGNED, Execution.MERGED, Execution.DENSE,
                Execution.AUTO);
        assertThat(report.plans()).allSatisfy(p -> assertThat(p.agreement().agrees()).isTrue());
        assertThat(report.plans().get(2).agreement().scale()).as("a real comparison").isPositive();
        PlanOutcome auto = report.plans().get(3);
        assertThat(auto.runs()).isNotEmpty();
        boolean uniformKept = auto.versus().filter(PlanOutcome.Versus::uniformKept).isPresent();
        for (RunChoice run : auto.runs().stream().filter(r -> r.candidates().size() > 1).toList()) {
            assertThat(run.candidates()).extracting(CandidateResult::strategy).startsWith(Strategy.DESIGNED);
            CandidateResult fastest = run.candidates().stream().filter(CandidateResult::usable)
                    .min(Comparator.comparingDouble(CandidateResult::medianMs)).orElseThrow();
            CandidateResult executed = run.candidates().stream().filter(c -> c.steps().equals(run.steps())).findFirst().orElseThrow();
            if (uniformKept) {
                assertThat(run.chosen()).isEqualTo(auto.versus().orElseThrow().uniform());
            } else {
                // the fastest, or one within its interval, decided by the whole network
                assertThat(executed.medianMs() - executed.latency().orElseThrow().halfWidthMs())
                        .isLessThanOrEqualTo(fastest.medianMs() + fastest.latency().orElseThrow().halfWidthMs());
            }
        }
        PlanOutcome.Layouts layouts = auto.layouts().orElseThrow();
        assertThat(auto.layout()).isEqualTo(layouts.kept());
        assertThat(auto.latency().orElseThrow().medianMs()).isEqualTo(Math.min(layouts.nchwMs(), layouts.channelsLastMs()));
        // the plan was chosen in NCHW: the per-run choice against the uniform one is that layout's
        auto.versus().ifPresent(v -> assertThat(layouts.nchwMs()).isEqualTo(Math.min(v.perRunMs(), v.uniformMs())));
        assertThat(report.plans().get(1).runs()).allSatisfy(r -> assertThat(r.chosen()).isEqualTo(Strategy.MERGED));
        assertThat(report.headline(2)).map(LatencyStats::execution).contains("auto");

        String text = EvaluationView.text(report, settings);
        assertThat(text).contains("plan auto, batch 2, " + auto.layout().label() + ": agrees").containsPattern("plan merged, batch 2, \\S+: agrees")
                .contains(layouts.describe()).containsPattern("\\d\\*");
        JsonNode json = JsonFields.MAPPER.readTree(JsonFields.pretty(EvaluationView.json(report, settings)));
        assertThat(json.at("/plans/3/execution").asText()).isEqualTo("auto");
        assertThat(json.at("/plans/3/runs/0/candidates/0/latency/medianMs").isNumber()).isTrue();
        assertThat(json.at("/plans/3/agreement/agrees").asBoolean()).isTrue();
        assertThat(json.at("/plans/3/layout").asText()).isEqualTo(auto.layout().label());
        assertThat(json.at("/plans/3/layouts/kept").asText()).isEqualTo(layouts.kept().label());
    }
}
