package org.igclab.runtime.export;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;

/**
 * Writes an instantiated network as an ONNX model (opset 13) with its weights: grouped {@code Conv} with the
 * {@code group} attribute, {@code Reshape}/{@code Transpose}/{@code Reshape} for channel shuffles, {@code Gather}
 * for other permutations, {@code BatchNormalization}, {@code Relu}/{@code Clip}, {@code Add}, {@code Split}/{@code
 * Concat}, pooling and {@code Gemm}. The graph computes what the DJL block computes in inference mode, output shape
 * included (global pooling flattens, as DJL's does).
 */
public final class OnnxExport {
    public static final int OPSET = 13;
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    private final OnnxGraph graph;
    private final Map<String, Block> blocks = new HashMap<>();

    private OnnxExport(String name, Instantiation inst) {
        this.graph = new OnnxGraph(name.isEmpty() ? "igc" : name);
        for (DjlNetwork.Mapped m : inst.djl().mapped()) {
            blocks.put(m.layer().path(), m.block());
        }
    }

    /** The model as bytes, ready to write to a {@code .onnx} file. */
    public static byte[] toBytes(Instantiation inst, String name) {
        if (inst.djl().mapped().size() != inst.network().ops().size()) {
            throw new IllegalArgumentException("export needs the sparse execution, where every operation has its own block");
        }
        OnnxExport export = new OnnxExport(name, inst);
        TensorShape in = inst.network().spec().input();
        export.graph.input(INPUT, "N", in.channels(), in.height(), in.width());
        String out = export.layer(inst.network().root(), INPUT);
        export.graph.rename(out, OUTPUT);
        TensorShape o = inst.network().output();
        boolean flat = endsFlat(inst.network().root());
        if (flat) {
            export.graph.output(OUTPUT, "N", o.channels());
        } else {
            export.graph.output(OUTPUT, "N", o.channels(), o.height(), o.width());
        }
        ModelProto model = ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("IGC Lab")
                .setDocString(name)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("source").setValue("igc export"))
                .setGraph(export.graph.build())
                .build();
        return model.toByteArray();
    }

    /** Whether the network's output is (N, C): after global pooling or a fully connected layer. */
    static boolean endsFlat(Layer root) {
        Layer last = root;
        while (!(last instanceof Layer.OpLayer) && !last.children().isEmpty()) {
            last = last.children().get(last.children().size() - 1);
        }
        boolean flattens = last instanceof Layer.OpLayer op && (op.op() instanceof Op.GlobalAvgPool || op.op() instanceof Op.Linear);
        return flattens;
    }

    private String layer(Layer layer, String input) {
        if (layer instanceof Layer.OpLayer op) {
            return op(op, input);
        }
        if (layer instanceof Layer.SequenceLayer s) {
            String x = input;
            for (Layer l : s.layers()) {
                x = layer(l, x);
            }
            return x;
        }
        if (layer instanceof Layer.BlockLayer b) {
            return layer(b.body(), input);
        }
        if (layer instanceof Layer.ResidualLayer r) {
            String body = layer(r.body(), input);
            String shortcut = r.shortcut().map(s -> layer(s, input)).orElse(input);
            return graph.node("Add", r.path(), List.of(body, shortcut));
        }
        if (layer instanceof Layer.ConcatLayer c) {
            List<String> outs = new ArrayList<>();
            c.branches().forEach(b -> outs.add(layer(b, input)));
            return graph.node("Concat", c.path(), outs, OnnxGraph.integer("axis", 1));
        }
        Layer.SplitLayer s = (Layer.SplitLayer) layer;
        long[] sizes = s.sizes().stream().mapToLong(Integer::longValue).toArray();
        List<String> parts = graph.nodeWithOutputs("Split", s.path(), List.of(input, graph.longs(s.path() + ".sizes", sizes)),
                sizes.length, OnnxGraph.integer("axis", 1));
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            outs.add(layer(s.branches().get(i), parts.get(i)));
        }
        return graph.node("Concat", s.path(), outs, OnnxGraph.integer("axis", 1));
    }

    private String op(Layer.OpLayer layer, String x) {
        Op op = layer.op();
        String path = layer.path();
        Block block = blocks.get(path);
        if (op instanceof Op.Conv c) {
            List<String> inputs = new ArrayList<>(List.of(x, weight(block, path, "weight")));
            if (c.bias()) {
                inputs.add(weight(block, path, "bias"));
            }
            return graph.node("Conv", path, inputs, OnnxGraph.integer("group", c.groups()), OnnxGraph.ints("kernel_shape", c.kernel(), c.kernel()),
                    OnnxGraph.ints("pads", c.padding(), c.padding(), c.padding(), c.padding()), OnnxGraph.ints("strides", c.stride(), c.stride()));
        }
        if (op instanceof Op.Shuffle s) {
            TensorShape in = layer.in();
            int g = s.groups();
            String split = graph.node("Reshape", path, List.of(x, graph.longs(path + ".grouped", 0, g, in.channels() / g, in.height(), in.width())));
            String swapped = graph.node("Transpose", path, List.of(split), OnnxGraph.ints("perm", 0, 2, 1, 3, 4));
            return graph.node("Reshape", path, List.of(swapped, graph.longs(path + ".flat", 0, in.channels(), in.height(), in.width())));
        }
        if (op instanceof Op.Permute p) {
            long[] index = java.util.Arrays.stream(p.permutation().toArray()).asLongStream().toArray();
            return graph.node("Gather", path, List.of(x, graph.longs(path + ".index", index)), OnnxGraph.integer("axis", 1));
        }
        if (op instanceof Op.BatchNorm) {
            return graph.node("BatchNormalization", path, List.of(x, weight(block, path, "gamma"), weight(block, path, "beta"),
                    weight(block, path, "runningMean"), weight(block, path, "runningVar")), OnnxGraph.real("epsilon", DjlNetwork.BN_EPSILON));
        }
        if (op instanceof Op.Activation a) {
            if (a.kind() == Op.Activation.Kind.RELU) {
                return graph.node("Relu", path, List.of(x));
            }
            return graph.node("Clip", path, List.of(x, graph.scalar(path + ".min", 0f), graph.scalar(path + ".max", 6f)));
        }
        if (op instanceof Op.Pool p) {
            return graph.node(p.max() ? "MaxPool" : "AveragePool", path, List.of(x), p.max()
                    ? new ai.onnx.proto.OnnxMl.AttributeProto[] {OnnxGraph.ints("kernel_shape", p.kernel(), p.kernel()),
                        OnnxGraph.ints("pads", p.padding(), p.padding(), p.padding(), p.padding()), OnnxGraph.ints("strides", p.stride(), p.stride())}
                    : new ai.onnx.proto.OnnxMl.AttributeProto[] {OnnxGraph.ints("kernel_shape", p.kernel(), p.kernel()),
                        OnnxGraph.ints("pads", p.padding(), p.padding(), p.padding(), p.padding()), OnnxGraph.ints("strides", p.stride(), p.stride()),
                        OnnxGraph.integer("count_include_pad", 1)});
        }
        if (op instanceof Op.GlobalAvgPool) {
            String pooled = graph.node("GlobalAveragePool", path, List.of(x));
            return graph.node("Flatten", path, List.of(pooled), OnnxGraph.integer("axis", 1));
        }
        Op.Linear l = (Op.Linear) op;
        String flat = graph.node("Flatten", path, List.of(x), OnnxGraph.integer("axis", 1));
        List<String> inputs = new ArrayList<>(List.of(flat, weight(block, path, "weight")));
        if (l.bias()) {
            inputs.add(weight(block, path, "bias"));
        }
        return graph.node("Gemm", path, inputs, OnnxGraph.integer("transB", 1));
    }

    /** The block's parameter whose name ends with {@code suffix}, as an initializer named after the layer. */
    private String weight(Block block, String path, String suffix) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().endsWith(suffix)) {
                var array = p.getValue().getArray();
                return graph.floats(path + "." + suffix, array.getShape().getShape(), array.toFloatArray());
            }
        }
        throw new IllegalStateException(path + " has no parameter " + suffix);
    }
}
