package org.igclab.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.cli.Choice;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.SweepCommand;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.latency.OpLatency;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.sweep.SweepMeasurement;
import org.igclab.runtime.train.Datasets;
import org.igclab.runtime.train.ImageDataset;
import org.igclab.runtime.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code igc sweep} with the runtime present: the analyzer's sweep, and with {@code --evaluate} every design that
 * passed measured (latency) or trained (accuracy), each stored, so the figures can be Pareto objectives.
 */
@Command(name = "sweep")
public class MeasuredSweepCommand extends SweepCommand {

    /** What a measured sweep measures. */
    enum Measure {
        LATENCY, TRAIN;

        static final class Names extends Choice<Measure> {
            Names() {
                super(values());
            }
        }
    }

    @Option(names = "--evaluate", paramLabel = "WHAT", converter = Measure.Names.class, description = "Measure the passing designs in DJL/PyTorch: latency "
            + "(objectives latency_b<N> for each --batch N, by default latency_b1 and latency_b32; timed as igc evaluate times, "
            + "one intra-op thread unless --threads) or train (objective accuracy:max). Each design becomes a run in the results "
            + "store; one the store already has is not measured again, so an interrupted sweep continues where it stopped, "
            + "except a latency stored noisy, which is measured again. E.g. --evaluate latency --pareto params,latency_b1")
    Measure evaluate;

    @Mixin
    StoreOption store;

    /** --evaluate latency: how designs are timed (the options of igc evaluate). */
    @Mixin
    TimingOptions timing;

    /** --evaluate train: how designs are trained. */
    @Mixin
    TrainOptions train;

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
        PrintWriter err = spec().commandLine().getErr();
        err.printf("measuring %,d designs (%s); results in %s%n", sweep.passing().size(), Choice.nameOf(evaluate), store.path());
        Map<Long, Measurement> measured;
        try (GracefulStop stop = GracefulStop.onSignals(err::println);
             ResultStore db = store.open(err)) {
            if (evaluate == Measure.LATENCY) {
                Calibrated.adoptReferences(db);
                EvaluationSettings settings = timing.apply(EvaluationSettings.defaults());
                measured = measureLatency(sweep, settings, db, err, stop);
            } else {
                measured = measureTraining(sweep, train.settings(), train.dataDir(), train.checkpointRoot(), db, err, stop);
            }
        }
        return sweep.withMeasurements(measured);
    }

    /** Measures the latency of the passing designs, in this process; a module that runs them elsewhere overrides it. */
    protected Map<Long, Measurement> measureLatency(Sweep sweep, EvaluationSettings settings, ResultStore db, PrintWriter err,
                                                    BooleanSupplier stop) {
        return SweepMeasurement.latency(sweep, settings, db, err, stop);
    }

    /**
     * Trains the passing designs on the data set in {@code dataDir} (null: its default place), in this process; a module
     * that runs them elsewhere overrides it.
     */
    protected Map<Long, Measurement> measureTraining(Sweep sweep, TrainingSettings settings, Path dataDir, Path checkpointRoot,
                                                     ResultStore db, PrintWriter err, BooleanSupplier stop) {
        ImageDataset dataset = Datasets.load(settings.dataset(), dataDir).limited(settings.trainLimit(), settings.testLimit());
        return SweepMeasurement.train(sweep, dataset, settings, checkpointRoot, db, err, stop);
    }

    private static final Set<String> MEASURING = union(TimingOptions.NAMES, TrainOptions.NAMES);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** A latency objective needs --evaluate latency, and a batch size that will be timed. */
    @Override
    protected void checkMeasurable(List<Objective> objectives) {
        for (Objective o : objectives) {
            if (o.latencyBatch().isEmpty() || evaluate == null) {
                continue;
            }
            int batch = o.latencyBatch().getAsInt();
            if (evaluate != Measure.LATENCY) {
                throw new InputException("--pareto " + o + " is a latency; it needs --evaluate latency, not --evaluate train");
            }
            if (!timing.batches.contains(batch)) {
                throw new InputException("--pareto " + o + ": batch " + batch + " is not timed (--batch " + timing.batches.stream()
                        .map(String::valueOf).collect(Collectors.joining(",")) + "); add it to --batch");
            }
        }
    }

    /** latency_pred: the model of this machine's calibration in the results store. */
    @Override
    protected OpLatency latencyModel() {
        return Calibrated.model(store, timing.threads, spec().commandLine().getErr());
    }

    /** An interrupted measured sweep says where it stopped and ends with {@link IgcCli#INTERRUPTED}. */
    @Override
    public Integer call() throws IOException {
        try {
            return super.call();
        } catch (CancellationException e) {
            spec().commandLine().getErr().println("igc sweep: " + e.getMessage());
            return IgcCli.INTERRUPTED;
        }
    }
}
