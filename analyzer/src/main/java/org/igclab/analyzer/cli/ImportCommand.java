package org.igclab.analyzer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.onnx.OnnxImport;
import org.igclab.analyzer.report.NetworkCostView;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc import MODEL.onnx -o net.json}: an ONNX model as an {@code igc-network/1} file. */
@Task.Of(Task.ANALYSE)
@Command(name = "import",
        mixinStandardHelpOptions = true,
        header = "Convert an ONNX model into a network file (igc-network/1) that every command reads.",
        sortOptions = false,
        description = {
            "Read an ONNX model (opsets 11 to 17; weights are read for their sizes only) and write it as igc-network/1:",
            "Conv, BatchNormalization, Relu, Clip (ReLU6), HardSwish, HardSigmoid, Sigmoid, Add and Mul (residuals,",
            "squeeze-and-excitation), Concat, Split/Slice of channels, Reshape-Transpose-Reshape (a channel shuffle),",
            "MaxPool, AveragePool, GlobalAveragePool, Flatten, Gemm/MatMul, Identity and Dropout. Any other operator is",
            "written as an \"unknown\" layer that names it: the counts are then lower bounds, and it is said on stderr.",
            "A symbolic batch size is fine; give symbolic channels, height or width with --input-shape NxCxHxW. Export with",
            "training=TrainingMode.PRESERVE so that BatchNorm stays apart from the convolutions (otherwise it is folded",
            "into their biases and the parameter count is PyTorch's for the folded model)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc import resnet50.onnx -o resnet50.json",
            "  igc cost resnet50.json --blocks                  the same counts as igc cost resnet50.onnx",
            "  igc import mobilenet_v3.onnx                     the network file on standard output",
            "  igc import dynamic.onnx --input-shape 1x3x224x224 -o net.json   a model exported with dynamic height and width"})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "An ONNX model (.onnx).")
    Path model;

    @Mixin
    InputShapeOption inputShape;

    @Mixin
    OutputTarget output;

    @Override
    public Integer call() throws IOException {
        output.checkBeforeWork();
        OnnxImport.Imported imported;
        try {
            imported = OnnxImport.read(model, inputShape.forFile(model));
        } catch (InvalidDesignException e) {
            throw new InputException(DesignInputs.complaint(model, "cannot import ", e), e);
        }
        NetworkCost cost = DesignInputs.inFile(model, () -> CostModel.of(imported.network()));
        output.emit(spec, JsonFields.pretty(imported.document()), "igc-network/1");
        spec.commandLine().getErr().println("imported " + model + " (opset " + imported.opset() + "): "
                + String.format("%,d parameters, %,d MACs", cost.params().total(), cost.macs())
                + (cost.lowerBound() ? "; " + NetworkCostView.lowerBoundNote(cost) : ""));
        return IgcCli.OK;
    }
}
