package org.igclab.runtime.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.junit.jupiter.api.Test;

/** How the latency bench combines a design's rounds: the fastest quiet round stands for it; rounds agree or do not. */
class AccuracyBenchTest {
    private static AccuracyBench.Result timed(String name, double ms, boolean noisy) {
        Interference verdict = new Interference(noisy ? Interference.Verdict.NOISY : Interference.Verdict.QUIET, 1, 0, 1, 0, 0, 2,
                noisy ? "busy" : "");
        LatencyStats stats = new LatencyStats("designed", 1, 1, 1, 5, true, 20, ms, ms, ms, ms / 100, Stop.TARGET_MET, 1, verdict);
        return new AccuracyBench.Result(name, 1000, 10.0, 9.0, stats, 10.0, ms);
    }

    @Test
    void theFastestQuietRoundStandsForADesign() {
        AccuracyBench.Result slowQuiet = timed("a", 14.0, false);
        AccuracyBench.Result fastQuiet = timed("a", 11.0, false);
        AccuracyBench.Result fastestNoisy = timed("a", 9.0, true);
        assertThat(AccuracyBench.fastest(List.of(slowQuiet, fastestNoisy, fastQuiet))).isSameAs(fastQuiet);
        assertThat(AccuracyBench.fastest(List.of(timed("a", 12, true), fastestNoisy))).isSameAs(fastestNoisy);
        assertThat(AccuracyBench.fastest(List.of(fastQuiet)).error()).isCloseTo(10.0 / 11 - 1, org.assertj.core.api.Assertions.within(1e-12));
        assertThatThrownBy(() -> AccuracyBench.fastest(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsAgreeWhenTheSlowestIsWithinTheToleranceOfTheFastest() {
        assertThat(AccuracyBench.repeatable(List.of(timed("a", 10.0, false), timed("a", 10.9, false)), 0.10)).isTrue();
        assertThat(AccuracyBench.repeatable(List.of(timed("a", 10.0, false), timed("a", 11.2, false)), 0.10)).isFalse();
        assertThat(AccuracyBench.repeatable(List.of(timed("a", 10.0, false)), 0.10)).as("one round proves nothing").isFalse();
    }

    @Test
    void roundsRegroupByDesignAndARoundStoppedEarlyKeepsWhatItReached() {
        List<AccuracyBench.Result> first = List.of(timed("a", 1, false), timed("b", 2, false), timed("c", 3, false));
        List<AccuracyBench.Result> second = List.of(timed("a", 1.5, false));
        List<List<AccuracyBench.Result>> byDesign = AccuracyBench.byDesign(List.of(first, second));
        assertThat(byDesign).hasSize(3);
        assertThat(byDesign.get(0)).containsExactly(first.get(0), second.get(0));
        assertThat(byDesign.get(2)).containsExactly(first.get(2));
        assertThat(AccuracyBench.byDesign(List.of())).isEmpty();
    }
}
