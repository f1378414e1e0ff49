package org.igclab.analyzer.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.network.GroupConvChains;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.onnx.OnnxImport;
import org.igclab.analyzer.report.NetworkChainsView;
import org.igclab.analyzer.report.ChainReports;
import org.igclab.analyzer.report.NetworkVerdicts;
import org.igclab.analyzer.report.ChainText;
import org.igclab.rules.condition.BalanceCondition;
import org.igclab.rules.condition.BalanceReport;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.io.JsonFields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc check FILE}: the complementary and balance verdicts of a chain written in JSON. */
@Task.Of(Task.ANALYSE)
@Command(name = "check",
        mixinStandardHelpOptions = true,
        header = "The complementary and balance verdicts of a chain, of a network's block, or of every block of a network.",
        sortOptions = false,
        description = {
            "Check a chain written in JSON (format igc-chain/1, see samples/chains/README.md) against the complementary",
            "condition (for any permutations: strict, dense or neither, with a witness pair when it fails) and the",
            "balance condition (both forms, with the closed-form and integer optima). With --block, the chain of one block of",
            "a network; a network without --block gets one line a block (path, type, verdict, imbalance) and a summary.",
            "An ONNX model (.onnx) without --block: every chain of group convolutions found in its operations, one line each.",
            "Exit code: 0 strict (for a network: every block that is a chain, and there is one), 1 dense or neither",
            "(for a network: some block, or no block is a chain), 2 invalid input."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc check samples/chains/igcv2-c64.json",
            "  igc check samples/chains/not-interleaved-c64.json     exit 1, with the witness",
            "  igc check my-chain.json --json --tolerance 0.1",
            "  igc check samples/networks/cifar-igcv1-l24m2-d38.json --block 'stages[1].blocks[0]'",
            "  igc check samples/networks/cifar-igcv2-k8-d38.json      every block, and a summary",
            "  igc check shufflenet_v2.onnx                           every chain of group convolutions in the model"})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A chain file or a network file (JSON), or an ONNX model (.onnx).")
    Path file;

    @Option(names = "--block", paramLabel = "PATH", description = "For a network: the block whose chain to check, by its path (e.g. stages[0].blocks[1]).")
    String block;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0",
            description = "Balanced when max/min of S_l*K_l is at most 1 + T (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Mixin
    InputShapeOption inputShape;

    @Mixin
    JsonOption format;

    @Override
    public Integer call() throws IOException {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new InputException("--tolerance = " + tolerance + " must be a finite number, 0 or more");
        }
        Design design = DesignInputs.read(file, inputShape.forFile(file));
        if (block == null && OnnxImport.isOnnx(file)) {
            return everyChain(design);
        }
        if (block == null && design instanceof Design.NetworkDesign n) {
            return network(n);
        }
        ChainDocument doc = DesignInputs.chain(file, design, block);
        ComplementaryReport complementary = ComplementaryCondition.check(doc.chain());
        BalanceReport balance = BalanceCondition.appliesTo(doc.chain()) ? BalanceCondition.analyze(doc.chain()) : null;
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            ObjectNode root = JsonFields.MAPPER.createObjectNode();
            root.put("file", file.toString());
            root.put("name", doc.name());
            root.set("complementary", ChainReports.complementary(complementary));
            if (balance != null) {
                root.set("balance", ChainReports.balance(balance, tolerance));
            }
            out.print(JsonFields.pretty(root));
        } else {
            out.print(ChainText.header(doc, file.toString()));
            out.print(ChainText.complementary(complementary));
            out.print(balance == null ? "balance: not applicable (the chain changes width)\n" : ChainText.balance(balance, tolerance));
        }
        return complementary.isStrict() ? IgcCli.OK : IgcCli.NO;
    }

    /** An ONNX model: every chain of group convolutions in it; 0 when each is strict. */
    private int everyChain(Design design) {
        var root = DesignInputs.inFile(file, () -> ShapeInference.resolve(((Design.NetworkDesign) design).network()).root());
        List<NetworkChainsView.Checked> checked = DesignInputs.inFile(file, () -> NetworkChainsView.check(GroupConvChains.in(root)));
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.json() ? JsonFields.pretty(NetworkChainsView.json(file.toString(), checked))
                : NetworkChainsView.text(file.toString(), checked));
        return checked.stream().allMatch(c -> c.report().isStrict()) ? IgcCli.OK : IgcCli.NO;
    }

    /** Every block's verdict, one line each, and the counts. */
    private int network(Design.NetworkDesign design) {
        NetworkVerdicts verdicts = NetworkVerdicts.of(DesignInputs.inFile(file, () -> ShapeInference.resolve(design.network()).root()));
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            ObjectNode root = JsonFields.MAPPER.createObjectNode();
            root.put("file", file.toString());
            root.put("name", design.name());
            root.setAll(verdicts.toJson());
            out.print(JsonFields.pretty(root));
        } else {
            out.println("network: " + (design.name().isEmpty() ? "(unnamed)" : design.name()) + "  [" + file + "]");
            out.print(verdicts.text());
        }
        return verdicts.allStrict() ? IgcCli.OK : IgcCli.NO;
    }
}
