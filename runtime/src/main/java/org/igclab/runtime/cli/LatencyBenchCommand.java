package org.igclab.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.Task;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.report.LatencyPredictionView;
import org.igclab.analyzer.sweep.Space;
import org.igclab.runtime.calibrate.AccuracyBench;
import org.igclab.runtime.calibrate.Predictor;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.engine.SpeedProbe;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.TimingPolicy;
import org.igclab.runtime.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code igc latency-bench}: the latency model's accuracy on whole designs, predicted and then timed. */
@Task.Of(Task.MEASURE)
@Command(name = "latency-bench",
        mixinStandardHelpOptions = true,
        header = "How well the latency model predicts designs: the share predicted within +-10%% of the measured latency.",
        sortOptions = false,
        description = {
            "Draws designs evenly from design spaces (by default the CIFAR and Fashion-MNIST sample spaces), predicts each",
            "one's latency from this machine's calibration (igc calibrate), then times it as igc evaluate does, at the",
            "calibration's batch and threads, as designed. Prints each design's prediction, measurement and error, then the",
            "share within +-10%% (nn-Meter's measure; it reports 99.0%% on a mobile CPU) and the median absolute error.",
            "A calibration times primitive operations, never whole designs, so every design here is one it never timed.",
            "Timings taken under interference are marked noisy and counted apart: on a busy machine the figures say so. A",
            "timing is also noisy when a small reference convolution, run before, every half second during and after it,",
            "found the machine over 1.2x slower than its reference speed (the calibration's fastest probe, or this",
            "process's): a slow spell outside this machine's view. A noisy design is timed again, 4 attempts in all, after",
            "waiting (up to 30 s) for the machine to return to its reference speed.",
            "Every design is timed in --rounds rounds, one after the other (the whole list, then again, and again), and",
            "its fastest quiet round stands for it: this machine was measured running the same design 1.2 to 1.7 times",
            "slower for minutes at a time with nothing here to see. The share of designs whose rounds agree within +-10%%",
            "is printed too: the machine's own repeatability, which no prediction can beat.",
            "Nothing is stored. Ctrl-C stops after the design in flight and prints what was measured."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc latency-bench                                   # 50 designs from the sample spaces",
            "  igc latency-bench samples/spaces/cifar-igcv2-grid.json --designs 20 --max-seconds 5",
            "  igc latency-bench --rounds 1                        # one timing a design, as before"})
public final class LatencyBenchCommand implements Callable<Integer> {
    private static final List<Path> SAMPLE_SPACES = List.of(Path.of("samples/spaces/cifar-igcv2-grid.json"),
            Path.of("samples/spaces/cifar-equal-params.json"), Path.of("samples/spaces/cifar-igcv2-search.json"),
            Path.of("samples/spaces/cifar-igcv2-layers.json"), Path.of("samples/spaces/fashion-tiny.json"));

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPACE", arity = "0..*", description = "Space files to draw designs from (default: the sample spaces).")
    List<Path> spaces = new ArrayList<>();

    @Option(names = "--designs", paramLabel = "N", defaultValue = "50", converter = WholeNumbers.Positive.class,
            description = "Designs in all, spread over the spaces (default: ${DEFAULT-VALUE}).")
    int designs;

