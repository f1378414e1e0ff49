package org.igclab.runtime.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.Task;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.LatencyModel;
import org.igclab.runtime.calibrate.CalibrationGrid;
import org.igclab.runtime.calibrate.CalibrationStore;
import org.igclab.runtime.calibrate.Calibrator;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code igc calibrate}: time a grid of primitive operations on this machine, for the latency model. */
@Task.Of(Task.MEASURE)
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        header = "Time primitive operations on this machine, so that designs' latency can be predicted without running them.",
        sortOptions = false,
        description = {
            "Times a grid of primitive operations in DJL/PyTorch, each as a network's forward pass runs it (among copies of",
            "itself, or alone with --no-in-context): convolutions over input and output channels, groups (dense, grouped,",
            "channel-wise), kernel 1 and 3, stride 1 and 2 and input sides 7 to 32; pools, BatchNorm, ReLU and ReLU6,",
            "shuffles and permutations, global pooling, fully connected layers, residual adds and concatenations; then 20",
            "whole networks of its own (CIFAR skeletons no sample space has), each timed in three rounds spread over the calibration keeping the fastest,",
            "to which a correction from a network's summed operations to its latency is fitted (measured = a x sum + b x",
            "operations + c, each term >= 0, outlier networks left out and named, plus a term for the bytes a pass writes",
            "past a knee where leave-one-out over the networks chooses one); then the machine's peak multiply-accumulate",
            "rate (a 512x512 matrix product) and memory bandwidth (in-place adds over 1, 8 and 64 MiB, caches included).",
            "Each is timed as igc evaluate times (warm-up, then until the median is known to 3%%, at most 60 passes or 1 s;",
            "a noisy timing is stored marked, and used only where quiet ones are missing). A small reference convolution,",
            "run about every half second, records the machine's reference speed (its fastest); primitives timed while the",
            "machine ran over 1.2x slower than that are timed again at the end, after waiting up to 30 s for it to return",
            "to its reference speed (src/site/markdown/latency.md); then every other primitive is timed a second time and",
            "keeps the faster quiet of its two timings, as the networks do. The calibration is stored in the",
            "results store with the machine's fingerprint (CPU model, cores, DJL and PyTorch versions), the batch and the",
            "threads; 'igc cost --latency', 'igc evaluate', 'igc sweep', 'igc budget' and studies predict from it (see",
            "src/site/markdown/calibration.md).",
            "Each primitive is stored as soon as it is timed. Ctrl-C stops after the one in flight (exit code 130); the",
            "next 'igc calibrate' with the same settings continues there (--restart begins anew). An unfinished calibration",
            "is never used for predictions. The full grid (848 primitives, twice, and the 20 networks) took 2 to 7 minutes",
            "with the JVM's start on a quiet 2-core machine whose speed came and went; --quick (116 and the networks) is a rough model",
            "whose network correction is rough too."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc calibrate                       # the full grid, batch 1, one intra-op thread",
            "  igc calibrate --quick               # a small grid, for a first prediction",
            "  igc calibrate --batch 32            # predictions at batch 32",
            "  igc calibrate --no-in-context       # primitives timed alone, to compare with in context",
            "  igc calibrate --list                # the calibrations stored"})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "A small grid (116 primitives): a rougher model, in well under a minute.")
    boolean quick;

    @Option(names = {"-b", "--batch"}, paramLabel = "N", defaultValue = "1", converter = WholeNumbers.Positive.class,
            description = "Images per timed pass; predictions are for this batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}; 0: the engine's choice).")
    int threads;

    @Option(names = "--restart", description = "Begin a new calibration even where an unfinished one with these settings could be continued.")
    boolean restart;

    @Option(names = "--in-context", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Time each primitive in context (the default): its passes go round copies with their own weights and keep "
            + "their recent outputs, 4 MiB in all, as inside a network, rather than alone with its weights and output left in the "
            + "cache (--no-in-context; grid named full, where in context it is full-in-context). On a quiet machine the "
            + "in-context calibration predicted 70%% of the bench's designs within +-10%%, the one timed alone 44%% "
            + "(src/site/markdown/benchmarks.md).")
    boolean inContext;

    @Option(names = "--list", description = "List the calibrations stored, newest first, and exit.")
    boolean list;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TimingOptions.requireThreads(threads);
        if (batch > 4096) {
            throw new InputException("--batch = " + batch + " is more than 4096 images: the grid's largest operations would not fit");
        }
        try (ResultStore db = store.open(err)) {
            CalibrationStore calibrations = new CalibrationStore(db);
            if (list) {
                List<String> lines = calibrations.describeAll();
                out.println(lines.isEmpty() ? "no calibration in " + store.path() + "; run igc calibrate" : String.join("\n", lines));
                return IgcCli.OK;
            }
            CalibrationGrid.Size size = quick ? CalibrationGrid.Size.QUICK : CalibrationGrid.Size.FULL;
            Calibrator.Settings settings = new Calibrator.Settings(size, batch, threads, Calibrator.Settings.defaultPolicy(),
                    InterferenceRule.defaults(), restart, inContext);
            try (GracefulStop stop = GracefulStop.onSignals(err::println)) {
                long began = System.nanoTime();
                Calibrator.Outcome outcome = Calibrator.run(calibrations, settings, p -> {
                    if (Double.isNaN(p.lastMs())) {
                        err.println(p.last());
                    } else {
                        err.printf("[%d/%d] %-44s %9.3f ms   ETA %s%n", p.done(), p.total(), p.last(), p.lastMs(), minutes(p.etaSeconds()));
                    }
                    err.flush();
                }, stop);
                if (outcome.calibration().isEmpty()) {
                    err.printf("calibration %d interrupted (%d primitives and networks stored this run); 'igc calibrate' with the same settings continues it%n",
                            outcome.id(), outcome.timed());
                    return IgcCli.INTERRUPTED;
                }
                Calibration c = outcome.calibration().get();
                out.printf("%s%n%s %d primitives and %d whole networks (%d timed now, %d noisy: stored marked, used only where quiet ones are "
                        + "missing) in %s%n", c.describe(), outcome.resumed() ? "continued:" : "timed:", c.points().size(), c.networks().size(),
                        outcome.timed(), outcome.noisy(), minutes((System.nanoTime() - began) / 1e9));
                out.printf("reference speed: the probe's floor %.3f ms; %d primitive(s) timed while the machine ran more than %.2fx slower "
                        + "than it were timed again at the end%n", outcome.referenceMs(), outcome.retimed(), settings.rule().maxSlowdown());
                out.printf("second round: every other primitive timed again after the grid, the faster quiet timing kept (%d of the second "
                        + "timings were)%n", outcome.fasterSecond());
                LatencyModel model = new LatencyModel(c);
                out.println(model.correction().map(fit -> "network correction: " + fit.describe() + "; " + NetworkCheck.describe(model))
                        .orElse("no network correction: no whole network was timed"));
                out.printf("peak rate %.2f GMAC/s (512x512 matrix product), bandwidth %.2f GB/s (in-place add over 1 to 64 MiB, read + written)%n",
                        c.peakMacsPerSecond() / 1e9, c.peakBytesPerSecond() / 1e9);
                return IgcCli.OK;
            }
        }
    }

    private static String minutes(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
