package org.igclab.analyzer.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SpaceJson;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.junit.jupiter.api.Test;

/**
 * The network correction's bookkeeping on synthetic calibrations: whole networks "measured" by a known law over their
 * operations' sum, the law recovered and applied; no timing here.
 */
class NetworkCorrectionTest {
    private static final Fingerprint HERE = new Fingerprint("Test CPU", 2, "DJL test");
    private static final double A = 1.25;
    private static final double B = 0.004;
    private static final double C = 0.3;

    /** Primitives following a law (0.05 ms + 2 ns per MAC + 1 ns per element), as in {@link LatencyModelTest}. */
    private static Calibration primitives() {
        List<Calibration.Point> points = new ArrayList<>();
        for (int c : new int[] {12, 24, 48, 96}) {
            for (int side : new int[] {8, 16, 32}) {
                TensorShape x = new TensorShape(c, side, side);
                for (Primitive p : List.of(Primitive.of(Op.Conv.same(c, 1, 1, 1), x), Primitive.of(Op.Conv.same(c, 3, 1, c), x),
                        Primitive.of(Op.Conv.same(c, 1, 1, c / 4), x), Primitive.of(new Op.BatchNorm(), x),
                        Primitive.of(new Op.Activation(Op.Activation.Kind.RELU), x), Primitive.add(x))) {
                    points.add(new Calibration.Point(p, 0.05 + 2e-6 * p.macs() + 1e-6 * (p.reads() + p.out().elements()), 0.01, false));
                }
            }
        }
        return new Calibration(1, HERE, 1, 1, "test", "2026-12-01T00:00:00Z", 1e9, 1e10, points);
    }

    /** The calibration's networks measured as {@code A * sum + B * operations + C} of the primitives' model. */
    private static List<Calibration.NetworkPoint> lawful(Calibration c) {
        LatencyModel sums = new LatencyModel(c);
        return CalibrationNetworks.all().stream().map(n -> {
            LatencyPrediction p = LatencyPrediction.summed(ShapeInference.resolve(n), sums);
            return new Calibration.NetworkPoint(n.name(), A * p.sum().ms() + B * p.rows().size() + C, false, Double.NaN);
        }).toList();
    }

    private static Calibration withNetworks(Calibration c, List<Calibration.NetworkPoint> networks) {
        return new Calibration(c.id(), c.fingerprint(), c.batch(), c.threads(), c.grid(), c.createdAt(), c.peakMacsPerSecond(),
                c.peakBytesPerSecond(), c.points(), networks);
    }

    private static ResolvedNetwork design() {
        return ShapeInference.resolve(NetworkJson.parse("""
                {"format": "igc-network/1", "name": "d", "skeleton": {"type": "cifar", "width": 32, "depth": 8, "classes": 10,
                 "block": {"type": "igcv2", "K": 4}}}"""));
    }

    @Test
    void withoutWholeNetworksTheTotalIsTheOperationsSum() {
        LatencyModel model = new LatencyModel(primitives());
        assertThat(model.correction()).isEmpty();
        LatencyPrediction p = LatencyPrediction.of(design(), model);
        assertThat(p.correction()).isEmpty();
        assertThat(p.total()).isEqualTo(p.sum());
        assertThat(p.sum().ms()).isCloseTo(p.rows().stream().mapToDouble(r -> r.estimate().ms()).sum(), within(1e-9));
    }

    @Test
    void theCorrectionIsFittedOnTheWholeNetworksAndApplied() {
        Calibration c = withNetworks(primitives(), lawful(primitives()));
        LatencyModel model = new LatencyModel(c);
        NetworkCorrection fit = model.correction().orElseThrow();
        assertThat(fit.networks()).isEqualTo(CalibrationNetworks.all().size());
        assertThat(fit.perSum()).isCloseTo(A, within(1e-6));
        assertThat(fit.perOperation()).isCloseTo(B, within(1e-6));
        assertThat(fit.constantMs()).isCloseTo(C, within(1e-6));

        // a design the calibration never timed: its rows and sum as before, its total through the law
        LatencyPrediction plain = LatencyPrediction.of(design(), new LatencyModel(primitives()));
        LatencyPrediction p = LatencyPrediction.of(design(), model);
        assertThat(p.rows()).isEqualTo(plain.rows());
        assertThat(p.sum()).isEqualTo(plain.sum());
        assertThat(p.correction()).contains(fit);
        assertThat(p.total().ms()).isCloseTo(A * p.sum().ms() + B * p.rows().size() + C, within(1e-6));
        assertThat(p.total().boundMs()).isEqualTo(p.sum().boundMs());
        // each network predicted by the fit over the others: the law, so no error
        assertThat(NetworkCorrection.leaveOneOut(model.networkSamples())).hasSize(fit.networks()).containsOnly(new double[fit.networks()], within(1e-6));
        assertThat(fit.describe()).startsWith("1.250 x the operations' sum + 0.0040 ms per operation + 0.300 ms, fitted on "
                + CalibrationNetworks.all().size() + " whole networks");
    }

    @Test
    void noisyNetworksGiveWayToQuietOnesAndUnknownNamesAreLeftOut() {
        List<Calibration.NetworkPoint> networks = new ArrayList<>(lawful(primitives()));
        // two timed under interference at ten times the law, and one from a version that timed another network
        for (int i = 0; i < 2; i++) {
            Calibration.NetworkPoint x = networks.get(i);
            networks.set(i, new Calibration.NetworkPoint(x.name(), 10 * x.medianMs(), true, Double.NaN));
        }
        networks.add(new Calibration.NetworkPoint(CalibrationNetworks.PREFIX + "gone", 1000, false, Double.NaN));
        NetworkCorrection fit = new LatencyModel(withNetworks(primitives(), networks)).correction().orElseThrow();
        assertThat(fit.networks()).isEqualTo(CalibrationNetworks.all().size() - 2);
        assertThat(fit.perSum()).isCloseTo(A, within(1e-6));
        assertThat(fit.constantMs()).isCloseTo(C, within(1e-6));
    }

