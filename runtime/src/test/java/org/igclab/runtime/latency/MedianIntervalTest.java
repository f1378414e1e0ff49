package org.igclab.runtime.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The order-statistic interval of the median, on synthetic samples. */
class MedianIntervalTest {

    private static double[] oneTo(int n) {
        return IntStream.rangeClosed(1, n).asDoubleStream().toArray();
    }

    @Test
    void ranksAreTheBinomialTablesOnes() {
        // the largest k with 2 P(B <= k - 1) <= 0.05 for B ~ Bin(n, 1/2): published tables give these
        assertThat(MedianInterval.rank(5, 0.05)).isZero();
        assertThat(MedianInterval.rank(6, 0.05)).isEqualTo(1);
        assertThat(MedianInterval.rank(10, 0.05)).isEqualTo(2);
        assertThat(MedianInterval.rank(20, 0.05)).isEqualTo(6);
        assertThat(MedianInterval.rank(100, 0.05)).isEqualTo(40);
    }

    @Test
    void intervalOfAKnownSample() {
        // shuffled 1..20: the interval is [X_(6), X_(15)] = [6, 15] whatever the order
        double[] sample = {20, 3, 17, 8, 1, 12, 5, 19, 10, 14, 2, 16, 7, 11, 18, 4, 13, 9, 15, 6};
        MedianInterval m = MedianInterval.of(sample, 0.95);
        assertThat(m.median()).isEqualTo(10.5);
        assertThat(m.lower()).isEqualTo(6);
        assertThat(m.upper()).isEqualTo(15);
        assertThat(m.halfWidth()).isEqualTo(4.5);
        assertThat(m.relativeHalfWidth()).isCloseTo(4.5 / 10.5, within(1e-12));
        // 1 - 2 P(B <= 5) for n = 20: 1 - 2 * 21700 / 2^20
        assertThat(m.coverage()).isCloseTo(1 - 2 * 21_700.0 / (1 << 20), within(1e-12));
        assertThat(sample[0]).as("the sample is not sorted in place").isEqualTo(20);
    }

    @Test
    void tooFewTimingsHaveNoInterval() {
        MedianInterval five = MedianInterval.of(oneTo(5), 0.95);
        assertThat(five.exists()).isFalse();
        assertThat(five.median()).isEqualTo(3);
        assertThat(five.halfWidth()).isInfinite();
        MedianInterval six = MedianInterval.of(oneTo(6), 0.95);
        assertThat(six.exists()).isTrue();
        assertThat(six.lower()).isEqualTo(1);
        assertThat(six.upper()).isEqualTo(6);
        assertThat(MedianInterval.of(new double[0], 0.95).exists()).isFalse();
    }

    @Test
    void coversTheTrueMedianOfASkewedDistributionAtLeastAsOftenAsPromised() {
        // log-normal timings (skewed, like real ones): true median exp(mu)
        Random random = new Random(7);
        double mu = Math.log(20);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] sample = new double[25];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = Math.exp(mu + 0.3 * random.nextGaussian());
            }
            MedianInterval m = MedianInterval.of(sample, 0.95);
            covered += m.lower() <= 20 && 20 <= m.upper() ? 1 : 0;
        }
        // the interval's exact coverage at n = 25 is 0.957; allow three binomial standard errors below it
        double exact = MedianInterval.of(new double[25], 0.95).coverage();
        assertThat(exact).isGreaterThanOrEqualTo(0.95);
        assertThat((double) covered / trials).isGreaterThan(exact - 3 * Math.sqrt(exact * (1 - exact) / trials));
    }
}
