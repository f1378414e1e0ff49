package org.igclab.analyzer.latency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.igclab.analyzer.network.ShapeInference;

/**
 * Predicts a primitive's time from a {@link Calibration}, as nn-Meter does on kernels: a primitive the calibration
 * timed is its median; any other is interpolated from the timed primitives of its class (same kind, and for
 * convolutions the same grouping, kernel and stride; for pools the same window): a linear regression over twice as many
 * of them as it has features, the nearest in the logarithms of the features (a local interpolation), on features that say how much work and memory
 * it has (MACs, elements read and written, weights, and for grouped convolutions the groups and groups x positions:
 * PyTorch runs a grouped convolution group by group). A local fit follows a kernel's regimes (small inputs run far
 * below the peak rate, large ones near it) where one line over a class would not. The fit minimises the relative error
 * (each row divided by its time), with a small ridge penalty on scaled features so that collinear or more features than
 * points do not break it; solved with Commons Math's QR decomposition. A class with too few points falls back to a fit
 * over its whole kind, a kind never timed to the roofline bound. No prediction is below the roofline bound.
 *
 * <p>A timing taken under interference (noisy) is used only where quiet ones are missing: a class with at least as many
 * quiet timings as noisy ones is fitted on its quiet ones (and a noisy timing of the primitive itself gives way to that
 * fit); a class timed mostly under interference on all of them, since a few quiet points alone would be extrapolated
 * far. On a machine busy through the whole calibration every point is noisy; the model then still predicts, and the
 * calibration says how many of its points were noisy ({@link Calibration#noisyPoints()}), which every view prints.
 *
 * <p>A network's latency is not quite its operations' sum: {@link #correction()} is fitted on whole networks the
 * calibration timed, and {@link LatencyPrediction#of} applies it.
 */
public final class LatencyModel implements OpLatency {
    /** Points a fit needs at least. */
    static final int MIN_POINTS = 3;
    private static final double RIDGE = 1e-6;

    private final Calibration calibration;
    private final Calibration.Clock clock;
    private final Map<Primitive, Calibration.Point> timed = new HashMap<>();
    private final Map<String, Members> byClass = new HashMap<>();
    private final Map<Primitive.Kind, Optional<Fit>> byKind = new HashMap<>();
    private final Map<Primitive, Estimate> estimates = new HashMap<>();
    private final double peakMacsPerSecond;
    private final double peakBytesPerSecond;
    private Optional<NetworkCorrection> correction;

    /** The model of a calibration's wall-clock times. */
    public LatencyModel(Calibration calibration) {
        this(calibration, Calibration.Clock.WALL);
    }

