package org.igclab.analyzer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.igclab.analyzer.latency.OpLatency;
import org.igclab.analyzer.plot.Charts;
import org.igclab.analyzer.report.BudgetView;
import org.igclab.analyzer.sweep.BudgetSolver;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.text.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc budget SPACE --params N --vary width}: the largest width (or other variable) that fits a budget. */
@Task.Of(Task.ANALYSE)
@Command(name = "budget",
        mixinStandardHelpOptions = true,
        header = "The largest width (or other variable) whose network fits a parameter or MAC budget.",
        sortOptions = false,
        description = {
            "Compare designs at equal size, the way the IGC papers do: for every combination of the space's other",
            "variables (each layer count, each template of a list, ...), find the largest value of the varied",
            "variable, a multiple of --step up to --max, whose network is valid, meets the space's constraints and",
            "fits the budget. The varied variable's own grid values, if any, are ignored. The search assumes the",
            "budgeted counts grow with the variable (parameters and MACs grow with width and depth) and tests every",
            "value it steps to for validity, since validity does not follow the width (K must divide it, say).",
            "The JSON answer carries each best network filled in, ready to save as a network file."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc budget samples/spaces/cifar-equal-params.json --params 317242 --vary width",
            "  igc budget samples/spaces/cifar-igcv2-layers.json --params 1000000 --vary width --step 16 --csv",
            "  igc budget samples/spaces/cifar-igcv2-grid.json --macs 50000000 --vary width --json -o widths.json",
            "  igc budget samples/spaces/cifar-igcv2-layers.json --params 317242 --vary width --plot widths.svg",
            "  igc budget samples/spaces/cifar-igcv2-layers.json --latency-pred 20 --vary width   # after igc calibrate",
            "",
            "--plot draws the varied variable's largest value against the last whole-number variable with several values",
            "(width against L), one line for each combination of the others (K = 4, K = 8)."})
public class BudgetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPACE", description = "A space file (JSON, igc-space/1).")
    Path file;

    @Option(names = "--params", paramLabel = "N", converter = WholeNumbers.PositiveLong.class,
            description = "Parameter budget (PyTorch's count); tightens the space's maxParams.")
    Long params;

    @Option(names = "--macs", paramLabel = "N", converter = WholeNumbers.PositiveLong.class,
            description = "MAC budget; tightens the space's maxMacs.")
    Long macs;

    @Option(names = "--latency-pred", paramLabel = "MS", description = "Predicted-latency budget in milliseconds, from this machine's "
            + "calibration (igc calibrate); tightens the space's maxLatencyPred.")
    Double latencyPred;

    @Option(names = "--vary", required = true, paramLabel = "VAR", description = "The variable to maximize (e.g. width).")
    String variable;

    @Option(names = "--step", paramLabel = "N", defaultValue = "8", converter = WholeNumbers.Positive.class,
            description = "Try multiples of N (default: ${DEFAULT-VALUE}).")
    int step;

    @Option(names = "--max", paramLabel = "N", defaultValue = "4096", converter = WholeNumbers.Positive.class,
            description = "Largest value to try (default: ${DEFAULT-VALUE}).")
    int max;

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
        if (max < step) {
            throw new InputException("--max = " + max + " must be at least --step (" + step + ")");
        }
        if (max / step > 1_000_000) {
            throw new InputException("--max / --step = " + max / step + " values, more than 1,000,000; take a larger step");
        }
        Space space = DesignInputs.space(file, variable);
        OptionalLong p = params == null ? OptionalLong.empty() : OptionalLong.of(params);
        OptionalLong m = macs == null ? OptionalLong.empty() : OptionalLong.of(macs);
        if (latencyPred != null && !(latencyPred > 0 && latencyPred < Double.POSITIVE_INFINITY)) {
            throw new InputException("--latency-pred = " + latencyPred + " must be a number of milliseconds above 0");
        }
        OptionalDouble l = latencyPred == null ? OptionalDouble.empty() : OptionalDouble.of(latencyPred);
        if (p.isEmpty() && m.isEmpty() && l.isEmpty() && space.constraints().maxParams().isEmpty() && space.constraints().maxMacs().isEmpty()
                && space.constraints().maxLatencyPred().isEmpty()) {
            throw new InputException("give a budget: --params N, --macs N or --latency-pred MS (or maxParams / maxMacs / maxLatencyPred in "
                    + "the space's constraints)");
        }
        OpLatency latency = l.isPresent() || space.constraints().maxLatencyPred().isPresent() ? latencyModel() : null;
        if (!space.uses(variable)) {
            throw new InputException("--vary " + variable + ": the template of " + file + " does not use ${" + variable + "}");
        }
        if (space.grid().listNames().contains(variable)) {
            throw new InputException("--vary " + variable + ": the list entries of " + file + " set it; only a grid variable "
                    + "or one the space leaves unset can be varied");
        }
        BudgetSolver.Solution solution;
        try (Progress progress = Progress.onConsole("searching")) {
            solution = BudgetSolver.solve(space, variable, step, max, p, m, l, latency, progress);
        } catch (org.igclab.rules.model.InvalidDesignException e) {
            throw new InputException("invalid space in " + file + ": " + e.getMessage(), e);
        }
        if (solution.unbuilt() != null) {
            throw new InputException("no design of " + file + " can be built: every value of " + variable + " tried is invalid; at "
                    + solution.unbuilt());
        }
        BudgetView.Question q = new BudgetView.Question(file.toString(), variable, step, max);
        String text = switch (chosen) {
            case JSON -> BudgetView.json(space, q, solution);
            case CSV -> BudgetView.csv(space, q, solution);
            case TABLE -> BudgetView.text(space, q, solution);
        };
        if (plot.requested()) {
            String budget = String.join(" and ", java.util.stream.Stream.of(p.isPresent() ? String.format("%,d parameters", p.getAsLong()) : "",
                    m.isPresent() ? String.format("%,d MACs", m.getAsLong()) : "").filter(t -> !t.isEmpty()).toList());
            plot.write(spec, Charts.budget(space, variable, budget.isEmpty() ? solution.space().constraints().describe() : budget, solution,
                    file.toString()));
        }
        target.emit(spec, text, "");
        return IgcCli.OK;
    }

    /** The model that predicts latency from this machine's calibration; the runtime, which keeps calibrations, overrides this. */
    protected OpLatency latencyModel() {
        throw new InputException("--latency-pred needs a calibration, which the runtime keeps: run igc calibrate with the runtime");
    }

    protected CommandSpec spec() {
        return spec;
    }
}
