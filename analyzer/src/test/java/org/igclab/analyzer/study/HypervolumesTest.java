package org.igclab.analyzer.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HypervolumesTest {
    private static final double[] ZERO2 = {0, 0};
    private static final double[] ONE2 = {1, 1};

    @Test
    void oneSquareIsItsArea() {
        assertThat(Hypervolumes.of(List.<double[]>of(new double[] {0.5, 0.5}), ZERO2, ONE2)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void aStaircaseInTwoDimensions() {
        // (0.25, 0.75), (0.5, 0.5), (0.75, 0.25) under (1, 1): 0.25*0.25 + 0.25*0.5 + 0.25*0.75 = 0.375
        List<double[]> front = List.of(new double[] {0.25, 0.75}, new double[] {0.5, 0.5}, new double[] {0.75, 0.25});
        assertThat(Hypervolumes.of(front, ZERO2, ONE2)).isCloseTo(0.375, within(1e-12));
    }

    @Test
    void dominatedPointsAddNothingAndNormalizationScales() {
        List<double[]> front = List.of(new double[] {25, 750}, new double[] {50, 500}, new double[] {75, 250}, new double[] {80, 900});
        assertThat(Hypervolumes.of(front, new double[] {0, 0}, new double[] {100, 1000})).isCloseTo(0.375, within(1e-12));
    }

    @Test
    void threeDimensions() {
        // two boxes from (0.5,0,0) and (0,0.5,0.5): 0.5*1*1 + 1*0.5*0.5 - overlap 0.5*0.5*0.5 = 0.625
        double[] zero = {0, 0, 0};
        double[] one = {1, 1, 1};
        List<double[]> front = List.of(new double[] {0.5, 0, 0}, new double[] {0, 0.5, 0.5});
        assertThat(Hypervolumes.of(front, zero, one)).isCloseTo(0.625, within(1e-12));
        assertThat(Hypervolumes.of(List.<double[]>of(new double[] {0, 0, 0}), zero, one)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void beyondTheNadirCountsZeroAndAnEmptyBoxIsRefused() {
        assertThat(Hypervolumes.of(List.<double[]>of(new double[] {2, 0.5}), ZERO2, ONE2)).isZero();
        assertThat(Hypervolumes.of(List.of(), ZERO2, ONE2)).isZero();
        assertThatThrownBy(() -> Hypervolumes.of(List.of(), ONE2, ONE2)).hasMessageContaining("nadir");
    }
}