    /**
     * The model of a calibration's times by {@code clock}. Its peak rates are the calibration's, raised to the fastest
     * rate any of its primitives ran at: a peak measured while the machine was busy would otherwise put the bound above
     * times actually seen.
     */
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
            Calibration.Point before = timed.get(x.primitive());
            if (before == null || before.noisy() && !x.noisy()) {
                timed.put(x.primitive(), x);
            }
        }
        this.peakMacsPerSecond = macs;
        this.peakBytesPerSecond = bytes;
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

    @Override
    public int batch() {
        return calibration.batch();
    }

    /**
     * The calibration's whole networks, each priced operation by operation by this model, against their measured
     * medians: {@code measured = a * sum + b * operations + c}, plus {@code w} per MiB written past a knee where
     * leave-one-out chooses it ({@link NetworkCorrection}); empty for a calibration that timed none.
     */
    @Override
    public synchronized Optional<NetworkCorrection> correction() {
        if (correction == null) {
            correction = NetworkCorrection.fit(networkSamples());
        }
        return correction;
    }

    /**
     * What the correction is fitted on: each of the calibration's whole networks, its operations priced by this model and
     * its measured median. Its quiet networks where they are at least half of them (and enough for the fit), else all; a
     * network this version does not know by name is left out.
     */
    public List<NetworkCorrection.Sample> networkSamples() {
        List<Calibration.NetworkPoint> quiet = calibration.networks().stream().filter(x -> !x.noisy()).toList();
        boolean mostlyQuiet = quiet.size() >= NetworkCorrection.MIN_NETWORKS && 2 * quiet.size() >= calibration.networks().size();
        List<NetworkCorrection.Sample> samples = new ArrayList<>();
        for (Calibration.NetworkPoint x : mostlyQuiet ? quiet : calibration.networks()) {
            CalibrationNetworks.named(x.name()).map(ShapeInference::resolve).ifPresent(n -> {
                LatencyPrediction summed = LatencyPrediction.summed(n, this);
                samples.add(new NetworkCorrection.Sample(x.name(), summed.sum().ms(), summed.rows().size(), x.ms(clock),
                        summed.writtenBytes(calibration.batch()) / (1024.0 * 1024.0)));
            });
        }
        return samples;
    }

    /** A fitted linear model: coefficients over the features (the constant first) and the points it was fitted on. */
    record Fit(double[] coefficients, int points) {
        double predict(double[] x) {
            double y = 0;
            for (int j = 0; j < x.length; j++) {
                y += coefficients[j] * x[j];
            }
            return y;
        }
    }

    /** The points a class is fitted on, and whether they are its quiet ones alone. */
    private record Members(List<Calibration.Point> points, boolean quiet) {
    }

    @Override
    public Estimate estimate(Primitive p) {
        return estimates.computeIfAbsent(p, this::compute);
    }

    private Estimate compute(Primitive p) {
        double bound = boundMs(p);
        Calibration.Point point = timed.get(p);
        Members members = byClass.computeIfAbsent(classOf(p), c -> members(q -> classOf(q).equals(c)));
        if (point != null && !(point.noisy() && members.quiet())) {
            return new Estimate(Math.max(point.ms(clock), bound), bound, Estimate.Basis.TIMED, 1);
        }
        if (members.points().size() >= MIN_POINTS) {
            double[] at = logs(features(p));
            List<Calibration.Point> near = new ArrayList<>(members.points());
            near.sort(Comparator.comparingDouble(x -> distance(at, logs(features(x.primitive())))));
            near = near.subList(0, Math.min(2 * at.length, near.size()));
            Fit fit = new Fit(relativeRidge(near, LatencyModel::features, clock), near.size());
            return new Estimate(Math.max(fit.predict(features(p)), bound), bound, Estimate.Basis.FITTED, fit.points());
        }
        Optional<Fit> kind = byKind.computeIfAbsent(p.kind(), k -> {
            Members all = members(q -> q.kind() == k);
            return all.points().size() < MIN_POINTS ? Optional.empty()
                    : Optional.of(new Fit(relativeRidge(all.points(), LatencyModel::kindFeatures, clock), all.points().size()));
        });
        return kind.map(f -> new Estimate(Math.max(f.predict(kindFeatures(p)), bound), bound, Estimate.Basis.KIND, f.points()))
                .orElseGet(() -> Estimate.boundOnly(bound));
    }

    /** The points of a class to fit on: its quiet ones when they are at least half of them (and enough), else all. */
    private Members members(Predicate<Primitive> member) {
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
        boolean mostlyQuiet = quiet.size() >= MIN_POINTS && 2 * quiet.size() >= all.size();
        return mostlyQuiet ? new Members(quiet, true) : new Members(all, false);
    }

    private static double[] logs(double[] x) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = Math.log1p(x[j]);
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int j = 0; j < a.length; j++) {
            d += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return d;
    }

    /** The roofline bound of a pass of the calibration's batch, in milliseconds. */
    public double boundMs(Primitive p) {
        double compute = p.macs() * calibration.batch() / peakMacsPerSecond;
        double memory = p.bytes(calibration.batch()) / peakBytesPerSecond;
        return 1000 * Math.max(compute, memory);
    }

    /** Primitives that share a kernel implementation: the class a regression is fitted over. */
    public static String classOf(Primitive p) {
        return switch (p.kind()) {
            case CONV -> "conv " + p.grouping() + " " + p.kernel() + "/" + p.stride() + (p.dilation() > 1 ? " dil" + p.dilation() : "");
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
                    ? new double[] {1, p.macs(), in, out, p.weights(), p.groups(), (double) p.groups() * p.out().positions()}
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
