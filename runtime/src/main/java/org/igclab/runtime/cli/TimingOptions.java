package org.igclab.runtime.cli;

import java.util.List;
import java.util.Set;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.latency.TimingPolicy;
import picocli.CommandLine.Option;

/** How latency is timed: the options {@code igc evaluate} and {@code igc sweep --evaluate latency} share (a picocli mixin). */
public final class TimingOptions {
    /** The options' long names, for commands that accept them only in some modes. */
    public static final Set<String> NAMES = Set.of("--batch", "--threads", "--target", "--min-runs", "--max-runs", "--max-seconds",
            "--warmup", "--attempts");

    @Option(names = {"-b", "--batch"}, paramLabel = "N", split = ",", converter = WholeNumbers.Positive.class,
            description = "Batch sizes to time (default: 1,32).")
    List<Integer> batches = List.of(1, 32);

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}; 0: the engine's choice, one per core). The inter-op pool "
                    + "is pinned to one thread. More than one intra-op thread on a shared machine makes timings collapse.")
    int threads;

    @Option(names = "--target", paramLabel = "PCT", defaultValue = "3",
            description = "Time until the median's 95%% confidence half-width is within PCT percent of the median (default: ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--min-runs", paramLabel = "N", defaultValue = "10", converter = WholeNumbers.Positive.class, description = "Timed passes before the target is judged (default: ${DEFAULT-VALUE}).")
    int minRuns;

    @Option(names = {"--max-runs", "--runs"}, paramLabel = "N", defaultValue = "200", converter = WholeNumbers.Positive.class,
            description = "At most N timed passes per batch size (default: ${DEFAULT-VALUE}).")
    int maxRuns;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "20",
            description = "At most S seconds of timed passes per batch size and attempt (default: ${DEFAULT-VALUE}); the warm-up takes at most a third of it.")
    double maxSeconds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "50", converter = WholeNumbers.NonNegative.class,
            description = "At most N untimed passes first; the warm-up ends earlier once two windows of 5 passes agree within 5%% (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "3", converter = WholeNumbers.Positive.class,
            description = "Time a batch size at most N times while the timing is noisy (taken under interference) (default: ${DEFAULT-VALUE}).")
    int attempts;

    /** Refuses a {@code --threads} value the engine cannot take; every command with the option checks it so. */
    static void requireThreads(int threads) {
        if (threads < 0 || threads > Threads.MAX) {
            throw new InputException("--threads = " + threads + " must be from 0 (the engine's choice) to " + Threads.MAX);
        }
    }

    /** The base settings with these options applied. */
    public EvaluationSettings apply(EvaluationSettings base) {
        if (batches.stream().distinct().count() < batches.size()) {
            throw new InputException("--batch = " + batches + ": a batch size is named twice");
        }
        requireThreads(threads);
        if (!(target > 0 && target < 100)) {
            throw new InputException("--target = " + target + " must be a percentage above 0 and below 100");
        }
        if (!(maxSeconds > 0 && maxSeconds <= 86_400)) {
            throw new InputException("--max-seconds = " + maxSeconds + " must be above 0 and at most 86400");
        }
        TimingPolicy policy = base.timing().withTarget(target / 100).withRuns(minRuns, maxRuns).withMaxSeconds(maxSeconds)
                .withMaxWarmup(warmup).withAttempts(attempts);
        return base.withBatches(batches).withThreads(threads).withTiming(policy);
    }
}
