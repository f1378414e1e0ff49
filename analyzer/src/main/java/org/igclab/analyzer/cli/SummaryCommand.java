package org.igclab.analyzer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkSummary;
import org.igclab.analyzer.network.cost.TrainingMemory;
import org.igclab.analyzer.report.SummaryView;
import org.igclab.rules.io.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc summary FILE}: a torchinfo-style summary of a network or chain. */
@Task.Of(Task.ANALYSE)
@Command(name = "summary",
        mixinStandardHelpOptions = true,
        header = "A torchinfo-style summary: the layer tree, shapes, parameters and MACs with shares, and the memory of a batch.",
        sortOptions = false,
        description = {
            "Print a network's layers as a tree to --depth levels (1: stem layers, blocks and head layers; 2: a block's",
            "operations; more for composites inside blocks), each with its input and output shape, kernel, stride and",
            "groups, and the parameters and MACs of everything under it with their share of the total; then the",
            "trainable parameters and the buffers (BatchNorm running statistics), and the memory of training on a batch",
            "(input, activations forward and backward, weights, gradients, optimizer state, buffers) and of inference.",
            "A chain file is summarised as the network of its operations on a C x 32 x 32 input (see --resolution)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc summary samples/networks/resnet18.json",
            "  igc summary samples/networks/cifar-igcv2-k8-d38.json --depth 2 --batch 128",
            "  igc summary samples/networks/mobilenet-v1.json --optimizer adam --batch 64 --json",
            "  igc summary samples/networks/igc-l4m32-imagenet.json --depth 3 --csv > layers.csv"})
public final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A network or chain file (JSON), or an ONNX model (.onnx).")
    Path file;

    @Option(names = {"-d", "--depth"}, paramLabel = "N", defaultValue = "1", converter = WholeNumbers.Positive.class,
            description = "Levels of the layer tree to show (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = {"-b", "--batch"}, paramLabel = "B", defaultValue = "1", converter = WholeNumbers.Positive.class,
            description = "Images per batch for the memory (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "momentum", converter = OptimizerNames.class,
            completionCandidates = OptimizerNames.class,
            description = "Whose state the memory counts: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, as igc train).")
    TrainingMemory.Optimizer optimizer;

    @Option(names = {"-r", "--resolution"}, paramLabel = "SIDE", converter = WholeNumbers.Positive.class,
            description = "Input height = width (default: the network's own input; 32 for a chain).")
    Integer resolution;

    @Mixin
    InputShapeOption inputShape;

    @Mixin
    OutputFormat format;

    static final class OptimizerNames extends Choice<TrainingMemory.Optimizer> {
        OptimizerNames() {
            super(TrainingMemory.Optimizer.values());
        }
    }

    @Override
    public Integer call() throws IOException {
        Design design = DesignInputs.read(file, inputShape.forFile(file)).namedAfter(file);
        Network network = resolution == null ? design.network(32) : design.asNetwork(resolution);
        NetworkSummary summary = DesignInputs.inFile(file, () -> NetworkSummary.of(CostModel.of(network), depth, batch, optimizer));
        spec.commandLine().getOut().print(switch (format.chosen()) {
            case JSON -> JsonFields.pretty(SummaryView.json(summary));
            case CSV -> SummaryView.csv(summary);
            case TABLE -> SummaryView.text(summary);
        });
        return IgcCli.OK;
    }
}
