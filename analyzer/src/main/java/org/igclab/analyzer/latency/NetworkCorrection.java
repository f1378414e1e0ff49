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
 * <p>Two forms are fitted: that one, and that one plus {@code w * max(0, written - knee)} with {@code written} the MiB a
 * pass writes (every output of a pass is kept until it ends, so past the caches' size the next operation's reads miss
 * them: measured in context, networks writing under 2 MiB ran 0.84-1.00 times their sum, those past 27 MiB 1.23-1.47
 * times) and the knee one of {@link #KNEES_MIB}. The form kept is the one with the smallest leave-one-out error over the
 * calibration's networks (never over designs), the plain one unless a knee cuts that error by
 * {@link #KNEE_LEAST_GAIN}.
 *
 * @param perSum        {@code a}: milliseconds of network per millisecond of summed operations
 * @param perOperation  {@code b}: milliseconds each operation adds
 * @param constantMs    {@code c}: milliseconds a pass adds
 * @param perWrittenMiB {@code w}: milliseconds each MiB written past the knee adds (0 in the plain form)
 * @param kneeMiB       the knee in MiB written per pass; NaN in the plain form
 * @param networks      the networks it was fitted on
 * @param outliers      the networks left out as outliers, by name
 */
public record NetworkCorrection(double perSum, double perOperation, double constantMs, double perWrittenMiB, double kneeMiB,
                                int networks, List<String> outliers) {
    /** Networks a three-term fit needs at least (twice its terms); with fewer, only the factor is fitted. */
    static final int MIN_NETWORKS = 6;
    /** Leave-one-out error beyond which a network may be an outlier: this many times the networks' median error ... */
    static final double OUTLIER_TIMES_MEDIAN = 3;
    /** ... and at least this relative error. */
    static final double OUTLIER_LEAST = 0.10;
    /** The knees tried, in MiB written per pass: around a core's L2 (1 MiB here) up to half the L3 (32 MiB here). */
    public static final List<Double> KNEES_MIB = List.of(2.0, 4.0, 8.0, 16.0);
    /** A knee is kept only where it cuts the plain form's leave-one-out error (root mean square) by this share. */
    static final double KNEE_LEAST_GAIN = 0.05;
    /** ... and by at least this much (relative error): on exact data both errors are rounding, and so is their ratio. */
    static final double KNEE_LEAST_CUT = 0.001;
    /** Networks a fit with the written-bytes term needs at least (twice its four terms). */
    static final int MIN_NETWORKS_KNEE = 8;
    private static final double MIB = 1024.0 * 1024.0;

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
     * @param writtenMiB MiB a pass of the calibration's batch writes ({@link LatencyPrediction#writtenBytes})
     */
    public record Sample(String name, double sumMs, int operations, double measuredMs, double writtenMiB) {
        /** A network whose written bytes are not known (counted as none). */
        public Sample(String name, double sumMs, int operations, double measuredMs) {
            this(name, sumMs, operations, measuredMs, 0);
        }
    }

    /** The plain form: no written-bytes term. */
    public NetworkCorrection(double perSum, double perOperation, double constantMs, int networks, List<String> outliers) {
        this(perSum, perOperation, constantMs, 0, Double.NaN, networks, outliers);
    }

    /** The network's latency from its operations' sum, their count and the bytes a pass writes. */
    public double apply(double sumMs, int operations, double writtenBytes) {
        return perSum * sumMs + perOperation * operations + constantMs + perWrittenMiB * pastKnee(writtenBytes / MIB, kneeMiB);
    }

    /** Whether the written-bytes term was kept. */
    public boolean hasKnee() {
        return !Double.isNaN(kneeMiB);
    }

    private static double pastKnee(double writtenMiB, double kneeMiB) {
        return Double.isNaN(kneeMiB) ? 0 : Math.max(0, writtenMiB - kneeMiB);
    }

    private double apply(Sample s) {
        return apply(s.sumMs(), s.operations(), s.writtenMiB() * MIB);
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
        NetworkCorrection c = nonNegative(kept, bestKnee(kept));
        return Optional.of(new NetworkCorrection(c.perSum(), c.perOperation(), c.constantMs(), c.perWrittenMiB(), c.kneeMiB(), kept.size(), outliers));
    }

    /**
     * The knee whose form has the smallest leave-one-out error (root mean square) over {@code samples}, NaN for the plain
     * form: a knee must cut the plain form's error by {@link #KNEE_LEAST_GAIN} and {@link #KNEE_LEAST_CUT}, and needs {@link #MIN_NETWORKS_KNEE}
     * networks.
     */
    static double bestKnee(List<Sample> samples) {
        double best = Double.NaN;
        if (samples.size() < MIN_NETWORKS_KNEE) {
            return best;
        }
        double plain = rms(leaveOneOutOf(samples, Double.NaN));
        double bestError = Math.min((1 - KNEE_LEAST_GAIN) * plain, plain - KNEE_LEAST_CUT);
        for (double knee : KNEES_MIB) {
            double error = rms(leaveOneOutOf(samples, knee));
            if (error < bestError) {
                best = knee;
                bestError = error;
            }
        }
        return best;
    }

    private static double rms(double[] errors) {
        return Math.sqrt(java.util.Arrays.stream(errors).map(e -> e * e).average().orElse(0));
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
            errors[i] = fit(others).map(c -> c.apply(left)).orElse(left.sumMs()) / left.measuredMs() - 1;
        }
        return errors;
    }

    /** Leave-one-out with the plain non-negative fit, no outliers left out: what finds the outliers. */
    private static double[] leaveOneOutOf(List<Sample> samples) {
        return leaveOneOutOf(samples, Double.NaN);
    }

    /** Leave-one-out with the non-negative fit of the form with this knee (NaN: the plain form), no outliers left out. */
    private static double[] leaveOneOutOf(List<Sample> samples, double kneeMiB) {
        double[] errors = new double[samples.size()];
        for (int i = 0; i < errors.length; i++) {
            List<Sample> others = new ArrayList<>(samples);
            Sample left = others.remove(i);
            errors[i] = nonNegative(others, kneeMiB).apply(left) / left.measuredMs() - 1;
        }
        return errors;
    }

    private static double[] abs(double[] values) {
        return java.util.Arrays.stream(values).map(Math::abs).toArray();
    }

    /**
     * Least squares of the relative error with every term non-negative: all three terms where there are at least
     * {@link #MIN_NETWORKS} samples, else the factor alone, and the written-bytes term past {@code kneeMiB} (NaN: none)
     * where some sample writes past it; a term fitted negative is dropped (the most negative first) and the rest fitted
     * again. The factor alone is always positive (the samples' sums and times are).
     */
    static NetworkCorrection nonNegative(List<Sample> samples, double kneeMiB) {
        boolean enough = samples.size() >= MIN_NETWORKS;
        boolean[] active = {true, enough, enough, enough && samples.stream().anyMatch(s -> pastKnee(s.writtenMiB(), kneeMiB) > 0)};
        while (true) {
            double[] b = relativeLeastSquares(samples, active, kneeMiB);
            int mostNegative = -1;
            for (int j = 0; j < b.length; j++) {
                if (b[j] < 0 && (mostNegative < 0 || b[j] < b[mostNegative])) {
                    mostNegative = j;
                }
            }
            if (mostNegative < 0) {
                return new NetworkCorrection(b[0], b[1], b[2], b[3], active[3] ? kneeMiB : Double.NaN, samples.size(), List.of());
            }
            active[mostNegative] = false;
        }
    }

    /**
     * Rows divided by the measured time, regressed on 1 without an intercept: least squares of the relative error, over
     * the active terms (sum, operations, constant, MiB written past the knee); inactive ones are 0. The factor alone in
     * closed form ({@code a = sum(r) / sum(r^2)}, {@code r = sum / measured}), as also where the design matrix is singular.
     */
    private static double[] relativeLeastSquares(List<Sample> samples, boolean[] active, double kneeMiB) {
        int terms = (int) IntStream.range(0, active.length).filter(j -> active[j]).count();
        if (terms > 1) {
            double[] y = new double[samples.size()];
            double[][] x = new double[samples.size()][];
            for (int i = 0; i < x.length; i++) {
                Sample s = samples.get(i);
                double[] row = {s.sumMs() / s.measuredMs(), s.operations() / s.measuredMs(), 1 / s.measuredMs(),
                    pastKnee(s.writtenMiB(), kneeMiB) / s.measuredMs()};
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
        return new double[] {num / den, 0, 0, 0};
    }

    /**
     * {@code 1.180 x the operations' sum + 0.0120 ms per operation + 0.300 ms + 0.050 ms per MiB written past 8 MiB a
     * pass, fitted on 14 whole networks the calibration timed (1 left out as an outlier: network igcv2 K4 L4 C128 D17)};
     * the knee part only where leave-one-out chose it, else {@code (no written-bytes term: no knee cut the leave-one-out
     * error)}.
     */
    public String describe() {
        return String.format("%.3f x the operations' sum + %.4f ms per operation + %.3f ms%s, fitted on %d whole networks the calibration timed%s",
                perSum, perOperation, constantMs,
                hasKnee() ? String.format(" + %.4f ms per MiB written past %.0f MiB a pass (knee chosen by leave-one-out)", perWrittenMiB, kneeMiB)
                        : " (no written-bytes term: no knee cut the leave-one-out error)",
                networks,
                outliers.isEmpty() ? "" : " (" + outliers.size() + " left out as outlier" + (outliers.size() == 1 ? "" : "s") + ": "
                        + String.join(", ", outliers) + ")");
    }
}
