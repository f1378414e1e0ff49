package org.igclab.analyzer.export;

import java.util.List;
import java.util.stream.Collectors;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.CostModel;

/**
 * Writes a resolved network as a self-contained Python file with a PyTorch {@code nn.Module}: named blocks
 * (the names of the network file), channel shuffles as reshape/transpose, and a {@code __main__} that prints the
 * parameter count and output shape so the export can be checked against the analyzer.
 */
public final class PyTorchExport {

    private PyTorchExport() {
    }

    public static String source(ResolvedNetwork network) {
        TensorShape in = network.spec().input();
        TensorShape out = network.output();
        long params = CostModel.of(network).params().total();
        StringBuilder s = new StringBuilder();
        s.append(PyTorchPrelude.header(network.spec().name(), params));
        s.append("\n\ndef build() -> nn.Module:\n");
        s.append("    \"\"\"").append(escape(network.spec().name().isEmpty() ? "The network" : network.spec().name()))
                .append(", input ").append(in).append(".\"\"\"\n");
        s.append("    return ").append(sequence(network.root().layers(), true, 1)).append("\n\n\n");
        s.append("ANALYZER_PARAMETERS = ").append(params).append('\n');
        s.append("INPUT_SHAPE = (").append(in.channels()).append(", ").append(in.height()).append(", ").append(in.width()).append(")\n");
        s.append("OUTPUT_SHAPE = (").append(out.channels()).append(", ").append(out.height()).append(", ").append(out.width()).append(")\n");
        s.append(PyTorchPrelude.MAIN);
        return s.toString();
    }

    private static String sequence(List<Layer> layers, boolean top, int depth) {
        String pad = "    ".repeat(depth + 1);
        StringBuilder s = new StringBuilder("nn.Sequential(OrderedDict([\n");
        for (Layer l : layers) {
            l.blockLabel().ifPresent(label -> s.append(pad).append("# ").append(escape(label)).append('\n'));
            s.append(pad).append("(\"").append(name(l.path(), top)).append("\", ").append(layer(l, depth + 1)).append("),\n");
        }
        return s.append("    ".repeat(depth)).append("]))").toString();
    }

    private static String layer(Layer layer, int depth) {
        return layer.accept(new Layer.Visitor<>() {
            @Override
            public String op(Layer.OpLayer op) {
                if (op.op() instanceof Op.Unknown u) {
                    throw u.refusal(op.path());
                }
                return PyTorchExport.op(op.op(), op.in());
            }

            @Override
            public String block(Layer.BlockLayer b) {
                return layer(b.body(), depth);
            }

            @Override
            public String sequence(Layer.SequenceLayer s) {
                return PyTorchExport.sequence(s.layers(), false, depth);
            }

            @Override
            public String residual(Layer.ResidualLayer r) {
                return "Residual(\n" + "    ".repeat(depth + 1) + layer(r.body(), depth + 1) + ",\n" + "    ".repeat(depth + 1)
                        + r.shortcut().map(sc -> layer(sc, depth + 1)).orElse("None") + ")";
            }

            @Override
            public String mul(Layer.MulLayer m) {
                return "Mul(\n" + "    ".repeat(depth + 1) + layer(m.body(), depth + 1) + ",\n" + "    ".repeat(depth + 1)
                        + m.other().map(o -> layer(o, depth + 1)).orElse("None") + ")";
            }

            @Override
            public String concat(Layer.ConcatLayer c) {
                return "Concat([\n" + branches(c.branches(), depth) + "])";
            }

            @Override
            public String split(Layer.SplitLayer split) {
                return "Split(" + split.sizes() + ", [\n" + branches(split.branches(), depth) + "])";
            }
        });
    }

    private static String branches(List<Layer> branches, int depth) {
        String pad = "    ".repeat(depth + 1);
        return branches.stream().map(b -> pad + layer(b, depth + 1) + ",\n").collect(Collectors.joining()) + "    ".repeat(depth);
    }

    private static String op(Op op, TensorShape in) {
        return op.accept(new Op.Visitor<>() {
            @Override
            public String conv(Op.Conv c) {
                return "nn.Conv2d(" + in.channels() + ", " + c.outChannels() + ", " + c.kernel() + ", stride=" + c.stride() + ", padding="
                        + c.padding() + (c.dilation() > 1 ? ", dilation=" + c.dilation() : "") + ", groups=" + c.groups() + ", bias="
                        + python(c.bias()) + ")";
            }

            @Override
            public String shuffle(Op.Shuffle sh) {
                return "ChannelShuffle(" + sh.groups() + ")";
            }

            @Override
            public String permute(Op.Permute p) {
                return "ChannelPermute(" + java.util.Arrays.toString(p.permutation().toArray()) + ")";
            }

            @Override
            public String batchNorm(Op.BatchNorm b) {
                return "nn.BatchNorm2d(" + in.channels() + ")";
            }

            @Override
            public String activation(Op.Activation a) {
                return switch (a.kind()) {
                    case RELU -> "nn.ReLU()";
                    case RELU6 -> "nn.ReLU6()";
                    case HARDSWISH -> "nn.Hardswish()";
                    case HARDSIGMOID -> "nn.Hardsigmoid()";
                    case SIGMOID -> "nn.Sigmoid()";
                };
            }

            @Override
            public String pool(Op.Pool p) {
                return p.max() ? "nn.MaxPool2d(" + p.kernel() + ", stride=" + p.stride() + ", padding=" + p.padding() + ")"
                        : "nn.AvgPool2d(" + p.kernel() + ", stride=" + p.stride() + ", padding=" + p.padding() + ", count_include_pad=True)";
            }

            @Override
            public String globalAvgPool(Op.GlobalAvgPool g) {
                return "nn.AdaptiveAvgPool2d(1)";
            }

            @Override
            public String linear(Op.Linear l) {
                return "FlatLinear(" + in.elements() + ", " + l.outFeatures() + ", bias=" + python(l.bias()) + ")";
            }

            @Override
            public String identity(Op.Identity i) {
                return "nn.Identity()";
            }

            @Override
            public String unknown(Op.Unknown u) {
                throw u.refusal("");
            }
        });
    }

    private static String python(boolean b) {
        return b ? "True" : "False";
    }

    /** A Python identifier for a layer: the whole path at the top ({@code stages_1_blocks_0}), the last part inside. */
    static String name(String path, boolean top) {
        String part = top ? path : path.substring(path.lastIndexOf('.') + 1);
        String id = part.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return id.isEmpty() || Character.isDigit(id.charAt(0)) ? "layer_" + id : id;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "'").replace("\n", " ");
    }
}
