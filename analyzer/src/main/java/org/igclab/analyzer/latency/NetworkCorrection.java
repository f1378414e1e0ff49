package org.igclab.analyzer.latency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * From the sum of a network's operations priced one by one to the network's latency: {@code measured = a * sum + b *
 * operations + c}, fitted by least squares of the relative error over the whole networks a calibration timed
 * ({@link CalibrationNetworks}). A network runs slower than its operations timed alone (the next operation reads an
 * output, and weights, no longer in the cache the lone timing kept them in; each block adds the engine's dispatch): the
 * factor {@code a} takes what grows with the work, {@code b} what each operation adds, {@code c} what a pass adds.
 *
 * <p>Every term is non-negative (an operation cannot save time, nor a pass): a term whose least-squares value is
 * negative is dropped and the others fitted again (an active-set fit). An unconstrained fit traded a large factor
 * against negative per-operation and constant terms, which changed from one calibration to the next on the same
 * machine (1.44, -0.0071 ms, -0.032 ms, then 1.34, -0.0054 ms, -0.193 ms) and put small networks 20% to 45% low. And
 * a network whose time the others' fit misses by far more than they miss each other (one ran 2.09 times its sum where
 * the others ran 0.99 to 1.30 times theirs, and 1.2 times when timed again) is left out as an outlier, named.
 *
 * @param perSum       {@code a}: milliseconds of network per millisecond of summed operations
 * @param perOperation {@code b}: milliseconds each operation adds
 * @param constantMs   {@code c}: milliseconds a pass adds
 * @param networks     the networks it was fitted on
 * @param outliers     the networks left out as outliers, by name
 */
public record NetworkCorrection(double perSum, double perOperation, double constantMs, int networks, List<String> outliers) {
    /** Networks a three-term fit needs at least (twice its terms); with fewer, only the factor is fitted. */
    static final int MIN_NETWORKS = 6;
    /** Leave-one-out error beyond which a network may be an outlier: this many times the networks' median error ... */
    static final double OUTLIER_TIMES_MEDIAN = 3;
    /** ... and at least this relative error. */
    static final double OUTLIER_LEAST = 0.10;

    public NetworkCorrection {
        outliers = List.copyOf(outliers);
    }

    /**
     * One timed network.
     *
     * @param name       its name
     * @param sumMs      its operations' predictions summed
     * @param operations how many operations (and joins) that sum has
     * @param measuredMs its measured median
     */
    public record Sample(String name, double sumMs, int operations, double measuredMs) {
    }

    /** The network's latency from its operations' sum. */
    public double apply(double sumMs, int operations) {
        return perSum * sumMs + perOperation * operations + constantMs;
    }

    /**
     * The fit over {@code samples}, outliers left out (at most a fifth of them, the worst first, while there are at least
     * {@link #MIN_NETWORKS}); empty without samples.
     */
    public static Optional<NetworkCorrection> fit(List<Sample> samples) {
        List<Sample> kept = new ArrayList<>(samples.stream().filter(s -> s.sumMs() > 0 && s.measuredMs() > 0).toList());
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        List<String> outliers = new ArrayList<>();
        int mostLeftOut = kept.size() / 5;
        while (outliers.size() < mostLeftOut && kept.size() > MIN_NETWORKS) {
            double[] errors = leaveOneOutOf(kept);
            double median = new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(abs(errors));
            int worst = IntStream.range(0, errors.length).boxed().max(Comparator.comparingDouble(i -> Math.abs(errors[i]))).orElseThrow();
            if (Math.abs(errors[worst]) <= Math.max(OUTLIER_TIMES_MEDIAN * median, OUTLIER_LEAST)) {
                break;
            }
            outliers.add(kept.remove(worst).name());
        }
        NetworkCorrection c = nonNegative(kept);
        return Optional.of(new NetworkCorrection(c.perSum(), c.perOperation(), c.constantMs(), kept.size(), outliers));
    }

