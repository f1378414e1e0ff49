package org.igclab.runtime.cli;

import org.igclab.analyzer.cli.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code igc study}: named, resumable searches of a design space, kept in the results store. */
@Task.Of(Task.MEASURE)
@Command(name = "study",
        mixinStandardHelpOptions = true,
        header = "Named, resumable searches of a design space too large to grid: grid, random or NSGA-II, with pruning.",
        description = {
            "A study searches a space file (igc-space/1) for the Pareto front of its objectives: analytic ones (params,",
            "macs, ...), latency_b<N> (measured as igc evaluate times it) and accuracy (trained as igc train trains).",
            "Its constraints screen each design analytically before anything is measured. Its trials are runs of the",
            "results store; running it again continues it without repeating a design. See src/site/markdown/studies.md."},
        subcommands = {StudyCreateCommand.class, StudyRunCommand.class, StudyShowCommand.class, StudyListCommand.class,
            StudyBenchCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc study create tiny --space samples/spaces/fashion-tiny.json --objectives accuracy:max,params",
            "  igc study run tiny --trials 4 --sampler random --epochs 2 --limit-train 2000 --limit-test 500",
            "  igc study show tiny --plot front.png",
            "  igc study create search --space samples/spaces/cifar-igcv2-search.json --objectives params,width:max,depth:max",
            "  igc study run search --trials 100 --sampler nsga2 --seed 7",
            "  igc study list",
            "  igc study bench samples/spaces/cifar-igcv2-search.json --objectives params,width:max,depth:max"})
public class StudyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is missing (create, run, show, list, bench)");
    }
}
