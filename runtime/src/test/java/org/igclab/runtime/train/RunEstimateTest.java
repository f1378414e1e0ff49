package org.igclab.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunEstimateTest {
    final RunEstimate run = new RunEstimate(10, 100, 20);

    @Test
    void theWholeRunIsCountedTestPassesIncluded() {
        // epoch 3, 40 steps done: 60 + 7 x 100 steps left, and the test passes of epochs 3..10
        assertThat(run.secondsLeft(3, 40, 0, 0.5, 0.2)).isCloseTo(760 * 0.5 + 8 * 20 * 0.2, within(1e-9));
        // during epoch 3's test pass, 5 of its batches done
        assertThat(run.secondsLeft(3, 100, 5, 0.5, 0.2)).isCloseTo(700 * 0.5 + (8 * 20 - 5) * 0.2, within(1e-9));
        assertThat(run.secondsLeft(10, 100, 20, 0.5, 0.2)).isZero();
    }

    @Test
    void untimedTestBatchesAreAThirdOfAStep() {
        assertThat(run.secondsLeft(10, 100, 0, 0.6, Double.NaN)).isCloseTo(20 * 0.2, within(1e-9));
        assertThat(run.secondsLeft(1, 0, 0, Double.NaN, Double.NaN)).isNaN();
        // resumed at epoch 9's test pass: its steps are inferred from its test batches
        assertThat(run.secondsLeft(9, 100, 10, Double.NaN, 0.2)).isCloseTo(100 * 0.6 + 30 * 0.2, within(1e-9));
    }

    @Test
    void timesReadAsHoursMinutesSeconds() {
        assertThat(RunEstimate.hms(0)).isEqualTo("0:00:00");
        assertThat(RunEstimate.hms(59.6)).isEqualTo("0:01:00");
        assertThat(RunEstimate.hms(3 * 3600 + 25 * 60 + 7)).isEqualTo("3:25:07");
        assertThat(RunEstimate.hms(125 * 3600)).isEqualTo("125:00:00");
        assertThat(RunEstimate.hms(Double.NaN)).isEqualTo("-:--:--");
    }
}
