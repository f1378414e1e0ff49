package org.igclab.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.SweepCommand;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.sweep.SweepMeasurement;
import org.igclab.runtime.train.Datasets;
import org.igclab.runtime.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code igc sweep} with the runtime present: the analyzer's sweep, and with {@code --evaluate} every design that
 * passed measured (latency) or trained (accuracy), each stored, so the figures can be Pareto objectives.
 */
@Command(name = "sweep")
public final class MeasuredSweepCommand extends SweepCommand {

    @Option(names = "--evaluate", paramLabel = "WHAT", description = "Measure the passing designs in DJL/PyTorch: latency "
            + "(objectives latency_b1, latency_b32) or train (objective accuracy:max). Each design becomes a run in the results "
            + "store; one the store already has is not measured again, so an interrupted sweep continues where it stopped. "
            + "E.g. --evaluate latency --pareto params,latency_b1")
    String evaluate;

    @Mixin
    StoreOption store;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20", description = "--evaluate latency: timed passes per batch size (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "5", description = "--evaluate latency: untimed passes first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "--evaluate latency: PyTorch intra-op threads (default: 0, the engine's choice).")
    int threads;

    @Option(names = "--data", paramLabel = "SET", defaultValue = "fashion-mnist", description = "--evaluate train: fashion-mnist or cifar10.")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "--evaluate train: where the data set's files are.")
    Path dataDir;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", description = "--evaluate train: epochs per design (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--limit-train", paramLabel = "N", defaultValue = "0", description = "--evaluate train: first N training images only.")
    int limitTrain;

    @Option(names = "--checkpoint-root", paramLabel = "DIR", defaultValue = "igc-checkpoints",
            description = "--evaluate train: where each design's checkpoint folder goes (default: ${DEFAULT-VALUE}).")
    Path checkpointRoot;

    @Override
    protected Sweep measure(Sweep sweep) throws IOException {
        if (evaluate == null) {
            for (var o : spec().commandLine().getParseResult().matchedOptions()) {
                if (MEASURING.contains(o.longestName())) {
                    throw new InputException(o.longestName() + " applies to a measured sweep; add --evaluate latency or --evaluate train");
                }
            }
            return sweep;
        }
        if (!List.of("latency", "train").contains(evaluate)) {
            throw new InputException("--evaluate = " + evaluate + " is not one of latency, train");
        }
        positive("--runs", runs, 1);
        positive("--warmup", warmup, 0);
        positive("--threads", threads, 0);
        if (threads > Threads.MAX) {
            throw new InputException("--threads = " + threads + " must be at most " + Threads.MAX);
        }
        positive("--epochs", epochs, 1);
        positive("--limit-train", limitTrain, 0);
        PrintWriter err = spec().commandLine().getErr();
        err.printf("measuring %,d designs (%s); results in %s%n", sweep.passing().size(), evaluate, store.path());
        Map<Long, Measurement> measured;
        try (ResultStore db = ResultStore.open(store.path())) {
            if (evaluate.equals("latency")) {
                EvaluationSettings settings = new EvaluationSettings(List.of(1, 32), warmup, runs, threads, List.of(DjlNetwork.Execution.SPARSE), 42, 32);
                measured = SweepMeasurement.latency(sweep, settings, db, err);
            } else {
                TrainingSettings settings = new TrainingSettings(data, epochs, 128, 0.1, 0.9, 5e-4, 42, limitTrain, 0);
                measured = SweepMeasurement.train(sweep, Datasets.load(data, dataDir).limited(limitTrain, 0), settings, checkpointRoot, db, err);
            }
        }
        return sweep.withMeasurements(measured);
    }

    private static final java.util.Set<String> MEASURING = java.util.Set.of("--runs", "--warmup", "--threads", "--data", "--data-dir",
            "--epochs", "--limit-train", "--checkpoint-root");

    private static void positive(String option, int value, int least) {
        if (value < least) {
            throw new InputException(option + " = " + value + " must be at least " + least);
        }
    }
}
