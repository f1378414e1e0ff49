package org.igclab.analyzer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code igc} command; the work is done by its subcommands. */
@Command(name = "igc",
        mixinStandardHelpOptions = true,
        versionProvider = IgcVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "IGC Lab: enumerate, check and cost convolution blocks built as products of structured sparse kernels",
            "(interleaved group convolutions IGCV1/IGCV2, depthwise-separable, group conv + shuffle, plain conv),",
            "and sweep whole networks for their Pareto fronts and their widths under a budget."},
        subcommands = {EnumerateCommand.class, CheckCommand.class, CostCommand.class, SummaryCommand.class, GraphCommand.class, SweepCommand.class,
            ImportCommand.class,
            BudgetCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc enumerate --channels 64                 every factorization of a 64-channel 3x3 kernel",
            "  igc enumerate -c 256 --first channel-wise --layers 3..4",
            "  igc check samples/chains/igcv2-c64.json     verdicts with a witness; exit 0 strict, 1 not, 2 invalid",
            "  igc cost samples/chains/igcv1-l24m2.json    per-kernel parameters, MACs and FLOPs",
            "  igc cost resnet50.onnx --blocks             any ONNX model; igc import writes it as a network file",
            "  igc sweep samples/spaces/cifar-igcv2-grid.json --pareto params,macs",
            "                                              every design of a space and its Pareto front",
            "  igc budget samples/spaces/cifar-equal-params.json --params 317242 --vary width",
            "                                              the widest network of each family within a budget",
            "  igc help enumerate                          the options of one command",
            "",
            "Exit codes: 0 success, 1 a condition does not hold, 2 invalid input, 3 internal error,",
            "130 interrupted (Ctrl-C or SIGTERM) after saving its work."})
public final class IgcCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing (enumerate, check, cost, ...)");
    }
}
