package org.igclab.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.report.SweepView;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;

/** Latency objectives {@code latency_b<N>}: a latency measured under interference (noisy) is shown marked and never ranked. */
class MeasuredObjectiveTest {

    /** Six designs (width 8, 16, 32 x depth 5, 8); row i is design i, and parameters grow with the width. */
    private static Sweep sweep() {
        Space s = SpaceJsonTest.cifar("{\"type\": \"dwsep\"}", "\"grid\": {\"width\": [8, 16, 32], \"depth\": [5, 8]}");
        return Sweep.run(s, ProgressListener.NONE);
    }

    private static Measurement latency(double b1, boolean noisy, double b32) {
        return new Measurement(List.of(new Measurement.Latency(1, b1, b1 * 0.02, noisy), new Measurement.Latency(32, b32, b32 * 0.02, false)),
                null, 1, false);
    }

    /** Design 0 has the fewest parameters and, noisy, the lowest batch-1 latency: taken at face value it would dominate. */
    private static Sweep measured() {
        return sweep().withMeasurements(Map.of(
                0L, latency(0.5, true, 40), 1L, latency(3, false, 50), 2L, latency(2, false, 60),
                3L, latency(4, false, 70), 4L, latency(5, false, 80), 5L, latency(6, false, 90)));
    }

    @Test
    void aNoisyLatencyIsNeverRankedAsGood() {
        Sweep sweep = measured();
        List<Objective> objectives = Objective.parseList("params,latency_b1", List.of());
        assertThat(sweep.rows().get(0).figures().params()).isLessThan(sweep.rows().get(2).figures().params());
        assertThat(Objective.unranked(sweep, objectives).stream().toArray()).containsExactly(0);
        BitSet front = Objective.front(sweep, objectives);
        assertThat(front.get(0)).isFalse();
        // without design 0, design 1 (fewer parameters) and design 2 (faster) trade off; the rest are dominated by design 2
        assertThat(front.stream().toArray()).containsExactly(1, 2);
        // the same design's quiet batch-32 latency is ranked as usual: there it is the best
        BitSet b32 = Objective.front(sweep, Objective.parseList("params,latency_b32", List.of()));
        assertThat(b32.stream().toArray()).containsExactly(0);
        assertThat(Objective.unranked(sweep, Objective.parseList("params,latency_b32", List.of())).isEmpty()).isTrue();
    }

    @Test
    void aBatchThatWasNotMeasuredRanksNothing() {
        Sweep sweep = measured();
        List<Objective> b8 = Objective.parseList("params,latency_b8", List.of());
        assertThat(Objective.front(sweep, b8).isEmpty()).isTrue();
        assertThat(Objective.unranked(sweep, b8).cardinality()).isEqualTo(6);
    }

    @Test
    void theViewsMarkNoisyLatencyAndSayWhatTheFrontLeavesOut() throws IOException {
        Sweep sweep = measured();
        List<Objective> objectives = Objective.parseList("params,latency_b1", List.of());
        SweepView.Options o = new SweepView.Options("space.json", objectives, Objective.front(sweep, objectives), false, false);
        String text = SweepView.text(sweep, o);
        assertThat(text).contains("# noisy: the latency of 1 designs was measured under interference")
                .contains("1 passing designs are left out of the Pareto front").contains("0.50 noisy").contains("b32 ms");
        JsonNode json = JsonFields.MAPPER.readTree(SweepView.json(sweep, o));
        assertThat(json.at("/counts/unranked").asInt()).isEqualTo(1);
        JsonNode first = json.get("designs").get(0);
        assertThat(first.at("/measured/latency/b1/noisy").asBoolean()).isTrue();
        assertThat(first.at("/measured/latency/b32/medianMs").asDouble()).isEqualTo(40);
        assertThat(first.get("pareto").asBoolean()).isFalse();
        String csv = SweepView.csv(sweep, o);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("latency_b1_ms,latency_b1_noisy,latency_b32_ms,latency_b32_noisy,accuracy");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(",0.5,true,40.0,false,");
    }
}
