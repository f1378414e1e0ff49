package org.igclab.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.OutputFormat;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.latency.OpLatency;
import org.igclab.analyzer.study.DesignConstraint;
import org.igclab.analyzer.study.SearchQuality;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.study.Study;
import org.igclab.runtime.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc study bench SPACE}: how close each sampler gets to the exact front in N evaluations, on an analytic space. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "The quality of the search: hypervolume after N evaluations, grid vs random vs NSGA-II, against the exact front.",
        description = {
            "Scores every design of the space analytically (objectives params, macs, ... or numeric variables), takes the",
            "exact Pareto front of the whole grid, and runs each sampler as a study would (screened-out designs are free)",
            "for each budget and seed. Hypervolume: MOEA Framework's WFG, each objective normalized between the best and",
            "the worst feasible design (plus 1%% of the range), reference point (1, ..., 1); 1.0 would be one design best",
            "in every objective. Nothing is stored. latency_pred (an objective) and maxLatencyPred (a constraint) are the",
            "latency predicted from this machine's calibration in the results store (igc calibrate first)."},
        footerHeading = "%nExamples:%n",
        footer = {"  igc study bench samples/spaces/cifar-igcv2-search.json --objectives params,width:max,depth:max",
            "  igc study bench samples/spaces/cifar-igcv2-search.json --objectives params,macs:max --evaluations 100 --seeds 30",
            "  igc study bench samples/spaces/cifar-igcv2-search.json --objectives params,latency_pred   # after igc calibrate"})
public final class StudyBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SPACE", description = "A space file (igc-space/1).")
    Path file;

    @Option(names = "--objectives", paramLabel = "OBJ[:max],...", required = true, description = "Analytic objectives.")
    String objectives;

    @Option(names = "--constraints", paramLabel = "NAME[=VALUE],...", description = "Added to the space's own.")
    String constraints;

    @Option(names = "--evaluations", paramLabel = "N,...", split = ",", defaultValue = "50,100,200,400", converter = WholeNumbers.Positive.class,
            description = "Budgets (default: ${DEFAULT-VALUE}).")
    List<Integer> evaluations;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "10", converter = WholeNumbers.Positive.class, description = "Seeds 1..N per sampler (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--population", paramLabel = "N", defaultValue = "20", converter = WholeNumbers.Positive.class, description = "NSGA-II's population (default: ${DEFAULT-VALUE}).")
    int population;

    @Mixin
    OutputFormat format;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() throws IOException {
        OutputFormat.Format chosen = format.chosen();
        if (population < 2 || population % 2 != 0) {
            throw new InputException("--population = " + population + " must be an even number of at least 2");
        }
        Space space = DesignInputs.space(file);
        SearchQuality.Result r;
        try {
            List<Objective> parsed = Objective.parseList(objectives, Objective.numericVariables(space.grid()));
            List<DesignConstraint> bounds = Study.constraints(space, constraints);
            OpLatency latency = StudyRunner.predicts(parsed, bounds) ? Calibrated.model(store, 1, spec.commandLine().getErr()) : null;
            r = SearchQuality.run(new SearchQuality.Setting(space, parsed, bounds, evaluations,
                    LongStream.rangeClosed(1, seeds).boxed().toList(), population, latency));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
        List<String> header = List.of("sampler", "evaluations", "hv_mean", "hv_sd", "hv_min", "hv_max", "of_exact", "evaluated");
        List<List<Object>> rows = r.rows().stream().map(x -> List.<Object>of(x.sampler(), x.evaluations(), x.mean(), x.sd(), x.min(), x.max(),
                x.ofExact(), x.reached())).toList();
        String text = switch (chosen) {
            case CSV -> Csv.of(header, rows);
            case JSON -> JsonFields.pretty(JsonFields.MAPPER.valueToTree(r));
            case TABLE -> {
                TextTable t = new TextTable("sampler", ">evaluations", ">hypervolume (mean +- sd)", ">min", ">max", ">of exact", ">evaluated");
                r.rows().forEach(x -> t.row(x.sampler(), x.evaluations(), String.format("%.4f +- %.4f", x.mean(), x.sd()),
                        String.format("%.4f", x.min()), String.format("%.4f", x.max()), String.format("%.1f%%", 100 * x.ofExact()),
                        String.format("%.0f", x.reached())));
                yield String.format("%s: %,d designs, %,d pass the constraints; exact front %d designs, hypervolume %.4f; objectives %s; "
                        + "%d seeds (random, nsga2), NSGA-II population %d%n", file, r.designs(), r.feasible(), r.exactFront(), r.exact(),
                        objectives, seeds, population) + t.render();
            }
        };
        spec.commandLine().getOut().print(text);
        return IgcCli.OK;
    }
}
