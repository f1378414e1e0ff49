package org.igclab.runtime.export;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;

/**
 * Writes an instantiated network as an ONNX model (opset 14) with its weights: grouped {@code Conv} with the
 * {@code group} attribute, {@code Reshape}/{@code Transpose}/{@code Reshape} for channel shuffles, {@code Gather}
 * for other permutations, {@code BatchNormalization}, {@code Relu}/{@code Clip}/{@code HardSwish}/{@code HardSigmoid}/
 * {@code Sigmoid}, {@code Add}, {@code Mul}, {@code Split}/{@code Concat}, pooling and {@code Gemm}. The graph computes
 * what the DJL block computes in inference mode, output shape included (global pooling as the last operation flattens,
 * as DJL's does). Every
 * value carries its shape ({@code value_info}) and the model its design's name, hash, parameters and MACs as metadata,
 * so a viewer such as Netron shows them.
 */
public final class OnnxExport {
    /** 14: the first with {@code HardSwish}. */
    public static final int OPSET = 14;
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    private final OnnxGraph graph;
    private final Map<String, Block> blocks = new HashMap<>();
    private final Layer.OpLayer last;

    private OnnxExport(String name, Instantiation inst) {
        this.graph = new OnnxGraph(name.isEmpty() ? "igc" : name);
        List<Layer.OpLayer> ops = inst.network().ops();
        this.last = ops.get(ops.size() - 1);
        for (DjlNetwork.Mapped m : inst.djl().mapped()) {
            blocks.put(m.layer().path(), m.block());
        }
    }

    /** The model as bytes, ready to write to a {@code .onnx} file; its design hash is that of the network it instantiates. */
    public static byte[] toBytes(Instantiation inst, String name) {
        return toBytes(inst, name, DesignIdentity.of(new Design.NetworkDesign(inst.network().spec())).hash());
    }