    @Option(names = "--max-macs", paramLabel = "N", defaultValue = "300000000", converter = WholeNumbers.PositiveLong.class,
            description = "Leave out designs with more MACs, to keep the bench short (default: ${DEFAULT-VALUE}).")
    long maxMacs;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "5", converter = WholeNumbers.Positive.class,
            description = "At most S seconds of timed passes per design (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", converter = WholeNumbers.Positive.class,
            description = "Time every design N times, in rounds one after the other, each design's fastest quiet round standing for it, "
                    + "and print how often a design's rounds agree (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = spaces.isEmpty() ? SAMPLE_SPACES.stream().map(LatencyBenchCommand::inHome).toList() : spaces;
        List<Space> read = new ArrayList<>();
        for (Path f : files) {
            read.add(DesignInputs.space(f));
        }
        List<AccuracyBench.Drawn> chosen = AccuracyBench.designs(read, designs, maxMacs);
        try (ResultStore db = store.open(err); GracefulStop stop = GracefulStop.onSignals(err::println)) {
            Calibrated.adoptReferences(db);
            Predictor predictor = Predictor.load(db, 1, 1);
            out.println(LatencyPredictionView.source(predictor.calibration(), predictor.here()));
            out.println(predictor.model().correction().map(c -> "network correction: " + c.describe() + "; " + NetworkCheck.describe(predictor.model()))
                    .orElse("no network correction: the calibration timed no whole networks (a new igc calibrate times them)"));
            out.printf("%d designs from %d spaces, batch %d, %d intra-op thread(s), as designed%n", chosen.size(), read.size(),
                    predictor.calibration().batch(), predictor.calibration().threads());
            double[] loo = AccuracyBench.leaveOneOut(predictor.calibration(), org.igclab.analyzer.latency.Calibration.Clock.WALL);
            out.printf("leave-one-out over the calibration's %d primitives (each predicted from the others, nothing timed): %s within +-10%%%n",
                    loo.length, percent((double) java.util.Arrays.stream(loo).filter(e -> Math.abs(e) <= 0.10).count() / loo.length));
            out.println(reference(predictor.calibration().threads()));
            TimingPolicy policy = TimingPolicy.defaults().withMaxSeconds(maxSeconds).withAttempts(ATTEMPTS);
            List<List<AccuracyBench.Result>> byRound = new ArrayList<>();
            for (int k = 1; k <= rounds && !stop.getAsBoolean(); k++) {
                String round = rounds > 1 ? "round " + k + " of " + rounds + ": " : "";
                byRound.add(AccuracyBench.run(predictor, chosen, policy, r -> {
                    out.printf("%s%s%n    %,d MACs; wall: predicted %.3f ms (operations summed %.3f ms, %+.1f%%), measured %.3f ms (%s%s%s), %+.1f%%; "
                            + "CPU: predicted %.3f ms, measured %.3f ms, %+.1f%%%n", round, r.name(), r.macs(), r.predictedMs(), r.operationsMs(),
                            100 * r.sumError(), r.measured().medianMs(), r.measured().noisy() ? "noisy" : "quiet",
                            r.measured().attempts() > 1 ? ", attempt " + r.measured().attempts() : "",
                            r.measured().interference().speed().isEmpty() ? "" : ", " + r.measured().interference().speed(), 100 * r.error(),
                            r.predictedCpuMs(), r.measuredCpuMs(), 100 * r.cpuError());
                    out.flush();
                }, stop));
            }
            List<List<AccuracyBench.Result>> byDesign = AccuracyBench.byDesign(byRound);
            List<AccuracyBench.Result> results = byDesign.stream().map(AccuracyBench::fastest).toList();
            if (rounds > 1) {
                List<List<AccuracyBench.Result>> complete = byDesign.stream().filter(r -> r.size() == rounds).toList();
                long agree = complete.stream().filter(r -> AccuracyBench.repeatable(r, 0.10)).count();
                out.printf("%d rounds, one after the other (each design timed once a round): the rounds of %d of %d designs agree within "
                        + "+-10%% (%s): the machine's own repeatability, which no prediction can beat%n", rounds, agree, complete.size(),
                        percent(complete.isEmpty() ? Double.NaN : (double) agree / complete.size()));
                out.println("against each design's first round alone:");
                summary(out, byRound.get(0), "  ");
                out.println("against each design's fastest quiet round (the machine at its best, as the calibration keeps the faster of "
                        + "its networks' rounds):");
            }
            summary(out, results, "");
            out.printf("  timed again (an earlier attempt noisy): %d; ended noisy: %d, of them %d with the machine slower than its reference "
                    + "speed%n", results.stream().filter(r -> r.measured().attempts() > 1).count(),
                    results.stream().filter(r -> r.measured().noisy()).count(),
                    results.stream().filter(r -> r.measured().noisy() && InterferenceRule.defaults().slow(r.measured().interference().slowdown()))
                            .count());
            return stop.getAsBoolean() ? IgcCli.INTERRUPTED : IgcCli.OK;
        }
    }

    /** The shares within +-10%: by the wall clock (corrected and the sum alone), of the quiet ones, and by CPU time. */
    private static void summary(PrintWriter out, List<AccuracyBench.Result> results, String indent) {
        List<AccuracyBench.Result> quiet = results.stream().filter(r -> !r.measured().noisy()).toList();
        out.printf("%swall clock: %s of %d designs predicted within +-10%%; median |error| %s%n", indent,
                percent(AccuracyBench.within(results, AccuracyBench.Result::error, 0.10)), results.size(),
                percent(medianAbs(results, AccuracyBench.Result::error)));
        out.printf("%s  the operations' sum alone (no network correction): %s within +-10%%; median |error| %s%n", indent,
                percent(AccuracyBench.within(results, AccuracyBench.Result::sumError, 0.10)),
                percent(medianAbs(results, AccuracyBench.Result::sumError)));
        out.printf("%s  of the %d timed quiet: %s within +-10%%, median |error| %s (%d noisy: the machine was busy while they were timed)%n",
                indent, quiet.size(), percent(AccuracyBench.within(quiet, AccuracyBench.Result::error, 0.10)),
                percent(medianAbs(quiet, AccuracyBench.Result::error)), results.size() - quiet.size());
        out.printf("%sCPU time of the timing thread (the work without a busy machine's waits): %s within +-10%%; median |error| %s%n", indent,
                percent(AccuracyBench.within(results, AccuracyBench.Result::cpuError, 0.10)),
                percent(medianAbs(results, AccuracyBench.Result::cpuError)));
    }

    /** Timings of a design at most: enough that most end quiet on a machine with slow spells of seconds. */
    static final int ATTEMPTS = 4;

    /** {@code reference speed: probe floor 0.210 ms, now 1.03x} for the probe at these threads. */
    private static String reference(int threads) {
        Threads.apply(threads, Threads.DEFAULT);
        double floor = SpeedProbe.reference().floorMs();
        double now = java.util.stream.DoubleStream.generate(SpeedProbe::medianMs).limit(3).min().orElse(Double.NaN); // the first runs cold
        return String.format("reference speed: the probe's floor %.3f ms (this machine's calibration or this process's probes), now %.2fx; "
                + "a timing is noisy above %.2fx", floor, now / floor, InterferenceRule.defaults().maxSlowdown());
    }

    private static Path inHome(Path sample) {
        String home = System.getProperty("igc.home");
        return home == null ? sample : Path.of(home).resolve(sample);
    }

    private static double medianAbs(List<AccuracyBench.Result> results, java.util.function.ToDoubleFunction<AccuracyBench.Result> error) {
        return results.isEmpty() ? Double.NaN
                : new Median().evaluate(results.stream().mapToDouble(r -> Math.abs(error.applyAsDouble(r))).toArray());
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format("%.1f%%", 100 * share);
    }
}
