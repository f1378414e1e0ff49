package org.igclab.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.igclab.analyzer.cli.Choice;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.JsonOption;
import org.igclab.analyzer.cli.Task;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.train.Datasets;
import org.igclab.runtime.train.ImageDataset;
import org.igclab.runtime.train.Position;
import org.igclab.runtime.train.RunEstimate;
import org.igclab.runtime.train.StoredTraining;
import org.igclab.runtime.train.Training;
import org.igclab.runtime.train.TrainingSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc train FILE}: train a network design on Fashion-MNIST or CIFAR-10, with checkpoints and resume. */
@Task.Of(Task.MEASURE)
@Command(name = "train",
        mixinStandardHelpOptions = true,
        header = "Train a network design on Fashion-MNIST or CIFAR-10 (checkpoints, resume, learning curve).",
        sortOptions = false,
        description = {
            "Train with SGD (momentum, weight decay) under a cosine learning-rate schedule; CIFAR-10 training uses random",
            "crops and flips. Every epoch ends with a checkpoint and a row of the learning curve in the results store.",
            "Ctrl-C (or SIGTERM) stops after the step in flight and saves a checkpoint of that exact step (parameters,",
            "momentum, data order, random state); --resume continues from it as if the run had not stopped. A killed",
            "process (kill -9) resumes from its last checkpoint. Progress shows the time the whole run has left.",
            "Fashion-MNIST is read from /usr/share/datasets/fashion-mnist (Debian's dataset-fashion-mnist) by default,",
            "CIFAR-10 from --data-dir (the binary version: data_batch_1.bin ... test_batch.bin)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc train samples/networks/fashion-igcv2-small.json --limit-train 2000 --limit-test 500 --epochs 2",
            "                                           a first try: under a minute on a quiet 2-core machine",
            "  igc train samples/networks/fashion-igcv2-small.json --epochs 10",
            "  igc train samples/networks/fashion-igcv2-small.json --epochs 10 --resume",
            "                                           continue from the step where Ctrl-C (or a crash) stopped it",
            "  igc train samples/networks/fashion-igcv2-small.json --execution designed",
            "                                           the kernels as written (slower); the trained parameters are the same",
            "  igc train samples/networks/cifar-igcv2-k8-d38.json --data cifar10 --data-dir ~/data/cifar-10-batches-bin",
            "  igc results --kind train                 what is stored; igc results --id N --curve for a learning curve",
            "",
            "Exit code 130: interrupted, after saving a checkpoint to resume from."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A network file (JSON) whose input matches the data set's images.")
    Path file;

    @Mixin
    DataOptions data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", converter = WholeNumbers.Positive.class,
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128", converter = WholeNumbers.Positive.class,
            description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.1", description = "Initial learning rate, cosine-annealed to 0 (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "5e-4", description = "Weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seeds weights, data order and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--execution", paramLabel = "HOW", defaultValue = "merged", converter = TrainedExecution.class,
            description = "How each run of linear operations executes in training: merged (the default: the 1x1 kernels and "
                    + "permutations after a spatial kernel multiplied into one dense 1x1, its weight computed from them at every step, "
                    + "activations laid out channels last; measured about 1.5 to 2 times faster per step than designed on the CIFAR "
                    + "samples), designed (the kernels as written), dense (the whole run one convolution, computed likewise). Gradients reach the design's own kernels either way: the trained parameters, checkpoints and "
                    + "exports are the design's. BatchNorm normalises with each batch's statistics in training, so it ends a run.")
    Strategy execution;

    /** The training executions by name; {@code sparse}, the name before plans existed, is {@code designed}. */
    static final class TrainedExecution extends Choice<Strategy> {
        TrainedExecution() {
            super(Strategy.values());
            alias("sparse", Strategy.DESIGNED);
        }
    }

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", converter = WholeNumbers.NonNegative.class,
            description = "PyTorch intra-op threads (default: 0, the engine's choice, one per core). On a machine other work also "
                    + "uses, --threads 1 avoids the slowdown of threads waiting for each other; the count in effect is printed.")
    int threads;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Checkpoint folder (default: igc-checkpoints/<design>-<settings> in the current folder).")
    Path checkpointDir;

    /** What to do with a checkpoint of this design and settings: one of the two, or (neither) refuse to touch it. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ExistingCheckpoint existingCheckpoint;

    static final class ExistingCheckpoint {
        @Option(names = "--resume", required = true,
                description = "Continue the run whose checkpoint is in the checkpoint folder, from the exact step it reached.")
        boolean resume;

        @Option(names = "--restart", required = true, description = "Start over, replacing a checkpoint of this design and settings.")
        boolean restart;
    }

    @Mixin
    StoreOption store;

    @Mixin
    JsonOption format;

    @Override
    public Integer call() throws IOException {
        TrainingSettings settings = settings();
        Design design = DesignInputs.read(file).namedAfter(file);
        ImageDataset dataset = Datasets.load(data.dataset(), data.dataDir()).limited(data.limitTrain(), data.limitTest());
        Path dir = checkpointDir != null ? checkpointDir : StoredTraining.defaultCheckpointDir(Path.of("igc-checkpoints"), design, settings);
        StoredTraining.Existing existing = existingCheckpoint == null ? StoredTraining.Existing.REFUSE
                : existingCheckpoint.resume ? StoredTraining.Existing.RESUME : StoredTraining.Existing.RESTART;
        PrintWriter err = spec.commandLine().getErr();
        TimingOptions.requireThreads(threads);
        Threads.Counts counts = Threads.apply(threads, 0);
        err.printf("training %s on %s (%,d training, %,d test images), %d epochs, %s; checkpoints in %s%n",
                design.name().isEmpty() ? file : design.name(), dataset.name(), dataset.train().count(), dataset.test().count(), epochs,
                counts.describe(), dir);
        Training.Result result;
        // the store and the bar close before the stop: nothing runs after it lets an exiting JVM go
        try (GracefulStop stop = GracefulStop.onSignals(err::println);
             ResultStore db = store.open(err);
             TrainingProgressBar bar = new TrainingProgressBar(err, Terminal.stderrIsTerminal())) {
            result = StoredTraining.run(design, dataset, settings, dir, existing, db, bar, stop);
            if (!result.completed()) {
                bar.close();
                Position at = result.reached();
                err.printf("igc train: interrupted%s at epoch %d/%d, step %d/%d; %s in this session, %s of training in all; the run is "
                                + "stored as interrupted%n", stop.reason().map(r -> " (" + r + ")").orElse(""), at.epoch(), epochs, at.step(),
                        stepsPerEpoch(dataset), RunEstimate.hms(result.seconds()), RunEstimate.hms(result.runSeconds()));
                err.printf("checkpoint of that step in %s; continue with: %s%n", dir, resumeCommand());
                return IgcCli.INTERRUPTED;
            }
        } catch (InvalidDesignException e) {
            throw new InputException("invalid design in " + file + ": " + e.getMessage(), e);
        } catch (CancellationException e) {
            err.println("igc train: " + e.getMessage());
            return IgcCli.INTERRUPTED;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            out.print(JsonFields.pretty(StoredTraining.report(result, settings)));
        } else {
            double seconds = result.curve().stream().mapToDouble(EpochRecord::seconds).sum();
            out.printf("final test accuracy: %.2f%% after %s (%.1f s of training, %,d parameters); stored in %s%n",
                    100 * result.testAccuracy(), TextTable.count(result.curve().size(), "epoch"), seconds, result.engineParams(), store.path());
        }
        return IgcCli.OK;
    }

    /** Larger than either data set's training images; the engine would try to allocate for the whole batch at once. */
    private static final int MAX_BATCH = 65_536;

    private int stepsPerEpoch(ImageDataset dataset) {
        return (dataset.train().count() + batch - 1) / batch;
    }

    /** The command as typed, with --resume instead of --restart. */
    private String resumeCommand() {
        List<String> args = new ArrayList<>(List.of("igc", "train"));
        for (String a : spec.commandLine().getParseResult().originalArgs()) {
            if (!a.equals("--restart") && !a.equals("--resume") && !a.equals("train")) {
                args.add(a.contains(" ") ? "'" + a + "'" : a);
            }
        }
        args.add("--resume");
        return String.join(" ", args);
    }

    private TrainingSettings settings() {
        if (batch > MAX_BATCH) {
            throw new InputException("--batch = " + batch + " must be from 1 to " + MAX_BATCH);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new InputException("--lr = " + lr + " must be a positive number");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InputException("--momentum = " + momentum + " must be in [0, 1)");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new InputException("--weight-decay = " + weightDecay + " must not be negative");
        }
        return new TrainingSettings(data.dataset(), epochs, batch, lr, momentum, weightDecay, seed, data.limitTrain(), data.limitTest(), execution);
    }
}
