package org.igclab.runtime.cli;

import java.nio.file.Path;
import java.util.Set;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.runtime.train.TrainingSettings;
import picocli.CommandLine.Option;

/** How designs are trained: the options {@code igc sweep --evaluate train} and {@code igc study run} share (a picocli mixin). */
public final class TrainOptions {
    /** The options' long names, for commands that accept them only in some modes. */
    public static final Set<String> NAMES = Set.of("--data", "--data-dir", "--epochs", "--limit-train", "--limit-test", "--checkpoint-root");

    @Option(names = "--data", paramLabel = "SET", defaultValue = "fashion-mnist", converter = DataSetName.Names.class,
            description = "Training: fashion-mnist or cifar10.")
    DataSetName data;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Training: where the data set's files are.")
    Path dataDir;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", converter = WholeNumbers.Positive.class,
            description = "Training: epochs per design (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--limit-train", paramLabel = "N", defaultValue = "0", converter = WholeNumbers.NonNegative.class,
            description = "Training: first N training images only.")
    int limitTrain;

    @Option(names = "--limit-test", paramLabel = "N", defaultValue = "0", converter = WholeNumbers.NonNegative.class,
            description = "Training: first N test images only.")
    int limitTest;

    @Option(names = "--checkpoint-root", paramLabel = "DIR", defaultValue = "igc-checkpoints",
            description = "Training: where each design's checkpoint folder goes (default: ${DEFAULT-VALUE}).")
    Path checkpointRoot;

    /** The settings these options give (the recipe's other values are the project's defaults). */
    public TrainingSettings settings() {
        return new TrainingSettings(data.label(), epochs, 128, 0.1, 0.9, 5e-4, 42, limitTrain, limitTest, TrainingSettings.DEFAULT_EXECUTION);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path checkpointRoot() {
        return checkpointRoot;
    }
}
