package org.igclab.analyzer.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.TensorShape;
import org.junit.jupiter.api.Test;

/** The predictor's bookkeeping on synthetic calibrations whose times follow a known law: no timing here. */
class LatencyModelTest {
    private static final Fingerprint HERE = new Fingerprint("Test CPU", 2, "DJL test");
    /** 1 GMAC/s and 10 GB/s: bounds below the law's times, easy to compute by hand. */
    private static final double PEAK_MACS = 1e9;
    private static final double PEAK_BYTES = 1e10;

    /** A synthetic law per kind: 0.05 ms of overhead, 2 ns per MAC, 1 ns per element read or written. */
    private static double law(Primitive p) {
        return 0.05 + 2e-6 * p.macs() + 1e-6 * (p.reads() + p.out().elements());
    }

    private static Calibration calibration(List<Primitive> timed, ToDoubleFunction<Primitive> ms) {
        List<Calibration.Point> points = timed.stream().map(p -> new Calibration.Point(p, ms.applyAsDouble(p), 0.01, false)).toList();
        return new Calibration(1, HERE, 1, 1, "test", "2026-11-30T22:00:00Z", PEAK_MACS, PEAK_BYTES, points);
    }

    private static Primitive conv(int in, int out, int groups, int kernel, int side) {
        return Primitive.of(Op.Conv.same(out, kernel, 1, groups), new TensorShape(in, side, side));
    }

    private static List<Primitive> convGrid() {
        List<Primitive> grid = new ArrayList<>();
        for (int c : new int[] {16, 32, 64}) {
            for (int side : new int[] {8, 16, 32}) {
                grid.add(conv(c, c, 1, 1, side));
                grid.add(conv(c, 2 * c, 1, 1, side));
                grid.add(conv(c, c, c, 3, side));
                grid.add(conv(c, c, 4, 1, side));
                grid.add(conv(c, c, 8, 1, side));
                grid.add(Primitive.of(new Op.BatchNorm(), new TensorShape(c, side, side)));
                grid.add(Primitive.of(new Op.Activation(Op.Activation.Kind.RELU), new TensorShape(c, side, side)));
                grid.add(Primitive.add(new TensorShape(c, side, side)));
            }
        }
        return grid;
    }

    @Test
    void aTimedPrimitiveIsItsMedian() {
        Primitive p = conv(32, 32, 1, 1, 16);
        LatencyModel model = new LatencyModel(calibration(List.of(p), q -> 7.5));
        Estimate e = model.estimate(p);
        assertThat(e.basis()).isEqualTo(Estimate.Basis.TIMED);
        assertThat(e.ms()).isEqualTo(7.5);
        assertThat(e.points()).isEqualTo(1);
    }

    @Test
    void anUntimedPrimitiveIsFittedOverItsClassAndFollowsTheLaw() {
        LatencyModel model = new LatencyModel(calibration(convGrid(), LatencyModelTest::law));
        // widths, sides and groups the grid never timed, in classes it did
        for (Primitive p : List.of(conv(48, 48, 1, 1, 12), conv(128, 128, 1, 1, 8), conv(48, 48, 48, 3, 24), conv(96, 96, 4, 1, 16),
                Primitive.of(new Op.BatchNorm(), new TensorShape(48, 12, 12)), Primitive.add(new TensorShape(100, 10, 10)))) {
            Estimate e = model.estimate(p);
            assertThat(e.basis()).as(p.key()).isEqualTo(Estimate.Basis.FITTED);
            assertThat(e.ms()).as(p.key()).isCloseTo(law(p), within(law(p) * 1e-3));
        }
    }

    @Test
    void noisyPointsGiveWayToQuietOnes() {
        List<Calibration.Point> points = new ArrayList<>(calibration(convGrid(), LatencyModelTest::law).points());
        Primitive p = conv(32, 32, 1, 1, 16);
        points.replaceAll(x -> x.primitive().equals(p) ? new Calibration.Point(p, 1000, 1, true) : x);
        Calibration c = new Calibration(1, HERE, 1, 1, "test", "now", PEAK_MACS, PEAK_BYTES, points);
        Estimate e = new LatencyModel(c).estimate(p);
        assertThat(e.basis()).as("the noisy timing of p is not used while its class has quiet points").isEqualTo(Estimate.Basis.FITTED);
        assertThat(e.ms()).isCloseTo(law(p), within(law(p) * 1e-3));
        assertThat(c.describe()).contains("1 of its 72 timings were taken under interference");

        // a calibration timed all under interference still predicts, from its noisy points
        Calibration busy = new Calibration(2, HERE, 1, 1, "test", "now", PEAK_MACS, PEAK_BYTES,
                c.points().stream().map(x -> new Calibration.Point(x.primitive(), x.primitive().equals(p) ? law(p) : x.medianMs(), 0, true)).toList());
        Primitive untimed = conv(48, 48, 1, 1, 12);
        assertThat(new LatencyModel(busy).estimate(untimed).ms()).isCloseTo(law(untimed), within(law(untimed) * 1e-3));
        assertThat(new LatencyModel(busy).estimate(p).basis()).isEqualTo(Estimate.Basis.TIMED);
    }

