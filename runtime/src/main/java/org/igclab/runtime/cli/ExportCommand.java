package org.igclab.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.Choice;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.OutputTarget;
import org.igclab.analyzer.cli.Task;
import org.igclab.analyzer.cli.WholeNumbers;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.export.PyTorchExport;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.export.OnnxExport;
import org.igclab.runtime.export.OnnxVerification;
import org.igclab.runtime.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc export FILE --format onnx|pytorch|json}: a design for other frameworks, written atomically. */
@Task.Of(Task.EXPORT)
@Command(name = "export",
        mixinStandardHelpOptions = true,
        header = "Export a design as ONNX (with weights), a PyTorch module (Python source) or canonical JSON.",
        sortOptions = false,
        description = {
            "onnx: an ONNX model (opset " + OnnxExport.OPSET + ") of the design with weights from a seeded DJL instantiation or a",
            "      training checkpoint, loaded back in ONNX Runtime and compared with DJL on random inputs before it is kept;",
            "      every value carries its shape (value_info) and the model its design's name, hash, parameters and MACs",
            "      as metadata, which Netron shows. igc import reads such a model (or any other) back as a network.",
            "pytorch: a self-contained Python file with an nn.Module (named blocks, shuffles as reshape/transpose) whose",
            "      parameter count is the analyzer's; run it with Python and PyTorch to check.",
            "json: the design's canonical JSON (every field explicit), which loads back to the same design.",
            "Files are written whole or not at all, and never over an existing file without --force."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc export samples/networks/resnet18.json --format onnx -o resnet18.onnx",
            "  igc export samples/networks/cifar-igcv2-k8-d38.json --format pytorch -o igcv2.py && python3 igcv2.py",
            "  igc export samples/networks/fashion-igcv2-small.json -f onnx --checkpoint CHECKPOINT_DIR -o trained.onnx"})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A chain or network file (JSON).")
    Path file;

    /** What a design is exported as. */
    enum Format {
        ONNX, PYTORCH, JSON;

        static final class Names extends Choice<Format> {
            Names() {
                super(values());
            }
        }
    }

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", converter = Format.Names.class,
            completionCandidates = Format.Names.class, description = "${COMPLETION-CANDIDATES} (onnx needs -o OUT).")
    Format format;

    @Mixin
    OutputTarget target;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "onnx: take the weights from this training checkpoint folder.")
    Path checkpoint;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "onnx: seed of the initial weights without a checkpoint (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-r", "--resolution"}, paramLabel = "SIDE", defaultValue = "32", converter = WholeNumbers.Positive.class,
            description = "Input side for a bare chain (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Override
    public Integer call() throws Exception {
        if (format == Format.ONNX && !target.toFile()) {
            throw new InputException("--format onnx needs -o OUT (the model is binary)");
        }
        if (checkpoint != null && format != Format.ONNX) {
            throw new InputException("--checkpoint only applies to --format onnx");
        }
        target.checkBeforeWork();
        Design design = DesignInputs.read(file).namedAfter(file);
        ResolvedNetwork network = DesignInputs.inFile(file,
                () -> ShapeInference.resolve(design.network(resolution)));
        PrintWriter err = spec.commandLine().getErr();
        switch (format) {
            case JSON -> target.emit(spec, DesignFiles.write(design), "");
            case PYTORCH -> target.emit(spec, PyTorchExport.source(network), "");
            case ONNX -> {
                byte[] model;
                OnnxVerification.Comparison check;
                try (Instantiation inst = instantiate(design, network)) {
                    model = OnnxExport.toBytes(inst, design.name(), DesignIdentity.of(design).hash());
                    check = OnnxVerification.compare(inst, model, 2, seed);
                }
                if (check.maxAbsDifference() > 1e-4 * Math.max(1, check.maxAbsOutput())) {
                    throw new IllegalStateException(String.format("ONNX Runtime and DJL disagree by %.3g (outputs up to %.3g); nothing written",
                            check.maxAbsDifference(), check.maxAbsOutput()));
                }
                target.write(model);
                err.printf("wrote %s (%,d bytes); ONNX Runtime agrees with DJL within %.2g (outputs up to %.3g)%n", target.file(), model.length,
                        check.maxAbsDifference(), check.maxAbsOutput());
            }
        }
        return IgcCli.OK;
    }

    private Instantiation instantiate(Design design, ResolvedNetwork network) throws IOException {
        if (checkpoint == null) {
            return Instantiation.of(network, seed);
        }
        Checkpoint ck = new Checkpoint(checkpoint);
        Checkpoint.State state = ck.state().orElseThrow(() -> new InputException("--checkpoint " + checkpoint + " holds no checkpoint (no state.json)"));
        if (!state.designHash().equals(DesignIdentity.of(design).hash())) {
            throw new InputException("--checkpoint " + checkpoint + " holds the weights of another design than " + file
                    + " (see igc results --id " + state.runId() + ")");
        }
        return ck.instantiate(network, state);
    }
}
