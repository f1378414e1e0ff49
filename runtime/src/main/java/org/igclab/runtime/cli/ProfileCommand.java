package org.igclab.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.Task;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.report.LatencyPredictionView;
import org.igclab.analyzer.text.Progress;
import org.igclab.runtime.calibrate.Predictor;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.OpProfile;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.evaluate.OpProfileView;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.TimingPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code igc profile FILE}: each operation's time inside the network's pass, beside the latency model's price. */
@Task.Of(Task.MEASURE)
@Command(name = "profile",
        mixinStandardHelpOptions = true,
        header = "Time each operation inside a network's forward pass, beside the latency model's prediction of it.",
        sortOptions = false,
        description = {
            "Builds the design as written in DJL (PyTorch, CPU), then times inference passes as igc evaluate does",
            "(warm-up, then until the median is known to 3%% or --max-seconds; judged for interference), with the",
            "clock read around every operation: PyTorch computes eagerly on the CPU, so an operation's time is its",
            "work in the context the network gives it (its input where the previous operation left it, its weights",
            "after the others'). Prints each operation's median time and share of the pass, its price from this",
            "machine's calibration (igc calibrate) where the store has one, and the same summed by the latency",
            "model's classes (kind, grouping, kernel, stride): where the model misprices, and by how much.",
            "Joins of branches (a residual's add) are not timed one by one: they are in the rest of the pass.",
            "Nothing is stored. Ctrl-C stops the timing and prints what was measured."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc profile samples/networks/cifar-igcv2-k8-d38.json                # every operation, batch 1, one thread",
            "  igc profile samples/networks/cifar-dwsep-d38.json --summary         # the sums by class only",
            "  igc profile samples/networks/resnet18.json -r 224 --batch 8 --csv   # CSV, for a spreadsheet"})
public final class ProfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A chain (igc-chain/1), a network (igc-network/1) or an ONNX model.")
    Path file;

    @Option(names = {"-r", "--resolution"}, paramLabel = "SIDE", converter = WholeNumbers.Positive.class,
            description = "Input height = width (default: 32 for a chain, the network's own input for a network).")
    Integer resolution;

    @Option(names = {"-b", "--batch"}, paramLabel = "N", defaultValue = "1", converter = WholeNumbers.Positive.class,
            description = "Images per pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}; "
            + "0: the engine's choice). Predictions come from a calibration of these threads and this batch where there is one.")
    int threads;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "5", converter = WholeNumbers.Positive.class,
            description = "At most S seconds of timed passes (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Weight initialisation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--summary", description = "Print only the sums by class, not every operation.")
    boolean summary;

    @Option(names = "--csv", description = "Print every operation as CSV (layer, op, output, class, measured_ms, predicted_ms).")
    boolean csv;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() throws java.io.IOException {
        TimingOptions.requireThreads(threads);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design design = DesignInputs.read(file).namedAfter(file);
        ResolvedNetwork network = DesignInputs.inFile(file, () -> ShapeInference.resolve(
                resolution == null ? design.network(32) : design.asNetwork(resolution)));
        Optional<Predictor> predictor = Calibrated.ifCalibrated(store, threads, batch, err);
        Optional<LatencyPrediction> prediction = predictor.map(p -> LatencyPrediction.summed(network, p.model()));
        OpProfile.Result profile;
        Threads.Counts counts = Threads.apply(threads, Threads.DEFAULT);
        try (GracefulStop stop = GracefulStop.onSignals(err::println);
             Instantiation inst = Instantiation.of(network, seed);
             Progress progress = Progress.onConsole("profiling")) {
            TimingPolicy policy = TimingPolicy.defaults().withMaxSeconds(maxSeconds);
            profile = OpProfile.measure(inst, batch, policy, InterferenceRule.defaults(), d -> progress.progress(Math.round(1000 * d), 1000), stop);
        }
        if (profile.pass().runs() == 0) {
            err.println("igc profile: stopped before any pass was timed");
            return IgcCli.INTERRUPTED;
        }
        List<OpProfileView.Row> rows = OpProfileView.rows(profile, prediction);
        if (csv) {
            out.print(OpProfileView.csv(rows));
            return IgcCli.OK;
        }
        List<String> header = new ArrayList<>();
        header.add(String.format("%s, batch %d, %s: each operation timed inside the network's forward pass, as designed",
                design.name().isEmpty() ? file.getFileName() : design.name(), batch, counts.describe()));
        header.add("pass: " + profile.pass().summary() + (profile.pass().interference().load().isEmpty() ? ""
                : "; " + profile.pass().interference().load()));
        predictor.ifPresentOrElse(p -> header.add(LatencyPredictionView.source(p.calibration(), p.here()).replace("\n", "\n# ")
                        + "\n# predicted: each operation's price (the sums below are operations' sums, before the network correction)"),
                () -> header.add("no calibration in " + store.path() + " for predictions (igc calibrate)"));
        out.print(OpProfileView.text(header, profile, rows, OpProfileView.joinsMs(profile, prediction), summary));
        return IgcCli.OK;
    }
}
