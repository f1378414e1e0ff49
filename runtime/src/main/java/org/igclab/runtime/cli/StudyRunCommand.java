package org.igclab.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.igclab.analyzer.cli.Choice;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.study.MedianStoppingRule;
import org.igclab.analyzer.study.Sampler;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.study.InProcessMeasurer;
import org.igclab.runtime.study.Measuring;
import org.igclab.runtime.study.Study;
import org.igclab.runtime.study.StudyRecord;
import org.igclab.runtime.study.StudyRunner;
import org.igclab.runtime.study.StudyStore;
import org.igclab.runtime.study.TrialMeasurer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc study run NAME --trials N}: measures N more designs of a study, continuing where it stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Measure N more designs of a study, chosen by a sampler; resumable.",
        description = {
            "Asks the sampler for designs the study has not tried, screens each against the constraints analytically (one",
            "that fails is recorded infeasible, never measured, and does not count towards N), measures the others (latency",
            "and/or training, as the objectives need) and records each trial. Ctrl-C stops at a step boundary (a training",
            "keeps its checkpoint; exit 130); the same command continues the study without repeating a design.",
            "A training trial whose test accuracy after an epoch is below the median of earlier trials' at that epoch is",
            "stopped and recorded pruned (the median stopping rule; --prune none turns it off). The first run fixes how",
            "the study's designs are measured (epochs, data, timing); later runs must measure them the same way."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc study run tiny --trials 4 --epochs 2 --limit-train 2000 --limit-test 500",
            "  igc study run search --trials 100 --sampler nsga2 --population 20 --seed 7",
            "  igc study run search --trials 50 --sampler random          # the same study, another sampler",
            "  igc study run fast --trials 10 --threads 1                   # latency_b1: timed as igc evaluate times it"})
