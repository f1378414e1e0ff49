package org.igclab.runtime.cli;

import java.nio.file.Path;
import java.util.Set;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.runtime.train.TrainingSettings;
import java.util.stream.Stream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How designs are trained: the options {@code igc sweep --evaluate train} and {@code igc study run} share (a picocli mixin). */
public final class TrainOptions {
    /** The options' long names, for commands that accept them only in some modes. */
    public static final Set<String> NAMES = java.util.stream.Stream.concat(DataOptions.NAMES.stream(), Stream.of("--epochs", "--checkpoint-root"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Mixin
    DataOptions data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", converter = WholeNumbers.Positive.class,
            description = "Training: epochs per design (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--checkpoint-root", paramLabel = "DIR", defaultValue = "igc-checkpoints",
            description = "Training: where each design's checkpoint folder goes (default: ${DEFAULT-VALUE}).")
    Path checkpointRoot;

    /** The settings these options give (the recipe's other values are the project's defaults). */
    public TrainingSettings settings() {
        return new TrainingSettings(data.dataset(), epochs, 128, 0.1, 0.9, 5e-4, 42, data.limitTrain(), data.limitTest(),
                TrainingSettings.DEFAULT_EXECUTION);
    }

    public Path dataDir() {
        return data.dataDir();
    }

    public Path checkpointRoot() {
        return checkpointRoot;
    }
}
