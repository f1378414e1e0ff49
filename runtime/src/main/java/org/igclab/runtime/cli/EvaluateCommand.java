package org.igclab.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.JsonOption;
import org.igclab.analyzer.cli.Task;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.text.Progress;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.calibrate.PredictionCheck;
import org.igclab.runtime.calibrate.Predictor;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.evaluate.EvaluationReport;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.evaluate.EvaluationView;
import org.igclab.runtime.evaluate.Evaluator;
import org.igclab.runtime.evaluate.StoredEvaluation;
import org.igclab.runtime.plan.Execution;
import org.igclab.runtime.plan.Layout;
import org.igclab.runtime.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc evaluate FILE}: instantiate in DJL/PyTorch, check against the analyzer, time it, store the result. */
@Task.Of(Task.MEASURE)
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        header = "Instantiate a design in DJL (PyTorch), prove it matches the analyzer, and time it.",
        sortOptions = false,
        description = {
            "Build the chain or network in DJL on the PyTorch engine (CPU), then:",
            "  - compare its parameters with the analyzer's, operation by operation (fails naming the first that differs);",
            "  - check that every chain of structured sparse kernels is wired as the path-count matrix predicts",
            "    (positive random weights, identity-basis input, compare zero patterns);",
            "  - plan the execution (--execution): the network's runs of linear operations (convolutions,",
            "    permutations, and BatchNorm in inference; a nonlinearity ends a run) may run as designed, with",
            "    BatchNorm folded, with the 1x1 kernels merged into one dense 1x1, or multiplied out; 'auto' times",
            "    each distinct run's candidates and keeps the fastest (candidates within each other's intervals",
            "    decided by the strategy predicted fastest for the whole network, and the whole network timed",
            "    against that strategy everywhere, the faster kept); every candidate and plan is first checked",
            "    against the design (relative difference, max |difference| over the largest |output|, within 1e-4) and never timed",
            "    if it differs; the report lists each run's plan and its candidates' times;",
            "  - lay out the activations (--layout): each plan's whole network is timed in NCHW and channels last",
            "    (NHWC in memory) and the faster kept, or only in the layout named; checked in the layout it runs;",
            "  - time forward passes in inference mode, one intra-op and one inter-op thread unless --threads:",
            "    warm up until two windows of 5 passes agree within 5%%, then time until the median's 95%% confidence",
            "    half-width (an order-statistic interval, free of any assumption about the timings' distribution) is within",
            "    --target percent of the median, or --max-runs passes, or --max-seconds; report median, p10, p90, the",
            "    half-width, images per second, the threads, the load and whether the target was met;",
            "  - judge interference: a pass whose timing thread was on a processor less than 90%% of its wall time is",
            "    disturbed; a timing with more than 20%% disturbed passes, or with more runnable threads than processors",
            "    on the machine, is noisy: it is timed again (--attempts in all), and if still noisy stored marked 'noisy',",
            "    which keeps it out of Pareto fronts and the explorer's charts (see src/site/markdown/latency.md).",
            "Before anything is allocated, the memory a batch needs (parameters + activations x batch, from the analyzer's",
            "counts) is compared with the machine's: a batch needing more than half of it is refused (exit 2).",
            "The result is stored as a run in the results store (see 'igc results'). Ctrl-C stops after the pass in flight",
            "and stores the run as interrupted, without partial timings (exit code 130).",
            "Exit code: 0 consistent, 3 the engine and the analyzer disagree, 2 invalid input."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc evaluate samples/networks/cifar-igcv1-l24m2-d38.json",
            "  igc evaluate samples/chains/igcv2-c64.json --resolution 56 --execution designed,merged,dense",
            "  igc evaluate samples/networks/cifar-igcv2-k8-d38.json --batch 32 --execution designed,auto   # the plan against the design",
            "  igc evaluate samples/networks/cifar-igcv2-k8-d38.json --batch 32 --execution merged --layout channels-last",
            "  igc evaluate samples/networks/resnet18.json --batch 1,8 --target 2 --max-seconds 60 --json",
            "  igc evaluate samples/networks/resnet18.json --threads 2     # two intra-op threads: only on a quiet machine"})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A chain or network file (JSON).")
    Path file;

    @Mixin
    TimingOptions timing;

    @Option(names = "--execution", paramLabel = "HOW", split = ",", defaultValue = "auto", converter = Execution.Names.class,
            description = "How the design is executed when timed, one or a list: auto (each run of linear operations as its "
                    + "fastest candidate on this machine, timed, and checked as a whole network against the best strategy everywhere; the default), designed (the kernels as written), folded (BatchNorm "
                    + "folded into the convolution before it), merged (the 1x1 kernels and permutations after a spatial kernel "
                    + "multiplied into one dense 1x1), dense (each run multiplied out into one convolution); sparse means designed.")
    List<Execution> executions;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "auto", converter = Layout.Names.class,
            description = "How each plan's activations are laid out in memory when timed: auto (the whole network checked and timed "
                    + "in both, the faster kept; the default, since which is faster depends on the plan, the batch and the machine), "
                    + "nchw (the design's own layout), channels-last (NHWC in memory: convolutions, BatchNorm and ReLU keep it from "
                    + "one to the next; one reordering of the input). Naming one halves the timing.")
    Layout layout;

    @Option(names = {"-r", "--resolution"}, paramLabel = "SIDE", defaultValue = "32", converter = WholeNumbers.Positive.class,
            description = "Input side for a bare chain (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Weight initialisation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--layers", description = "Also print the parameter comparison of every operation.")
    boolean layers;

    @Option(names = "--no-store", description = "Do not record the run in the results store.")
    boolean noStore;

    @Mixin
    StoreOption store;

    @Mixin
    JsonOption format;

    @Override
    public Integer call() throws IOException {
        EvaluationSettings chainSettings = settings();
        Design design = DesignInputs.read(file).namedAfter(file);
        // the resolution stored with the run is the one evaluated: a network's own input side
        EvaluationSettings settings = chainSettings.withResolution(design.network(chainSettings.resolution()).input().height());
        EvaluationReport report;
        PrintWriter err = spec.commandLine().getErr();
        // refused before the store is opened: a design that cannot be evaluated creates no file
        Evaluator.checkMemory(design, settings);
        try (GracefulStop stop = GracefulStop.onSignals(err::println);
             ResultStore db = noStore ? null : store.open(err);
             Progress progress = Progress.onConsole("evaluating")) {
            if (!noStore) {
                Calibrated.adoptReferences(db);
            }
            report = noStore ? StoredEvaluation.run(design, settings, progress, stop)
                    : StoredEvaluation.runAndStore(design, settings, db, progress, stop);
        } catch (InvalidDesignException e) {
            throw new InputException("invalid design in " + file + ": " + e.getMessage(), e);
        } catch (CancellationException e) {
            err.println("igc evaluate: " + e.getMessage());
            return IgcCli.INTERRUPTED;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            out.print(JsonFields.pretty(EvaluationView.json(report, settings)));
        } else {
            out.print(EvaluationView.text(report, settings));
            if (layers) {
                out.print(EvaluationView.parameterRows(report.parameters()));
            }
            if (!noStore) {
                out.println("stored in " + store.path() + " (see: igc results --store " + store.path() + ")");
                out.print(predicted(design, settings, report, err));
            }
        }
        if (!report.consistent()) {
            spec.commandLine().getErr().println("igc evaluate: the engine and the analyzer disagree: "
                    + (report.parameters().agrees() ? "a chain is wired differently (see structure above)" : report.parameters().describe()));
            return IgcCli.INTERNAL;
        }
        return IgcCli.OK;
    }

    /** The latency predicted from this machine's calibration beside the measured one, or a line saying why there is none. */
    private String predicted(Design design, EvaluationSettings settings, EvaluationReport report, PrintWriter err) {
        try (ResultStore db = store.open(err)) {
            Predictor predictor = Predictor.load(db, settings.threads(), settings.batches().get(0));
            ResolvedNetwork network = ShapeInference.resolve(design.network(settings.resolution()));
            return "latency model: " + String.join("\n  ", PredictionCheck.lines(predictor, network, report.latency())) + "\n";
        } catch (InputException e) {
            return "latency model: " + e.getMessage() + "\n";
        }
    }

    private EvaluationSettings settings() {
        return timing.apply(EvaluationSettings.defaults()).withExecutions(executions).withLayout(layout).withSeed(seed).withResolution(resolution);
    }
}