public class StudyRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The study (igc study create NAME ...).")
    String name;

    @Option(names = "--trials", paramLabel = "N", required = true, converter = WholeNumbers.Positive.class,
            description = "Designs to measure in this run.")
    int trials;

    static final class Samplers extends Choice<Sampler.Kind> {
        Samplers() {
            super(Sampler.Kind.values());
        }
    }

    @Option(names = "--sampler", paramLabel = "S", defaultValue = "nsga2", converter = Samplers.class, description = "grid (sweep "
            + "order), random (seeded, no repeats) or nsga2 (default: ${DEFAULT-VALUE}).")
    Sampler.Kind kind;

    @Option(names = "--seed", paramLabel = "S", description = "The random and NSGA-II samplers' seed (default: the study's last, else 42).")
    Long seed;

    @Option(names = "--population", paramLabel = "N", defaultValue = "20", converter = WholeNumbers.Positive.class,
            description = "NSGA-II's population, even (default: ${DEFAULT-VALUE}).")
    int population;

    /** How training trials are stopped early. */
    enum Pruning {
        MEDIAN, NONE;

        static final class Names extends Choice<Pruning> {
            Names() {
                super(values());
            }
        }
    }

    @Option(names = "--prune", paramLabel = "RULE", defaultValue = "median", converter = Pruning.Names.class, description = "Training "
            + "trials: median (the median stopping rule) or none (default: ${DEFAULT-VALUE}).")
    Pruning prune;

    @Option(names = "--prune-warmup", paramLabel = "N", defaultValue = "1", converter = WholeNumbers.NonNegative.class,
            description = "Epochs every trial trains before it may be pruned (default: ${DEFAULT-VALUE}).")
    int pruneWarmup;

    @Option(names = "--prune-min-trials", paramLabel = "N", defaultValue = "3", converter = WholeNumbers.Positive.class,
            description = "Earlier trials needed at an epoch before one is pruned there (default: ${DEFAULT-VALUE}).")
    int pruneMinTrials;

    @Mixin
    StoreOption store;

    /** Latency objectives: how designs are timed (--batch defaults to the objectives' batch sizes). */
    @Mixin
    TimingOptions timing;

    /** The accuracy objective: how designs are trained. */
    @Mixin
    TrainOptions train;

    @Override
    public Integer call() throws IOException {
        if (population < 2 || population % 2 != 0) {
            throw new InputException("--population = " + population + " must be an even number of at least 2");
        }
        checkOptions();
        PrintWriter err = spec.commandLine().getErr();
        if (!java.nio.file.Files.exists(store.path())) {
            throw new InputException("no results store at " + store.path() + " (igc study create first, or pass --store)");
        }
        try (GracefulStop stop = GracefulStop.onSignals(err::println); ResultStore db = store.open(err)) {
            Calibrated.adoptReferences(db);
            StudyStore studies = new StudyStore(db);
            StudyRecord record = studies.find(name).orElseThrow(() -> new InputException("no study named " + name + " in " + store.path()
                    + " (igc study list shows those there)"));
            Study study = Study.of(record);
            Measuring how = measuring(study);
            if (record.settingsJson() == null) {
                studies.fixSettings(record.id(), how.settingsJson());
            } else if (!JsonFields.MAPPER.readTree(record.settingsJson()).equals(JsonFields.MAPPER.readTree(how.settingsJson()))) {
                throw new InputException("study " + name + " measures its designs as its first run did: " + record.settingsJson()
                        .replaceAll("\\s+", " ") + "; run it with those settings, or create a new study");
            }
            long s = seed != null ? seed : lastSeed(record);
            StudyRunner.Options options = new StudyRunner.Options(kind, s, population, trials);
            err.printf("study %s: %d more trial%s with %s (seed %d), %s; results in %s%n", name, trials, trials == 1 ? "" : "s",
                    kind.label(), s, how.analytic() ? "scored analytically" : "measured", store.path());
            StudyRunner.Summary sum = StudyRunner.run(studies, study, options, how, measurer(), err, stop);
            spec.commandLine().getOut().printf("study %s: %d measured (%d pruned), %d screened out by the constraints, %d failed%s%n",
                    name, sum.measured(), sum.pruned(), sum.screenedOut(), sum.failed(),
                    sum.exhausted() ? "; the sampler has no design left to propose" : "");
            return sum.failed() > 0 ? IgcCli.INTERNAL : IgcCli.OK;
        } catch (CancellationException e) {
            err.println("igc study run: interrupted (" + e.getMessage() + "); the same command continues the study");
            return IgcCli.INTERRUPTED;
        }
    }

    /** How this run measures the study's designs: what its objectives need, with these options. */
    private Measuring measuring(Study study) {
        EvaluationSettings latency = null;
        if (!study.latencyBatches().isEmpty()) {
            if (!spec.commandLine().getParseResult().hasMatchedOption("--batch")) {
                timing.batches = study.latencyBatches();
            }
            latency = timing.apply(EvaluationSettings.defaults());
            for (int b : study.latencyBatches()) {
                if (!latency.batches().contains(b)) {
                    throw new InputException("--batch " + latency.batches() + " does not time batch " + b + ", which the objective latency_b"
                            + b + " needs");
                }
            }
        }
        boolean trains = study.trains();
        return new Measuring(latency, trains ? train.settings() : null,
                trains && prune == Pruning.MEDIAN ? new MedianStoppingRule(pruneWarmup, pruneMinTrials) : null,
                train.dataDir(), train.checkpointRoot());
    }

    private static long lastSeed(StudyRecord r) throws IOException {
        if (r.samplerState() == null) {
            return 42;
        }
        return JsonFields.MAPPER.readTree(r.samplerState()).path("seed").asLong(42);
    }

    /** Checks this run's own options (a subclass adds its own). */
    protected void checkOptions() {
    }

    /** Measures the trials: in this process; a module that runs them elsewhere (Spark) overrides it. */
    protected TrialMeasurer measurer() {
        return new InProcessMeasurer();
    }
}
