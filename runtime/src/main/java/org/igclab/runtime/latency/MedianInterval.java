package org.igclab.runtime.latency;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * A distribution-free confidence interval for the median of timings: the order-statistic (binomial) interval
 * {@code [X_(k), X_(n-k+1)]} of the sorted sample, with {@code k} the largest rank such that
 * {@code 2 * P(B <= k - 1) <= 1 - confidence} for {@code B ~ Binomial(n, 1/2)}. Its coverage is at least
 * {@code confidence} whatever the timings' distribution (skewed, heavy-tailed, with outliers), which a
 * normal-theory interval cannot promise. With fewer than 6 timings no 95% interval exists: {@link #exists()} is
 * false and the half-width infinite.
 *
 * @param n          timings
 * @param median     their median (the mean of the two middle ones when {@code n} is even)
 * @param lower      the interval's lower end, {@code X_(k)}
 * @param upper      its upper end, {@code X_(n-k+1)}
 * @param coverage   the interval's exact coverage, {@code 1 - 2 P(B <= k - 1)} (at least the confidence asked)
 */
public record MedianInterval(int n, double median, double lower, double upper, double coverage) {

    /** The interval of the timings at this confidence (e.g. 0.95). */
    public static MedianInterval of(double[] samples, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence = " + confidence + " must be between 0 and 1");
        }
        int n = samples.length;
        if (n == 0) {
            return new MedianInterval(0, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double median = new Median().evaluate(sorted);
        int k = rank(n, 1 - confidence);
        if (k == 0) {
            return new MedianInterval(n, median, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0);
        }
        double coverage = 1 - 2 * tail(n, k - 1);
        return new MedianInterval(n, median, sorted[k - 1], sorted[n - k], coverage);
    }

    /** The largest rank {@code k >= 1} whose interval has two-sided error at most {@code alpha}; 0 when none. */
    static int rank(int n, double alpha) {
        int k = 0;
        // P(B <= k) grows with k; k stays below the median rank, so the interval never inverts
        while (k + 1 <= (n + 1) / 2 && 2 * tail(n, k) <= alpha) {
            k++;
        }
        return k;
    }

    /** {@code P(B <= k)} for {@code B ~ Binomial(n, 1/2)}. */
    private static double tail(int n, int k) {
        return new BinomialDistribution(null, n, 0.5).cumulativeProbability(k);
    }

    public boolean exists() {
        return n > 0 && Double.isFinite(lower) && Double.isFinite(upper);
    }

    /** Half the interval's width: {@code (upper - lower) / 2}; infinite when there is no interval. */
    public double halfWidth() {
        return exists() ? (upper - lower) / 2 : Double.POSITIVE_INFINITY;
    }

    /** The half-width as a share of the median. */
    public double relativeHalfWidth() {
        return exists() && median > 0 ? halfWidth() / median : Double.POSITIVE_INFINITY;
    }
}
