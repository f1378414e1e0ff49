package org.igclab.analyzer.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Reads an ONNX model (opsets 11 to 17) into the network description every command uses: {@code igc cost model.onnx},
 * {@code igc check model.onnx}, {@code igc import model.onnx -o net.json}. Weights are read for their sizes only.
 * Operators it does not know stay in place as {@code unknown} operations, named, and make every total a lower bound.
 */
public final class OnnxImport {
    public static final int MIN_OPSET = 11;
    public static final int MAX_OPSET = 17;
    /** What the import maps to IGC Lab's operations (anything else is named as unknown). */
    public static final Set<String> OPERATORS = Set.of("Conv", "BatchNormalization", "Relu", "Clip", "HardSwish", "HardSigmoid", "Sigmoid",
            "Mul", "Add", "Concat", "Split", "Slice", "Reshape", "Transpose", "MaxPool", "AveragePool", "GlobalAveragePool", "ReduceMean",
            "Flatten", "Gemm", "MatMul", "Identity", "Dropout");

    private OnnxImport() {
    }

    /**
     * A model imported: its network, and the same as an {@code igc-network/1} document.
     *
     * @param network  the network every command reads
     * @param document the file {@code igc import} writes
     * @param opset    the model's default-domain opset
     */
    public record Imported(Network network, ObjectNode document, int opset) {
    }

    /** Whether {@code file} is named as an ONNX model ({@code .onnx}). */
    public static boolean isOnnx(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /** Reads a model file; a file that is not a model it can read is an {@link InvalidDesignException} naming the problem. */
    public static Imported read(Path file) throws IOException {
        return read(file, Optional.empty());
    }

    /** Reads a model file whose input sizes left symbolic are those of {@code given} (see {@link #parse(byte[], String, Optional)}). */
    public static Imported read(Path file, Optional<InputShape> given) throws IOException {
        if (Files.isDirectory(file)) {
            throw new InvalidDesignException("", file + " is a directory, not an ONNX model");
        }
        String stem = file.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
        return parse(Files.readAllBytes(file), stem, given);
    }

    /** Reads a model from its bytes; {@code fallbackName} names the network when the graph has no name. */
    public static Imported parse(byte[] bytes, String fallbackName) {
        return parse(bytes, fallbackName, Optional.empty());
    }

    /**
     * Reads a model from its bytes. A symbolic batch ({@code dim_param} "batch") is accepted as it is, since no count
     * depends on it; a symbolic channel count, height or width is taken from {@code given}, and without it the model
     * is refused naming the input and the dimension. {@code given} must agree with the sizes the model fixes.
     */
    public static Imported parse(byte[] bytes, String fallbackName, Optional<InputShape> given) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidDesignException("", "is not an ONNX model (" + e.getMessage() + ")", e);
        }
        GraphProto graph = model.getGraph();
        if (!model.hasGraph() || graph.getNodeCount() == 0 || graph.getOutputCount() == 0) {
            throw new InvalidDesignException("", "is not an ONNX model: it has no graph with nodes and an output");
        }
        int opset = opset(model);
        Set<String> weights = graph.getInitializerList().stream().map(t -> t.getName()).collect(Collectors.toSet());
        List<ValueInfoProto> inputs = graph.getInputList().stream().filter(i -> !weights.contains(i.getName())).toList();
        if (inputs.isEmpty()) {
            throw new InvalidDesignException("input", "the model has no input that is not a weight");
        }
        ValueInfoProto input = inputs.get(0);
        DataFlow flow = OnnxReader.read(graph, opset, input.getName(), inputShape(input, given));
        String name = graph.getName().isEmpty() || graph.getName().equals("torch_jit") || graph.getName().equals("main_graph")
                ? fallbackName : graph.getName();
        ObjectNode document = JsonFields.MAPPER.createObjectNode().put("format", NetworkJson.FORMAT).put("name", name)
                .put("description", "imported from ONNX (" + (model.getProducerName().isEmpty() ? "unknown producer" : model.getProducerName())
                        + ", opset " + opset + ")");
        TensorShape in = flow.inShape();
        document.putObject("input").put("channels", in.channels()).put("height", in.height()).put("width", in.width());
        document.set("layers", SeriesParallel.layers(flow));
        Network network = NetworkJson.fromJson(JsonFields.of(document, ""));
        return new Imported(network, document, opset);
    }

    private static int opset(ModelProto model) {
        int opset = model.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToInt(o -> (int) o.getVersion()).findFirst()
                .orElseThrow(() -> new InvalidDesignException("opset_import", "names no version of the default ONNX operator set"));
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new InvalidDesignException("opset", "= " + opset + " is not supported: IGC Lab reads opsets " + MIN_OPSET + " to " + MAX_OPSET
                    + " (export again with opset_version=" + Math.max(MIN_OPSET, Math.min(MAX_OPSET, opset)) + ")");
        }
        return opset;
    }

    /**
     * The image input's {@code (N, C, H, W)} shape as C x H x W: each size the model fixes, or else the one given; a size
     * neither fixes is refused, naming it.
     */
    private static TensorShape inputShape(ValueInfoProto input, Optional<InputShape> given) {
        List<TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
        String at = "input " + input.getName();
        if (dims.size() != 4) {
            throw new InvalidDesignException(at, "has " + dims.size() + " dimensions; IGC Lab reads image models, (N, C, H, W)");
        }
        int[] sizes = new int[3];
        String[] names = {"channels", "height", "width"};
        int[] givenSizes = given.map(g -> new int[] {g.channels(), g.height(), g.width()}).orElse(null);
        for (int i = 0; i < 3; i++) {
            TensorShapeProto.Dimension d = dims.get(i + 1);
            boolean fixed = d.hasDimValue() && d.getDimValue() > 0 && d.getDimValue() <= Integer.MAX_VALUE;
            if (fixed && givenSizes != null && givenSizes[i] != d.getDimValue()) {
                throw new InvalidDesignException(at, "has its " + names[i] + " fixed at " + d.getDimValue() + ", but the input shape given ("
                        + given.get() + ") has " + givenSizes[i]);
            }
            if (!fixed && givenSizes == null) {
                throw new InvalidDesignException(at, "has its " + names[i] + " " + (d.hasDimParam() ? "symbolic (\"" + d.getDimParam() + "\")" : "unset")
                        + "; give the input's size as NxCxHxW (igc: --input-shape, e.g. --input-shape 1x3x224x224)");
            }
            sizes[i] = fixed ? (int) d.getDimValue() : givenSizes[i];
        }
        return new TensorShape(sizes[0], sizes[1], sizes[2]);
    }
}
