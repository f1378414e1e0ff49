package org.igclab.analyzer.latency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Predicts a primitive's time from a {@link Calibration}, as nn-Meter does on kernels: a primitive the calibration
 * timed is its median; any other is a linear regression over the timed primitives of its class (same kind, and for
 * convolutions the same grouping, kernel and stride; for pools the same window), on features that say how much work
 * and memory it has (MACs, elements read and written, weights, and for grouped convolutions the per-group launches).
 * The fit minimises the relative error (each row divided by its time), with a small ridge penalty on scaled features
 * so collinear features (a channel-wise kernel's MACs are its output times k^2) do not break it; solved with Commons
 * Math's QR decomposition. A class with too few points falls back to its kind, a kind never timed to the roofline
 * bound. No prediction is below the roofline bound.
 *
 * <p>A timing taken under interference (noisy) is used only where quiet ones are missing: a noisy point where the
 * primitive has no quiet one, a fit over noisy points where its class has too few quiet ones. On a machine that was busy
 * through the whole calibration every point is noisy; the model then still predicts, and the calibration says how many of
 * its points were noisy ({@link Calibration#noisyPoints()}), which every view of a prediction prints.
 */
public final class LatencyModel implements OpLatency {
    /** Points a fit needs at least. */
    static final int MIN_POINTS = 3;
    private static final double RIDGE = 1e-6;

    private final Calibration calibration;
    private final Calibration.Clock clock;
    private final Map<String, Optional<Fit>> byClass = new HashMap<>();
    private final Map<Primitive.Kind, Optional<Fit>> byKind = new HashMap<>();

    private final Map<Primitive, Calibration.Point> timed = new HashMap<>();
    private final double peakMacsPerSecond;
    private final double peakBytesPerSecond;

    /**
     * The model of a calibration. Its peak rates are the calibration's, raised to the fastest rate any of its primitives
     * ran at: a peak measured while the machine was busy would otherwise put the bound above times actually seen.
     */
    public LatencyModel(Calibration calibration) {
        this(calibration, Calibration.Clock.WALL);
    }

    /** The model of a calibration's times by {@code clock}. */
    public LatencyModel(Calibration calibration, Calibration.Clock clock) {
        this.calibration = calibration;
        this.clock = clock;
        double macs = calibration.peakMacsPerSecond();
        double bytes = calibration.peakBytesPerSecond();
        for (Calibration.Point x : calibration.points()) {
            double seconds = x.ms(clock) / 1000;
            if (seconds > 0) {
                macs = Math.max(macs, x.primitive().macs() * calibration.batch() / seconds);
                bytes = Math.max(bytes, x.primitive().bytes(calibration.batch()) / seconds);
            }
        }
        this.peakMacsPerSecond = macs;
        this.peakBytesPerSecond = bytes;
        for (Calibration.Point x : calibration.points()) {
            Calibration.Point before = timed.get(x.primitive());
            if (before == null || before.noisy() && !x.noisy()) {
                timed.put(x.primitive(), x);
            }
        }
    }

    public Calibration calibration() {
        return calibration;
    }

    /** The multiply-accumulate rate the bound assumes: the calibration's peak, or a faster rate one of its primitives ran at. */
    public double peakMacsPerSecond() {
        return peakMacsPerSecond;
    }

    /** The bandwidth the bound assumes, likewise. */
    public double peakBytesPerSecond() {
        return peakBytesPerSecond;
    }

    /** A fitted linear model: coefficients over {@link #features} (the constant first) and the points it was fitted on. */
    record Fit(double[] coefficients, int points, boolean quiet) {
        double predict(double[] x) {
            double y = 0;
            for (int j = 0; j < x.length; j++) {
                y += coefficients[j] * x[j];
            }
            return y;
        }
    }

    @Override
    public Estimate estimate(Primitive p) {
        double bound = boundMs(p);
        Calibration.Point point = timed.get(p);
        Optional<Fit> fit = byClass.computeIfAbsent(classOf(p), c -> fit(q -> classOf(q).equals(c), LatencyModel::features));
        // a noisy timing of p itself gives way to a fit over quiet timings of its class
        if (point != null && !(point.noisy() && fit.isPresent() && fit.get().quiet())) {
            return new Estimate(Math.max(point.ms(clock), bound), bound, Estimate.Basis.TIMED, 1);
        }
        Estimate.Basis basis = Estimate.Basis.FITTED;
        if (fit.isEmpty()) {
            fit = byKind.computeIfAbsent(p.kind(), k -> fit(q -> q.kind() == k, LatencyModel::kindFeatures));
            basis = Estimate.Basis.KIND;
            if (fit.isPresent()) {
                return new Estimate(Math.max(fit.get().predict(kindFeatures(p)), bound), bound, basis, fit.get().points());
            }
            return Estimate.boundOnly(bound);
        }
        return new Estimate(Math.max(fit.get().predict(features(p)), bound), bound, basis, fit.get().points());
    }

    /** The roofline bound of a pass of the calibration's batch, in milliseconds. */
    public double boundMs(Primitive p) {
        double compute = p.macs() * calibration.batch() / peakMacsPerSecond;
        double memory = p.bytes(calibration.batch()) / peakBytesPerSecond;
        return 1000 * Math.max(compute, memory);
    }

    /** Primitives that share a kernel implementation: the class a regression is fitted over. */
    static String classOf(Primitive p) {
        return switch (p.kind()) {
            case CONV -> "conv " + p.grouping() + " " + p.kernel() + "/" + p.stride();
            case MAX_POOL, AVG_POOL -> p.kind().label() + " " + p.kernel() + "/" + p.stride();
            default -> p.kind().label();
        };
    }

    /** The features of a primitive within its class, the constant first. */
    static double[] features(Primitive p) {
        double in = p.in().elements();
        double out = p.out().elements();
        return switch (p.kind()) {
            case CONV -> p.grouping().equals("grouped")
                    ? new double[] {1, p.macs(), in, out, p.weights(), (double) p.groups() * p.out().positions()}
                    : new double[] {1, p.macs(), in, out, p.weights()};
            case LINEAR -> new double[] {1, p.macs(), in};
            default -> new double[] {1, p.reads(), out};
        };
    }

    /** The features over a whole kind, where the class had too few points. */
    static double[] kindFeatures(Primitive p) {
        return p.kind() == Primitive.Kind.CONV
                ? new double[] {1, p.macs(), p.in().elements(), p.out().elements(), p.weights()}
                : features(p);
    }

    private Optional<Fit> fit(java.util.function.Predicate<Primitive> member, Function<Primitive, double[]> features) {
        List<Calibration.Point> quiet = new ArrayList<>();
        List<Calibration.Point> all = new ArrayList<>();
        for (Calibration.Point x : calibration.points()) {
            if (x.ms(clock) > 0 && member.test(x.primitive())) {
                all.add(x);
                if (!x.noisy()) {
                    quiet.add(x);
                }
            }
        }
        List<Calibration.Point> points = quiet.size() >= MIN_POINTS ? quiet : all;
        if (points.size() < MIN_POINTS) {
            return Optional.empty();
        }
        return Optional.of(new Fit(relativeRidge(points, features, clock), points.size(), points == quiet));
    }

    /**
     * Least squares of the relative error with a ridge penalty: rows {@code x_i / y_i} against 1, columns scaled to unit
     * largest value, then {@code RIDGE * I} stacked under them; coefficients scaled back.
     */
    static double[] relativeRidge(List<Calibration.Point> points, Function<Primitive, double[]> features, Calibration.Clock clock) {
        int n = points.size();
        int d = features.apply(points.get(0).primitive()).length;
        double[][] rows = new double[n + d][d];
        double[] target = new double[n + d];
        double[] scale = new double[d];
        for (int i = 0; i < n; i++) {
            double[] x = features.apply(points.get(i).primitive());
            double y = points.get(i).ms(clock);
            for (int j = 0; j < d; j++) {
                rows[i][j] = x[j] / y;
                scale[j] = Math.max(scale[j], Math.abs(rows[i][j]));
            }
            target[i] = 1;
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] == 0 ? 1 : scale[j];
            for (int i = 0; i < n; i++) {
                rows[i][j] /= scale[j];
            }
            rows[n + j][j] = RIDGE;
        }
        RealVector solved = new QRDecomposition(new Array2DRowRealMatrix(rows, false)).getSolver().solve(new ArrayRealVector(target, false));
        double[] coefficients = new double[d];
        for (int j = 0; j < d; j++) {
            coefficients[j] = solved.getEntry(j) / scale[j];
        }
        return coefficients;
    }
}