    /**
     * Leave-one-out over the samples, nothing timed: each predicted by the fit over the others (outliers left out of
     * that fit as {@link #fit} leaves them out); the errors (predicted over measured, minus one) in the samples' order.
     */
    public static double[] leaveOneOut(List<Sample> samples) {
        double[] errors = new double[samples.size()];
        for (int i = 0; i < errors.length; i++) {
            List<Sample> others = new ArrayList<>(samples);
            Sample left = others.remove(i);
            errors[i] = fit(others).map(c -> c.apply(left.sumMs(), left.operations())).orElse(left.sumMs()) / left.measuredMs() - 1;
        }
        return errors;
    }

    /** Leave-one-out with the plain non-negative fit, no outliers left out: what finds the outliers. */
    private static double[] leaveOneOutOf(List<Sample> samples) {
        double[] errors = new double[samples.size()];
        for (int i = 0; i < errors.length; i++) {
            List<Sample> others = new ArrayList<>(samples);
            Sample left = others.remove(i);
            errors[i] = nonNegative(others).apply(left.sumMs(), left.operations()) / left.measuredMs() - 1;
        }
        return errors;
    }

    private static double[] abs(double[] values) {
        return java.util.Arrays.stream(values).map(Math::abs).toArray();
    }

    /**
     * Least squares of the relative error with every term non-negative: all three terms where there are at least
     * {@link #MIN_NETWORKS} samples, else the factor alone; a term fitted negative is dropped (the most negative first)
     * and the rest fitted again. The factor alone is always positive (the samples' sums and times are).
     */
    static NetworkCorrection nonNegative(List<Sample> samples) {
        boolean[] active = {true, samples.size() >= MIN_NETWORKS, samples.size() >= MIN_NETWORKS};
        while (true) {
            double[] b = relativeLeastSquares(samples, active);
            int mostNegative = -1;
            for (int j = 0; j < b.length; j++) {
                if (b[j] < 0 && (mostNegative < 0 || b[j] < b[mostNegative])) {
                    mostNegative = j;
                }
            }
            if (mostNegative < 0) {
                return new NetworkCorrection(b[0], b[1], b[2], samples.size(), List.of());
            }
            active[mostNegative] = false;
        }
    }

    /**
     * Rows divided by the measured time, regressed on 1 without an intercept: least squares of the relative error, over
     * the active terms (sum, operations, constant); inactive ones are 0. The factor alone in closed form
     * ({@code a = sum(r) / sum(r^2)}, {@code r = sum / measured}), as also where the design matrix is singular.
     */
    private static double[] relativeLeastSquares(List<Sample> samples, boolean[] active) {
        int terms = (int) IntStream.range(0, active.length).filter(j -> active[j]).count();
        if (terms > 1) {
            double[] y = new double[samples.size()];
            double[][] x = new double[samples.size()][];
            for (int i = 0; i < x.length; i++) {
                Sample s = samples.get(i);
                double[] row = {s.sumMs() / s.measuredMs(), s.operations() / s.measuredMs(), 1 / s.measuredMs()};
                x[i] = IntStream.range(0, active.length).filter(j -> active[j]).mapToDouble(j -> row[j]).toArray();
                y[i] = 1;
            }
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.setNoIntercept(true);
            try {
                ols.newSampleData(y, x);
                double[] fitted = ols.estimateRegressionParameters();
                double[] b = new double[active.length];
                for (int j = 0, k = 0; j < active.length; j++) {
                    b[j] = active[j] ? fitted[k++] : 0;
                }
                return b;
            } catch (MathIllegalArgumentException e) {
                // a singular design matrix: the factor alone
            }
        }
        double num = 0;
        double den = 0;
        for (Sample s : samples) {
            double r = s.sumMs() / s.measuredMs();
            num += r;
            den += r * r;
        }
        return new double[] {num / den, 0, 0};
    }

    /**
     * {@code 1.180 x the operations' sum + 0.0120 ms per operation + 0.300 ms, fitted on 14 whole networks the calibration
     * timed (1 left out as an outlier: network igcv2 K4 L4 C128 D17)}.
     */
    public String describe() {
        return String.format("%.3f x the operations' sum + %.4f ms per operation + %.3f ms, fitted on %d whole networks the calibration timed%s",
                perSum, perOperation, constantMs, networks,
                outliers.isEmpty() ? "" : " (" + outliers.size() + " left out as outlier" + (outliers.size() == 1 ? "" : "s") + ": "
                        + String.join(", ", outliers) + ")");
    }
}
