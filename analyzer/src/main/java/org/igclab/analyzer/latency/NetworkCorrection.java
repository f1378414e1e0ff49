package org.igclab.analyzer.latency;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * From the sum of a network's operations priced one by one to the network's latency: {@code measured = a * sum + b *
 * operations + c}, fitted by least squares of the relative error over the whole networks a calibration timed
 * ({@link CalibrationNetworks}). A network runs slower than its operations timed alone (the next operation reads an
 * output, and weights, no longer in the cache the lone timing kept them in; each block adds the engine's dispatch): the
 * factor {@code a} takes what grows with the work, {@code b} what each operation adds, {@code c} what a pass adds.
 *
 * @param perSum       {@code a}: milliseconds of network per millisecond of summed operations
 * @param perOperation {@code b}: milliseconds each operation adds
 * @param constantMs   {@code c}: milliseconds a pass adds
 * @param networks     the networks it was fitted on
 */
public record NetworkCorrection(double perSum, double perOperation, double constantMs, int networks) {
    /** Networks a three-term fit needs at least (twice its terms); with fewer, only the factor is fitted. */
    static final int MIN_NETWORKS = 6;

    /**
     * One timed network.
     *
     * @param sumMs      its operations' predictions summed
     * @param operations how many operations (and joins) that sum has
     * @param measuredMs its measured median
     */
    public record Sample(double sumMs, int operations, double measuredMs) {
    }

    /** The network's latency from its operations' sum. */
    public double apply(double sumMs, int operations) {
        return perSum * sumMs + perOperation * operations + constantMs;
    }

    /**
     * The fit over {@code samples}: three terms where there are at least {@link #MIN_NETWORKS} samples and the fit is a
     * sound one (a positive factor, every sample predicted positive), else the factor alone; empty without samples.
     */
    public static Optional<NetworkCorrection> fit(List<Sample> samples) {
        List<Sample> usable = samples.stream().filter(s -> s.sumMs() > 0 && s.measuredMs() > 0).toList();
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        if (usable.size() >= MIN_NETWORKS) {
            Optional<NetworkCorrection> full = threeTerms(usable).filter(c -> c.perSum() > 0
                    && usable.stream().allMatch(s -> c.apply(s.sumMs(), s.operations()) > 0));
            if (full.isPresent()) {
                return full;
            }
        }
        // the factor alone, by least squares of the relative error: a = sum(r) / sum(r^2), r = sum / measured
        double num = 0;
        double den = 0;
        for (Sample s : usable) {
            double r = s.sumMs() / s.measuredMs();
            num += r;
            den += r * r;
        }
        return Optional.of(new NetworkCorrection(num / den, 0, 0, usable.size()));
    }

    /**
     * Leave-one-out over the samples, nothing timed: each predicted by the fit over the others; the errors (predicted over
     * measured, minus one) in the samples' order.
     */
    public static double[] leaveOneOut(List<Sample> samples) {
        double[] errors = new double[samples.size()];
        for (int i = 0; i < errors.length; i++) {
            List<Sample> others = new java.util.ArrayList<>(samples);
            Sample left = others.remove(i);
            errors[i] = fit(others).map(c -> c.apply(left.sumMs(), left.operations())).orElse(left.sumMs()) / left.measuredMs() - 1;
        }
        return errors;
    }

    /** Rows divided by the measured time, regressed on 1 without an intercept: least squares of the relative error. */
    private static Optional<NetworkCorrection> threeTerms(List<Sample> samples) {
        int n = samples.size();
        double[] y = new double[n];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            y[i] = 1;
            x[i] = new double[] {s.sumMs() / s.measuredMs(), s.operations() / s.measuredMs(), 1 / s.measuredMs()};
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        try {
            ols.newSampleData(y, x);
            double[] b = ols.estimateRegressionParameters();
            return Optional.of(new NetworkCorrection(b[0], b[1], b[2], n));
        } catch (MathIllegalArgumentException e) { // a singular design matrix: the factor alone then
            return Optional.empty();
        }
    }

    /** {@code 1.180 x the operations' sum + 0.0120 ms per operation + 0.300 ms, fitted on 14 whole networks}. */
    public String describe() {
        return String.format("%.3f x the operations' sum %s %.4f ms per operation %s %.3f ms, fitted on %d whole networks the calibration timed",
                perSum, perOperation < 0 ? "-" : "+", Math.abs(perOperation), constantMs < 0 ? "-" : "+", Math.abs(constantMs), networks);
    }
}
