package org.igclab.runtime.cli;

import java.nio.file.Path;
import java.util.Set;
import org.igclab.analyzer.cli.WholeNumbers;
import picocli.CommandLine.Option;

/** Which images a training reads: the options {@code igc train}, {@code igc sweep --evaluate train} and {@code igc study run} share. */
public final class DataOptions {
    /** The options' long names. */
    public static final Set<String> NAMES = Set.of("--data", "--data-dir", "--limit-train", "--limit-test");

    @Option(names = "--data", paramLabel = "SET", defaultValue = "fashion-mnist", converter = DataSetName.Names.class,
            description = "Training: fashion-mnist or cifar10 (default: ${DEFAULT-VALUE}).")
    DataSetName data;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Training: where the data set's files are.")
    Path dataDir;

    @Option(names = "--limit-train", paramLabel = "N", defaultValue = "0", converter = WholeNumbers.NonNegative.class,
            description = "Training: the first N training images only (default: 0, all of them).")
    int limitTrain;

    @Option(names = "--limit-test", paramLabel = "N", defaultValue = "0", converter = WholeNumbers.NonNegative.class,
            description = "Training: the first N test images only (default: 0, all of them).")
    int limitTest;

    /** The data set's name as the settings record it ({@code fashion-mnist}, {@code cifar10}). */
    public String dataset() {
        return data.label();
    }

    public Path dataDir() {
        return dataDir;
    }

    public int limitTrain() {
        return limitTrain;
    }

    public int limitTest() {
        return limitTest;
    }
}