    @Test
    void aNetworkFarOffTheOthersLawIsLeftOutAsAnOutlierAndNamed() {
        List<Calibration.NetworkPoint> networks = new ArrayList<>(lawful(primitives()));
        Calibration.NetworkPoint odd = networks.get(8);
        networks.set(8, new Calibration.NetworkPoint(odd.name(), 2.09 * odd.medianMs(), false, Double.NaN));
        NetworkCorrection fit = new LatencyModel(withNetworks(primitives(), networks)).correction().orElseThrow();
        assertThat(fit.outliers()).containsExactly(odd.name());
        assertThat(fit.networks()).isEqualTo(CalibrationNetworks.all().size() - 1);
        assertThat(fit.perSum()).isCloseTo(A, within(1e-6));
        assertThat(fit.perOperation()).isCloseTo(B, within(1e-6));
        assertThat(fit.constantMs()).isCloseTo(C, within(1e-6));
        assertThat(fit.describe()).endsWith("(1 left out as outlier: " + odd.name() + ")");
        // on the law itself none is an outlier
        assertThat(new LatencyModel(withNetworks(primitives(), lawful(primitives()))).correction().orElseThrow().outliers()).isEmpty();
    }

    @Test
    void termsThatWouldBeNegativeAreDroppedAndTheRestFittedAgain() {
        // networks measured as 1.2 x their sum - 0.1 ms: least squares would give a negative constant
        List<NetworkCorrection.Sample> samples = new ArrayList<>();
        double num = 0;
        double den = 0;
        for (int i = 1; i <= 8; i++) {
            double sum = i * 1.5;
            double measured = 1.2 * sum - 0.1;
            samples.add(new NetworkCorrection.Sample("n" + i, sum, 10 * i + i % 3, measured));
            num += sum / measured;
            den += (sum / measured) * (sum / measured);
        }
        NetworkCorrection fit = NetworkCorrection.fit(samples).orElseThrow();
        assertThat(fit.constantMs()).isZero();
        assertThat(fit.perOperation()).isGreaterThanOrEqualTo(0);
        if (fit.perOperation() == 0) {
            // the factor alone: least squares of the relative error in closed form
            assertThat(fit.perSum()).isCloseTo(num / den, within(1e-9));
        }
        // every sample predicted within a few percent, and none below zero however small
        for (NetworkCorrection.Sample s : samples) {
            assertThat(fit.apply(s.sumMs(), s.operations()) / s.measuredMs() - 1).isBetween(-0.05, 0.05);
        }
        assertThat(fit.apply(0.01, 1)).isPositive();
        // a law with every term positive keeps all three
        List<NetworkCorrection.Sample> positive = samples.stream().map(s -> new NetworkCorrection.Sample(s.name(), s.sumMs(), s.operations(),
                1.1 * s.sumMs() + 0.002 * s.operations() + 0.05)).toList();
        NetworkCorrection all = NetworkCorrection.fit(positive).orElseThrow();
        assertThat(all.perSum()).isCloseTo(1.1, within(1e-9));
        assertThat(all.perOperation()).isCloseTo(0.002, within(1e-9));
        assertThat(all.constantMs()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void tooFewNetworksFitTheFactorAlone() {
        List<NetworkCorrection.Sample> three = List.of(new NetworkCorrection.Sample("a", 2, 10, 3), new NetworkCorrection.Sample("b", 4, 30, 6),
                new NetworkCorrection.Sample("c", 10, 50, 15));
        NetworkCorrection fit = NetworkCorrection.fit(three).orElseThrow();
        assertThat(fit.perSum()).isCloseTo(1.5, within(1e-12));
        assertThat(fit.perOperation()).isZero();
        assertThat(fit.constantMs()).isZero();
        assertThat(NetworkCorrection.fit(List.of())).isEmpty();
    }

    @Test
    void theCalibrationsNetworksAreNamedAndNoneIsADesignOfTheSampleSpaces() throws IOException {
        List<Network> all = CalibrationNetworks.all();
        assertThat(all).extracting(Network::name).doesNotHaveDuplicates().allMatch(n -> n.startsWith(CalibrationNetworks.PREFIX));
        for (Network n : all) {
            assertThat(CalibrationNetworks.named(n.name())).contains(n);
            assertThat(ShapeInference.resolve(n).output().channels()).isEqualTo(10);
        }
        assertThat(CalibrationNetworks.named("network gone")).isEmpty();

        Set<List<Object>> samples = new HashSet<>();
        for (String file : List.of("cifar-igcv2-grid", "cifar-equal-params", "cifar-igcv2-search", "cifar-igcv2-layers", "fashion-tiny")) {
            Space space = SpaceJson.read(Path.of("../samples/spaces/" + file + ".json"));
            for (SweepRow r : Sweep.run(space, ProgressListener.NONE).rows()) {
                if (r.status() != SweepRow.Status.INVALID) {
                    Network n = space.network(space.grid().assignment(r.design()));
                    samples.add(List.of(n.input(), n.layers()));
                }
            }
        }
        assertThat(samples).hasSizeGreaterThan(1000);
        assertThat(all).noneMatch(n -> samples.contains(List.of(n.input(), n.layers())));
    }
}
