package org.igclab.analyzer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.report.ChainCostView;
import org.igclab.analyzer.report.NetworkCostView;
import org.igclab.rules.io.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc cost FILE}: parameters, MACs, FLOPs (and for networks memory) per layer and in total. */
@Task.Of(Task.ANALYSE)
@Command(name = "cost",
        mixinStandardHelpOptions = true,
        header = "Per-layer and total parameters, MACs, FLOPs and memory of a chain or network file.",
        sortOptions = false,
        description = {
            "Print the cost of a chain (igc-chain/1: per kernel) or a network (igc-network/1, or an ONNX model: per",
            "operation, like ptflops/fvcore) with the counting conventions stated. Networks also get activation memory",
            "and memory traffic, and --formulas prints each block family's closed form with the numbers substituted.",
            "An ONNX operator IGC Lab does not know is named with its count, and the totals are then lower bounds."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc cost samples/chains/igcv2-c64.json",
            "  igc cost samples/networks/resnet18.json --blocks",
            "  igc cost samples/networks/cifar-igcv1-l24m2-d38.json --formulas",
            "  igc cost samples/networks/mobilenet-v1.json --resolution 160 --csv > mnv1-160.csv",
            "  igc cost resnet50.onnx --blocks",
            "  igc cost dynamic.onnx --input-shape 1x3x224x224   a model exported with dynamic height and width",
            "  igc cost samples/networks/cifar-igcv2-k8-d38.json --latency   # predicted ms per layer (after igc calibrate)"})
public class CostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A chain or network file (JSON), or an ONNX model (.onnx).")
    Path file;

    @Option(names = {"-r", "--resolution"}, paramLabel = "SIDE", converter = WholeNumbers.Positive.class,
            description = "Input height = width (default: 32 for a chain, the network's own input for a network).")
    Integer resolution;

    @Option(names = "--blocks", description = "Networks: one row per stem layer, block and head layer instead of every operation.")
    boolean blocks;

    @Option(names = "--formulas", description = "Networks: each block family's closed-form counts with numbers substituted (with --blocks rows).")
    boolean formulas;

    @Mixin
    InputShapeOption inputShape;

    @Mixin
    OutputFormat format;

    /** The file, the resolution asked for (null: the design's own) and the format: for a command that extends this one. */
    protected Path file() {
        return file;
    }

    protected Integer resolution() {
        return resolution;
    }

    protected OutputFormat.Format chosenFormat() {
        return format.chosen();
    }

    protected CommandSpec spec() {
        return spec;
    }

    /** The design of the file, an ONNX model's symbolic input sizes given by --input-shape. */
    protected Design design() throws IOException {
        return DesignInputs.read(file, inputShape.forFile(file));
    }

    @Override
    public Integer call() throws IOException {
        OutputFormat.Format chosen = format.chosen();
        Design design = design();
        PrintWriter out = spec.commandLine().getOut();
        out.print(design.accept(new Design.Visitor<String>() {
            @Override
            public String chain(Design.ChainDesign c) {
                if (blocks || formulas) {
                    throw new InputException((blocks ? "--blocks" : "--formulas") + " applies to network files; " + file + " is a chain");
                }
                int side = resolution == null ? 32 : resolution;
                return DesignInputs.inFile(file, () -> switch (chosen) {
                    case JSON -> JsonFields.pretty(ChainCostView.json(c.document(), file.toString(), side));
                    case CSV -> ChainCostView.csv(c.document(), side);
                    case TABLE -> ChainCostView.text(c.document(), file.toString(), side);
                });
            }

            @Override
            public String network(Design.NetworkDesign n) {
                Network network = resolution == null ? n.network() : n.asNetwork(resolution);
                NetworkCost cost = DesignInputs.inFile(file, () -> CostModel.of(network));
                if (cost.lowerBound()) {
                    // said on stderr too, so that a CSV or JSON reader's user sees it
                    spec.commandLine().getErr().println("igc cost: " + file + ": " + NetworkCostView.lowerBoundNote(cost));
                }
                return switch (chosen) {
                    case JSON -> JsonFields.pretty(NetworkCostView.json(cost));
                    case CSV -> blocks ? NetworkCostView.csvBlocks(cost) : NetworkCostView.csv(cost);
                    // with the formulas, one row per block is enough beside them
                    case TABLE -> NetworkCostView.text(cost, blocks || formulas, formulas);
                };
            }
        }));
        return IgcCli.OK;
    }
}
