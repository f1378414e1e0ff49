package org.igclab.runtime.calibrate;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.LatencyModel;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;

/**
 * How well the latency model predicts whole designs: designs drawn evenly from design spaces (whole networks, which a
 * calibration never times: it times primitives), each predicted and then timed as {@code igc evaluate} times it, at the
 * calibration's batch and threads, as designed. nn-Meter's measure: the share predicted within +-10% of the measured.
 */
public final class AccuracyBench {

    private AccuracyBench() {
    }

    /**
     * One design's prediction and measurement, by the wall clock and by the timing thread's CPU time.
     *
     * @param name           the design
     * @param macs           its MACs
     * @param predictedMs    the prediction from the calibration's wall-clock medians (through its network correction)
     * @param operationsMs   the operations' wall-clock predictions summed, before the network correction
     * @param measured       the timing
     * @param predictedCpuMs the prediction from the calibration's CPU-time medians
     * @param measuredCpuMs  the median CPU time of a timed pass
     */
    public record Result(String name, long macs, double predictedMs, double operationsMs, LatencyStats measured, double predictedCpuMs,
                         double measuredCpuMs) {
        /** Predicted over measured, minus one. */
        public double error() {
            return predictedMs / measured.medianMs() - 1;
        }

        /** The operations' sum over measured, minus one: the error without the network correction. */
        public double sumError() {
            return operationsMs / measured.medianMs() - 1;
        }

        /** The same by CPU time. */
        public double cpuError() {
            return predictedCpuMs / measuredCpuMs - 1;
        }
    }

    /**
     * A design drawn from a space.
     *
     * @param name    the space's description of it (its variables)
     * @param network the network
     */
    public record Drawn(String name, ResolvedNetwork network) {
    }

    /**
     * {@code count} designs to time, taken in turn from the spaces (so a small space gives all it has and the others
     * the rest), each space's spread evenly over its buildable designs with at most {@code maxMacs}.
     */
    public static List<Drawn> designs(List<Space> spaces, int count, long maxMacs) {
        List<List<Drawn>> each = new ArrayList<>();
        for (Space space : spaces) {
            List<SweepRow> rows = Sweep.run(space, ProgressListener.NONE).rows().stream()
                    .filter(r -> r.status() != SweepRow.Status.INVALID && r.figures().macs() <= maxMacs).toList();
            int n = Math.min(count, rows.size());
            List<Drawn> drawn = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SweepRow r = rows.get((int) ((long) i * rows.size() / n));
                ResolvedNetwork network = ShapeInference.resolve(space.network(space.grid().assignment(r.design())));
                drawn.add(new Drawn(network.spec().name() + " [" + space.describe(r.design()) + "]", network));
            }
            each.add(drawn);
        }
        List<Drawn> out = new ArrayList<>();
        int rounds = each.stream().mapToInt(List::size).max().orElse(0);
        for (int round = 0; round < rounds && out.size() < count; round++) {
            for (List<Drawn> d : each) {
                if (round < d.size() && out.size() < count) {
                    out.add(d.get(round));
                }
            }
        }
        return out;
    }

    /** Predicts and times each design; {@code each} hears every result as it comes. Stops early when cancelled. */
    public static List<Result> run(Predictor predictor, List<Drawn> designs, TimingPolicy policy, Consumer<Result> each,
                                   BooleanSupplier cancelled) {
        Threads.apply(predictor.calibration().threads(), Threads.DEFAULT);
        int batch = predictor.calibration().batch();
        LatencyModel byCpu = new LatencyModel(predictor.calibration(), Calibration.Clock.CPU);
        List<Result> results = new ArrayList<>();
        for (Drawn d : designs) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            ResolvedNetwork network = d.network();
            LatencyPrediction predicted = predictor.predict(network);
            double predictedCpu = LatencyPrediction.of(network, byCpu).total().ms();
            try (Instantiation inst = Instantiation.of(network, 42)) {
                PrimitiveTiming.Timed timed = PrimitiveTiming.forward(inst, batch, policy, InterferenceRule.defaults(), cancelled);
                LatencyStats t = timed.stats();
                if (t.runs() == 0) {
                    break;
                }
                Result r = new Result(d.name(), CostModel.of(network).macs(), predicted.total().ms(), predicted.sum().ms(), t, predictedCpu,
                        timed.cpuMs());
                results.add(r);
                each.accept(r);
            }
        }
        return results;
    }

    /**
     * A design's timings from several rounds, one figure: its fastest quiet round (the machine at its best, as a
     * calibration keeps the fastest of its networks' three rounds), else its fastest round when none was quiet.
     */
    public static Result fastest(List<Result> rounds) {
        List<Result> quiet = rounds.stream().filter(r -> !r.measured().noisy()).toList();
        return (quiet.isEmpty() ? rounds : quiet).stream().min(java.util.Comparator.comparingDouble(r -> r.measured().medianMs()))
                .orElseThrow(() -> new IllegalArgumentException("no rounds"));
    }

    /**
     * Whether a design's rounds agree: its slowest round within {@code tolerance} of its fastest (0.10: +-10%). Over the
     * designs, the share that agree is what the machine allows any prediction: a figure that moves more than that
     * between two timings a few minutes apart cannot be predicted closer.
     */
    public static boolean repeatable(List<Result> rounds, double tolerance) {
        DoubleSummaryStatistics ms = rounds.stream().mapToDouble(r -> r.measured().medianMs()).summaryStatistics();
        return rounds.size() > 1 && ms.getMax() <= (1 + tolerance) * ms.getMin();
    }

    /**
     * Each design's rounds, by design: {@code byRound.get(k).get(i)} is design {@code i}'s timing in round {@code k};
     * a round stopped early has fewer, and a design is kept only with all the rounds that reached it.
     */
    public static List<List<Result>> byDesign(List<List<Result>> byRound) {
        List<List<Result>> out = new ArrayList<>();
        int designs = byRound.isEmpty() ? 0 : byRound.get(0).size();
        for (int i = 0; i < designs; i++) {
            List<Result> rounds = new ArrayList<>();
            for (List<Result> round : byRound) {
                if (i < round.size()) {
                    rounds.add(round.get(i));
                }
            }
            out.add(rounds);
        }
        return out;
    }

    /** The share of results whose {@code error} (a {@link Result}'s error or CPU error) is within {@code tolerance} (0.10: +-10%). */
    public static double within(List<Result> results, java.util.function.ToDoubleFunction<Result> error, double tolerance) {
        return results.isEmpty() ? Double.NaN : (double) results.stream().filter(r -> Math.abs(error.applyAsDouble(r)) <= tolerance).count()
                / results.size();
    }

    /**
     * Leave-one-out over a calibration, no timing: each primitive predicted by the model of all the others, by
     * {@code clock}; the errors (predicted over timed, minus one) in the calibration's order.
     */
    public static double[] leaveOneOut(Calibration c, Calibration.Clock clock) {
        double[] errors = new double[c.points().size()];
        for (int i = 0; i < errors.length; i++) {
            List<Calibration.Point> others = new ArrayList<>(c.points());
            Calibration.Point left = others.remove(i);
            Calibration without = c.withPoints(others);
            errors[i] = new LatencyModel(without, clock).estimate(left.primitive()).ms() / left.ms(clock) - 1;
        }
        return errors;
    }
}
