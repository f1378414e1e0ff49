package org.igclab.analyzer.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igclab.analyzer.plan.Strategy.DESIGNED;
import static org.igclab.analyzer.plan.Strategy.FOLDED;
import static org.igclab.analyzer.plan.Strategy.MERGED;

import java.util.List;
import java.util.Map;
import org.igclab.analyzer.plan.AutoSelection.RunTimes;
import org.igclab.analyzer.plan.AutoSelection.Selection;
import org.igclab.analyzer.plan.AutoSelection.Timed;
import org.junit.jupiter.api.Test;

/** auto's choice on synthetic timing tables: no clock involved. */
class AutoSelectionTest {

    private static Timed ms(double median, double halfWidth) {
        return new Timed(median, halfWidth);
    }

    @Test
    void eachRunTakesItsFastestWhenTheCandidatesAreApart() {
        List<RunTimes> runs = List.of(
                new RunTimes(12, Map.of(DESIGNED, ms(15.8, 0.3), FOLDED, ms(12.4, 0.3), MERGED, ms(9.7, 0.2))),
                new RunTimes(12, Map.of(DESIGNED, ms(6.0, 0.1), FOLDED, ms(4.0, 0.1), MERGED, ms(5.0, 0.1))));
        Selection s = AutoSelection.select(runs);
        assertThat(s.perRun()).containsExactly(MERGED, FOLDED);
        assertThat(s.tied()).containsExactly(false, false);
        assertThat(s.predicted()).containsEntry(MERGED, 12 * 9.7 + 12 * 5.0).containsEntry(FOLDED, 12 * 12.4 + 12 * 4.0);
        assertThat(s.uniform()).contains(MERGED);
        assertThat(s.predictedPerRun(runs)).isEqualTo(12 * 9.7 + 12 * 4.0);
    }

    @Test
    void candidatesWithinEachOthersIntervalsAreDecidedByTheStrategyTheWholeNetworkFavours() {
        // the third stage's folded is faster alone by 2%, inside the intervals: merged, which wins the network, is kept
        List<RunTimes> runs = List.of(
                new RunTimes(12, Map.of(DESIGNED, ms(15.8, 0.4), FOLDED, ms(12.4, 0.3), MERGED, ms(9.7, 0.3))),
                new RunTimes(12, Map.of(DESIGNED, ms(8.0, 0.2), FOLDED, ms(7.0, 0.2), MERGED, ms(5.5, 0.2))),
                new RunTimes(12, Map.of(DESIGNED, ms(4.6, 0.1), FOLDED, ms(3.92, 0.1), MERGED, ms(4.0, 0.1))));
        Selection s = AutoSelection.select(runs);
        assertThat(s.perRun()).containsExactly(MERGED, MERGED, MERGED);
        assertThat(s.tied()).containsExactly(false, false, true);
        assertThat(s.uniform()).contains(MERGED);
    }

    @Test
    void aClearWinnerAloneIsKeptEvenAgainstTheNetworksFavourite() {
        List<RunTimes> runs = List.of(
                new RunTimes(12, Map.of(DESIGNED, ms(15.8, 0.4), MERGED, ms(9.7, 0.3))),
                new RunTimes(1, Map.of(DESIGNED, ms(3.0, 0.05), MERGED, ms(3.5, 0.05))));
        Selection s = AutoSelection.select(runs);
        assertThat(s.perRun()).containsExactly(MERGED, DESIGNED);
        assertThat(s.tied()).containsExactly(false, false);
    }

    @Test
    void aStrategyUnusableForSomeRunIsNeverPredictedForTheWholeNetworkAndARunWithNothingUsableRunsAsDesigned() {
        List<RunTimes> runs = List.of(
                new RunTimes(2, Map.of(DESIGNED, ms(10, 0), MERGED, ms(5, 0))),
                new RunTimes(3, Map.of(DESIGNED, ms(4, 0), FOLDED, ms(3, 0))),
                new RunTimes(1, Map.of()));
        Selection s = AutoSelection.select(runs);
        assertThat(s.predicted()).isEmpty();
        assertThat(s.uniform()).isEmpty();
        assertThat(s.perRun()).containsExactly(MERGED, FOLDED, DESIGNED);
    }

    @Test
    void anUnknownHalfWidthCountsAsNone() {
        assertThat(ms(3, Double.NaN).halfWidthMs()).isZero();
        List<RunTimes> runs = List.of(new RunTimes(1, Map.of(DESIGNED, ms(3.0, Double.NaN), FOLDED, ms(3.01, Double.NaN))));
        assertThat(AutoSelection.select(runs).perRun()).containsExactly(DESIGNED);
        assertThat(AutoSelection.select(runs).tied()).containsExactly(false);
    }
}
