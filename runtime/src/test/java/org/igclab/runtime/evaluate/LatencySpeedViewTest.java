package org.igclab.runtime.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.igclab.runtime.latency.TimingPolicy;
import org.junit.jupiter.api.Test;

/** The machine's speed against its reference wherever a timing is shown with its load. */
class LatencySpeedViewTest {

    private static LatencyStats timed(double probeMs, double referenceMs) {
        Interference i = new Interference(Interference.Verdict.QUIET, 0.99, 0, 1, 0.4, 0.5, 2, "", probeMs, referenceMs);
        return new LatencyStats("designed", 1, 1, 1, 10, true, 20, 5.0, 4.9, 5.2, 0.1, Stop.TARGET_MET, 1, i);
    }

    @Test
    void theTableAndTheJsonShowTheProbeAgainstItsFloor() {
        LatencyStats l = timed(0.2272, 0.16);
        assertThat(LatencyView.cells(l).get(LatencyView.HEADERS.indexOf(">speed"))).isEqualTo("1.42x");
        assertThat(LatencyView.json(l).get("slowdown").asDouble()).isEqualTo(0.2272 / 0.16);
        assertThat(LatencyView.json(l).get("referenceMs").asDouble()).isEqualTo(0.16);
        LatencyStats unprobed = timed(Double.NaN, 0.16);
        assertThat(LatencyView.cells(unprobed).get(LatencyView.HEADERS.indexOf(">speed"))).isEqualTo("-");
        assertThat(LatencyView.json(unprobed).get("slowdown").isNull()).isTrue();
        assertThat(LatencyView.method(TimingPolicy.defaults(), InterferenceRule.defaults()))
                .contains("took more than 1.20x its fastest").contains("waiting up to 30 s");
        assertThat(LatencyView.method(TimingPolicy.defaults(), new InterferenceRule(0.9, 20_000, 0.2, true))).doesNotContain("reference");
    }
}