    /** The model as bytes, its metadata naming the design and its hash ({@link DesignIdentity}). */
    public static byte[] toBytes(Instantiation inst, String name, String designHash) {
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
        NetworkCost cost = CostModel.of(inst.network());
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("IGC Lab")
                .setDocString(name)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET));
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("source", "igc export");
        metadata.put("design", name);
        metadata.put("design_hash", designHash);
        metadata.put("parameters", Long.toString(cost.params().total()));
        metadata.put("macs", Long.toString(cost.macs()));
        metadata.put("conventions", "parameters: PyTorch's sum(p.numel()); MACs: convolutions and fully connected layers, one image");
        metadata.forEach((k, v) -> model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return model.setGraph(export.graph.build()).build().toByteArray();
    }

    /** Whether the network's output is (N, C): its last operation is global pooling or a fully connected layer. */
    static boolean endsFlat(Layer root) {
        return root.ops().reduce((a, b) -> b).map(last -> last.op().accept(new Op.Visitor<Boolean>() {
            @Override
            public Boolean conv(Op.Conv conv) {
                return false;
            }

            @Override
            public Boolean shuffle(Op.Shuffle shuffle) {
                return false;
            }

            @Override
            public Boolean permute(Op.Permute permute) {
                return false;
            }

            @Override
            public Boolean batchNorm(Op.BatchNorm batchNorm) {
                return false;
            }

            @Override
            public Boolean activation(Op.Activation activation) {
                return false;
            }

            @Override
            public Boolean pool(Op.Pool pool) {
                return false;
            }

            @Override
            public Boolean globalAvgPool(Op.GlobalAvgPool pool) {
                return true;
            }

            @Override
            public Boolean linear(Op.Linear linear) {
                return true;
            }

            @Override
            public Boolean identity(Op.Identity identity) {
                return false;
            }

            @Override
            public Boolean unknown(Op.Unknown unknown) {
                return false;
            }
        })).orElse(false);
    }

    private String layer(Layer layer, String input) {
        return layer.accept(new Layer.Visitor<>() {
            @Override
            public String op(Layer.OpLayer op) {
                return shaped(OnnxExport.this.op(op, input), op);
            }

            @Override
            public String sequence(Layer.SequenceLayer s) {
                String x = input;
                for (Layer l : s.layers()) {
                    x = layer(l, x);
                }
                return x;
            }

            @Override
            public String block(Layer.BlockLayer b) {
                return layer(b.body(), input);
            }

            @Override
            public String residual(Layer.ResidualLayer r) {
                String body = layer(r.body(), input);
                String shortcut = r.shortcut().map(s -> layer(s, input)).orElse(input);
                return shaped(graph.node("Add", r.path(), List.of(body, shortcut)), r);
            }

            @Override
            public String mul(Layer.MulLayer m) {
                String body = layer(m.body(), input);
                String other = m.other().map(o -> layer(o, input)).orElse(input);
                return shaped(graph.node("Mul", m.path(), List.of(body, other)), m);
            }

            @Override
            public String concat(Layer.ConcatLayer c) {
                List<String> outs = new ArrayList<>();
                c.branches().forEach(b -> outs.add(layer(b, input)));
                return shaped(graph.node("Concat", c.path(), outs, OnnxGraph.integer("axis", 1)), c);
            }

            @Override
            public String split(Layer.SplitLayer s) {
                long[] sizes = s.sizes().stream().mapToLong(Integer::longValue).toArray();
                List<String> parts = graph.nodeWithOutputs("Split", s.path(), List.of(input, graph.longs(s.path() + ".sizes", sizes)),
                        sizes.length, OnnxGraph.integer("axis", 1));
                List<String> outs = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    outs.add(layer(s.branches().get(i), parts.get(i)));
                }
                return shaped(graph.node("Concat", s.path(), outs, OnnxGraph.integer("axis", 1)), s);
            }
        });
    }

    private String op(Layer.OpLayer layer, String x) {
        String path = layer.path();
        Block block = blocks.get(path);
        return layer.op().accept(new Op.Visitor<>() {
            @Override
            public String conv(Op.Conv c) {
                List<String> inputs = new ArrayList<>(List.of(x, weight(block, path, "weight")));
                if (c.bias()) {
                    inputs.add(weight(block, path, "bias"));
                }
                return graph.node("Conv", path, inputs, OnnxGraph.integer("group", c.groups()), OnnxGraph.ints("kernel_shape", c.kernel(), c.kernel()),
                        pads(c.padding()), OnnxGraph.ints("strides", c.stride(), c.stride()), OnnxGraph.ints("dilations", c.dilation(), c.dilation()));
            }

            @Override
            public String shuffle(Op.Shuffle s) {
                TensorShape in = layer.in();
                int g = s.groups();
                String split = graph.node("Reshape", path, List.of(x, graph.longs(path + ".grouped", 0, g, in.channels() / g, in.height(), in.width())));
                String swapped = graph.node("Transpose", path, List.of(split), OnnxGraph.ints("perm", 0, 2, 1, 3, 4));
                return graph.node("Reshape", path, List.of(swapped, graph.longs(path + ".flat", 0, in.channels(), in.height(), in.width())));
            }

            @Override
            public String permute(Op.Permute p) {
                long[] index = java.util.Arrays.stream(p.permutation().toArray()).asLongStream().toArray();
                return graph.node("Gather", path, List.of(x, graph.longs(path + ".index", index)), OnnxGraph.integer("axis", 1));
            }

            @Override
            public String batchNorm(Op.BatchNorm b) {
                return graph.node("BatchNormalization", path, List.of(x, weight(block, path, "gamma"), weight(block, path, "beta"),
                        weight(block, path, "runningMean"), weight(block, path, "runningVar")), OnnxGraph.real("epsilon", DjlNetwork.BN_EPSILON));
            }

            @Override
            public String activation(Op.Activation a) {
                return switch (a.kind()) {
                    case RELU -> graph.node("Relu", path, List.of(x));
                    case RELU6 -> graph.node("Clip", path, List.of(x, graph.scalar(path + ".min", 0f), graph.scalar(path + ".max", 6f)));
                    case HARDSWISH -> graph.node("HardSwish", path, List.of(x));
                    // PyTorch's relu6(x + 3) / 6, where ONNX's default slope is 0.2
                    case HARDSIGMOID -> graph.node("HardSigmoid", path, List.of(x), OnnxGraph.real("alpha", 1f / 6), OnnxGraph.real("beta", 0.5f));
                    case SIGMOID -> graph.node("Sigmoid", path, List.of(x));
                };
            }

            @Override
            public String pool(Op.Pool p) {
                AttributeProto kernel = OnnxGraph.ints("kernel_shape", p.kernel(), p.kernel());
                AttributeProto strides = OnnxGraph.ints("strides", p.stride(), p.stride());
                return p.max() ? graph.node("MaxPool", path, List.of(x), kernel, pads(p.padding()), strides)
                        : graph.node("AveragePool", path, List.of(x), kernel, pads(p.padding()), strides, OnnxGraph.integer("count_include_pad", 1));
            }

            @Override
            public String globalAvgPool(Op.GlobalAvgPool g) {
                String pooled = graph.node("GlobalAveragePool", path, List.of(x));
                // flattened as DJL's is: at the end only
                return DjlNetwork.flattens(layer, last) ? graph.node("Flatten", path, List.of(pooled), OnnxGraph.integer("axis", 1)) : pooled;
            }

            @Override
            public String linear(Op.Linear l) {
                String flat = graph.node("Flatten", path, List.of(x), OnnxGraph.integer("axis", 1));
                List<String> inputs = new ArrayList<>(List.of(flat, weight(block, path, "weight")));
                if (l.bias()) {
                    inputs.add(weight(block, path, "bias"));
                }
                return graph.node("Gemm", path, inputs, OnnxGraph.integer("transB", 1));
            }

            @Override
            public String identity(Op.Identity i) {
                return graph.node("Identity", path, List.of(x));
            }

            @Override
            public String unknown(Op.Unknown u) {
                throw u.refusal(path);
            }
        });
    }

    /** Records a layer's output shape on the value that holds it: {@code (N, C)} after global pooling or a fully connected layer. */
    private String shaped(String value, Layer layer) {
        TensorShape s = layer.out();
        boolean flat = layer instanceof Layer.OpLayer op && (DjlNetwork.flattens(op, last) || op.op() instanceof Op.Linear);
        if (flat) {
            graph.valueInfo(value, "N", s.channels());
        } else {
            graph.valueInfo(value, "N", s.channels(), s.height(), s.width());
        }
        return value;
    }

    private static AttributeProto pads(int padding) {
        return OnnxGraph.ints("pads", padding, padding, padding, padding);
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