    @Test
    void aClassWithTooFewPointsFallsBackToItsKindAndAnUntimedKindToTheBound() {
        LatencyModel model = new LatencyModel(calibration(convGrid(), LatencyModelTest::law));
        Primitive fiveByFive = conv(32, 32, 1, 5, 16);
        assertThat(model.estimate(fiveByFive).basis()).isEqualTo(Estimate.Basis.KIND);

        Primitive pool = Primitive.of(new Op.Pool(true, 3, 2, 1), new TensorShape(64, 32, 32));
        Estimate e = model.estimate(pool);
        assertThat(e.basis()).isEqualTo(Estimate.Basis.BOUND);
        // no MACs: the bytes of 64x32x32 in and 64x16x16 out, float32, at 10 GB/s
        assertThat(e.ms()).isCloseTo(1000 * 4.0 * (64 * 32 * 32 + 64 * 16 * 16) / PEAK_BYTES, within(1e-12));
    }

    @Test
    void noPredictionIsBelowTheRooflineBound() {
        // a fit that would extrapolate below the bound: times that stop growing with the work
        LatencyModel model = new LatencyModel(calibration(convGrid(), p -> 0.05 + 1e-9 * p.macs()));
        Primitive big = conv(1024, 1024, 1, 3, 64);
        Estimate e = model.estimate(big);
        assertThat(e.boundMs()).isCloseTo(1000 * big.macs() / model.peakMacsPerSecond(), within(1e-9));
        assertThat(e.ms()).isGreaterThanOrEqualTo(e.boundMs());
    }

    @Test
    void aPeakMeasuredSlowerThanATimedPrimitiveIsRaisedToIt() {
        Primitive big = conv(256, 256, 1, 3, 32);
        // 604 million MACs in 10 ms: 60 GMAC/s, faster than the calibration's 1 GMAC/s peak
        Calibration c = new Calibration(1, HERE, 1, 1, "test", "now", PEAK_MACS, PEAK_BYTES, List.of(new Calibration.Point(big, 10, 0.1, false)));
        LatencyModel model = new LatencyModel(c);
        assertThat(model.peakMacsPerSecond()).isCloseTo(big.macs() / 0.010, within(1.0));
        assertThat(model.estimate(big).boundMs()).isCloseTo(10, within(1e-9));
        assertThat(model.estimate(big).ms()).isEqualTo(10);
    }

    @Test
    void aNetworkIsTheSumOfItsOperationsAndJoins() {
        ResolvedNetwork net = ShapeInference.resolve(NetworkJson.parse("""
                {"format": "igc-network/1", "name": "t", "input": {"channels": 16, "size": 16},
                 "layers": [{"type": "conv", "out": 32, "kernel": 1},
                            {"type": "residual", "body": [{"type": "conv", "out": 32, "kernel": 3, "groups": 32}, {"type": "bn"}]},
                            {"type": "relu"}]}"""));
        LatencyModel model = new LatencyModel(calibration(convGrid(), LatencyModelTest::law));
        LatencyPrediction prediction = LatencyPrediction.of(net, model);
        assertThat(prediction.rows()).extracting(LatencyPrediction.Row::op).containsExactly("conv 1x1", "conv 3x3 G=32", "bn", "add", "relu");
        double sum = prediction.rows().stream().mapToDouble(r -> r.estimate().ms()).sum();
        double bound = prediction.rows().stream().mapToDouble(r -> r.estimate().boundMs()).sum();
        assertThat(prediction.total().ms()).isCloseTo(sum, within(1e-12));
        assertThat(prediction.total().boundMs()).isCloseTo(bound, within(1e-12));
        double expected = prediction.rows().stream().mapToDouble(r -> law(r.primitive())).sum();
        assertThat(prediction.total().ms()).isCloseTo(expected, within(expected * 1e-3));
        // the same operations as a list, through the seam a plan's steps go through
        assertThat(model.sum(prediction.rows().stream().map(LatencyPrediction.Row::primitive).toList()).ms())
                .isCloseTo(sum, within(1e-12));
    }
}
