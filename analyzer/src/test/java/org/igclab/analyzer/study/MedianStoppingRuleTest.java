package org.igclab.analyzer.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianStoppingRuleTest {
    private final MedianStoppingRule rule = new MedianStoppingRule(1, 3);
    private final List<double[]> earlier = List.of(new double[] {0.50, 0.70, 0.80}, new double[] {0.40, 0.60, 0.75},
            new double[] {0.45, 0.65, 0.70}, new double[] {0.30, 0.62});

    @Test
    void belowTheMedianAtTheSameEpochStops() {
        // epoch 2: earlier 0.70, 0.60, 0.65, 0.62 -> median 0.635
        var d = rule.judge(2, 0.63, earlier);
        assertThat(d).isPresent();
        assertThat(d.get().median()).isEqualTo(0.635, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.get().trials()).isEqualTo(4);
        assertThat(d.get().describe()).contains("epoch 2", "63.00%", "63.50%", "4 earlier trials");
        assertThat(rule.judge(2, 0.64, earlier)).isEmpty();
    }

    @Test
    void notDuringTheWarmUp() {
        assertThat(rule.judge(1, 0.0, earlier)).isEmpty();
        assertThat(new MedianStoppingRule(0, 3).judge(1, 0.0, earlier)).isPresent();
    }

    @Test
    void notWithFewerEarlierTrialsThanTheMinimumAtThatEpoch() {
        // only three curves reach epoch 3 (median 0.75): enough for 3, not for 4
        assertThat(rule.judge(3, 0.5, earlier)).isPresent();
        assertThat(new MedianStoppingRule(1, 4).judge(3, 0.5, earlier)).isEmpty();
        assertThat(rule.judge(2, 0.1, List.of())).isEmpty();
    }

    @Test
    void medianOfOddAndEven() {
        assertThat(MedianStoppingRule.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(MedianStoppingRule.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
