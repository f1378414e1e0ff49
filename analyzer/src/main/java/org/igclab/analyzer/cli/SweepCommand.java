package org.igclab.analyzer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.igclab.analyzer.plot.Charts;
import org.igclab.analyzer.report.SweepView;
import org.igclab.analyzer.latency.OpLatency;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.analyzer.text.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc sweep SPACE}: every design of a space with its figures, verdicts and Pareto front. */
@Task.Of(Task.ANALYSE)
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        header = "Every design of a space: parameters, MACs, verdicts, constraints and the Pareto front.",
        sortOptions = false,
        description = {
            "Build every design of a space file (igc-space/1, see samples/spaces/README.md: a network template with",
            "$${expr} holes and a grid or list of variable values), cost it with the network cost model, judge its chain",
            "blocks (complementary, balance) and keep those within the space's constraints. With --pareto, mark the",
            "Pareto front over the objectives named (each minimized unless written name:max).",
            "Designs that cannot be built (a group size that does not divide a width, say) are counted and, with",
            "--all, listed with their reason. A summary with the sweep's throughput goes to standard error."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc sweep samples/spaces/cifar-igcv2-grid.json",
            "  igc sweep samples/spaces/cifar-igcv2-grid.json --pareto params,macs --front-only",
            "  igc sweep samples/spaces/cifar-igcv2-grid.json --pareto params,width:max --csv -o front.csv",
            "  igc sweep samples/spaces/cifar-igcv2-grid.json --all --json > everything.json",
            "  igc sweep samples/spaces/cifar-igcv2-grid.json --pareto params,latency_pred --front-only   # after igc calibrate",
            "  igc sweep samples/spaces/cifar-igcv2-grid.json --pareto params,macs --plot front.png",
            "",
            "--plot draws the passing designs on the first two objectives of --pareto, the front (over all of them) joined.",
            "",
            "Objectives: params, macs, activations, peak_activation, traffic, imbalance, any variable whose values are",
            "whole numbers, latency_pred (the latency predicted from this machine's calibration, igc calibrate; the",
            "space's constraints may hold maxLatencyPred in milliseconds), and once measured (--evaluate, with the",
            "runtime) latency_b<N> for a batch size N that was timed (latency_b1, latency_b32 by default) and accuracy.",
            "A latency measured under interference (noisy) is shown marked and never ranked: its design is left out of",
            "the front."})
public class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPACE", description = "A space file (JSON, igc-space/1).")
    Path file;

    @Option(names = "--pareto", paramLabel = "OBJ[:max],...", description = "Mark the Pareto front over these objectives.")
    String pareto;

    @Option(names = "--front-only", description = "Show only the designs on the Pareto front (needs --pareto).")
    boolean frontOnly;

    @Option(names = "--all", description = "Also show the designs the constraints reject and those that cannot be built, with why.")
    boolean all;

    @Mixin
    OutputFormat format;

    @Mixin
    OutputTarget target;

    @Mixin
    PlotOption plot;

    @Override
    public Integer call() throws IOException {
        target.checkBeforeWork();
        plot.checkBeforeWork(spec);
        OutputFormat.Format chosen = format.chosen();
        if (frontOnly && pareto == null) {
            throw new InputException("--front-only needs --pareto OBJECTIVES");
        }
        Space space = DesignInputs.space(file);
        List<Objective> objectives = List.of();
        if (pareto != null) {
            try {
                objectives = Objective.parseList(pareto, Objective.numericVariables(space.grid()));
            } catch (IllegalArgumentException e) {
                throw new InputException("--pareto " + pareto + ": " + e.getMessage(), e);
            }
        }
        if (plot.requested() && objectives.size() < 2) {
            throw new InputException("--plot needs --pareto with two objectives (or more: the first two are the axes), e.g. --pareto params,macs");
        }
        checkMeasurable(objectives);
        boolean predict = objectives.stream().anyMatch(Objective::predicted) || space.constraints().maxLatencyPred().isPresent();
        OpLatency latency = predict ? latencyModel() : null;
        Sweep sweep;
        try (Progress progress = Progress.onConsole("sweeping designs")) {
            sweep = Sweep.run(space, latency, progress);
        }
        if (sweep.count(SweepRow.Status.INVALID) == sweep.rows().size()) {
            throw new InputException(String.format("no design of %s can be built: all %,d are invalid; the first (%s): %s", file,
                    sweep.rows().size(), space.describe(0), sweep.rows().get(0).reason()));
        }
        sweep = measure(sweep);
        if (!sweep.measured() && objectives.stream().anyMatch(Objective::measured)) {
            throw new InputException("--pareto " + pareto + ": " + Objective.MEASURED_NAMES + " are measured; "
                    + "add --evaluate latency or --evaluate train (with the runtime)");
        }
        BitSet front = objectives.isEmpty() ? new BitSet() : Objective.front(sweep, objectives);
        SweepView.Options options = new SweepView.Options(file.toString(), objectives, front, all, frontOnly);
        String text = switch (chosen) {
            case JSON -> SweepView.json(sweep, options);
            case CSV -> SweepView.csv(sweep, options);
            case TABLE -> SweepView.text(sweep, options);
        };
        String summary = sweep.throughput() + "; " + SweepView.counts(sweep)
                + (objectives.isEmpty() ? "" : String.format("; %,d on the Pareto front", front.cardinality()));
        spec.commandLine().getErr().println(summary);
        if (plot.requested()) {
            plot.write(spec, Charts.sweep(sweep, objectives, front, file.toString()));
        }
        target.emit(spec, text, "");
        return IgcCli.OK;
    }

    /**
     * Measures the designs that passed, where a module that can (the runtime) extends this command; the analyzer
     * alone leaves the sweep as it is.
     */
    protected Sweep measure(Sweep sweep) throws IOException {
        return sweep;
    }

    /** Refuses, before anything is measured, objectives the measuring this command will do cannot give (a subclass knows). */
    protected void checkMeasurable(List<Objective> objectives) {
    }

    /**
     * The model that predicts latency ({@code latency_pred}, {@code maxLatencyPred}) from this machine's calibration; the
     * runtime, which keeps calibrations, overrides this.
     */
    protected OpLatency latencyModel() {
        throw new InputException(Objective.LATENCY_PRED + " needs a calibration, which the runtime keeps: run igc calibrate with the runtime");
    }

    /** The command line this command runs in, for subclasses' output. */
    protected CommandSpec spec() {
        return spec;
    }
}
