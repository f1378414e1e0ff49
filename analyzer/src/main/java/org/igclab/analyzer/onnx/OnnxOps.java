package org.igclab.analyzer.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;

/**
 * The ONNX operators that map to one IGC Lab operation on one input: {@code Conv}, {@code BatchNormalization}, the
 * activations, pooling, {@code Gemm}/{@code MatMul}. What an operation cannot express (a 1x7 kernel, asymmetric padding,
 * {@code ceil_mode}) becomes an {@link Op.Unknown} that says why, so it is named and the totals are lower bounds.
 */
final class OnnxOps {
    private static final double SIXTH = 1.0 / 6;

    private OnnxOps() {
    }

    /** The operation of {@code node} reading a value of shape {@code in}, or empty where it is not one of these operators. */
    static Optional<Op> of(NodeProto node, TensorShape in, OnnxConstants constants, int opset) {
        return Optional.ofNullable(switch (node.getOpType()) {
            case "Conv" -> conv(node, in, constants);
            case "BatchNormalization" -> new Op.BatchNorm();
            case "Relu" -> activation(Op.Activation.Kind.RELU);
            case "Sigmoid" -> activation(Op.Activation.Kind.SIGMOID);
            case "HardSwish" -> activation(Op.Activation.Kind.HARDSWISH);
            case "HardSigmoid" -> hardSigmoid(node);
            case "Clip" -> clip(node, constants, opset);
            case "MaxPool", "AveragePool" -> pool(node);
            case "GlobalAveragePool" -> new Op.GlobalAvgPool();
            case "ReduceMean" -> reduceMean(node);
            case "Gemm" -> gemm(node, in, constants);
            case "MatMul" -> matMul(node, in, constants);
            default -> null;
        });
    }

    static Op.Unknown unknown(String operator, Optional<TensorShape> out, String note) {
        return new Op.Unknown(operator, out, note);
    }

    private static Op activation(Op.Activation.Kind kind) {
        return new Op.Activation(kind);
    }

    private static Op conv(NodeProto node, TensorShape in, OnnxConstants constants) {
        Optional<TensorProto> w = constants.tensor(node.getInput(1));
        if (w.isEmpty() || w.get().getDimsCount() != 4) {
            return unknown("Conv", Optional.empty(), "its weight is not a 4-D constant");
        }
        List<Long> dims = w.get().getDimsList();
        int out = Math.toIntExact(dims.get(0));
        int kh = Math.toIntExact(dims.get(2));
        int kw = Math.toIntExact(dims.get(3));
        int groups = (int) OnnxAttributes.integer(node, "group", 1);
        List<Long> strides = OnnxAttributes.ints(node, "strides").orElse(List.of(1L, 1L));
        List<Long> dilations = OnnxAttributes.ints(node, "dilations").orElse(List.of(1L, 1L));
        Optional<Integer> pad = padding(node, kh, kw, strides, dilations);
        boolean bias = node.getInputCount() > 2 && !node.getInput(2).isEmpty();
        if (kh != kw || !strides.get(0).equals(strides.get(1)) || !dilations.get(0).equals(dilations.get(1)) || pad.isEmpty()) {
            // a shape IGC Lab's square convolution cannot take: named, not counted
            return unknown("Conv", Optional.empty(), "kernel " + kh + "x" + kw + ", strides " + strides + ", dilations " + dilations
                    + ", pads " + OnnxAttributes.ints(node, "pads").orElse(List.of()) + ": not a square, symmetric convolution");
        }
        return new Op.Conv(out, kh, strides.get(0).intValue(), pad.get(), groups, bias, dilations.get(0).intValue());
    }

    /** One padding on every side, from {@code pads} or {@code auto_pad}, or empty where the sides differ. */
    private static Optional<Integer> padding(NodeProto node, int kh, int kw, List<Long> strides, List<Long> dilations) {
        String auto = OnnxAttributes.text(node, "auto_pad", "NOTSET");
        if (auto.equals("VALID")) {
            return Optional.of(0);
        }
        if (auto.startsWith("SAME")) {
            long span = dilations.get(0) * (kh - 1);
            // "same" with stride 1 and an odd window pads evenly; other cases pad unevenly
            return strides.get(0) == 1 && span % 2 == 0 && kh == kw ? Optional.of((int) span / 2) : Optional.empty();
        }
        List<Long> pads = OnnxAttributes.ints(node, "pads").orElse(List.of(0L, 0L, 0L, 0L));
        return pads.stream().distinct().count() == 1 ? Optional.of(pads.get(0).intValue()) : Optional.empty();
    }

    private static Op hardSigmoid(NodeProto node) {
        double alpha = OnnxAttributes.real(node, "alpha", 0.2f);
        double beta = OnnxAttributes.real(node, "beta", 0.5f);
        // PyTorch's relu6(x + 3) / 6 is alpha 1/6, beta 1/2; other slopes are another function
        return Math.abs(alpha - SIXTH) < 1e-6 && Math.abs(beta - 0.5) < 1e-6 ? activation(Op.Activation.Kind.HARDSIGMOID)
                : unknown("HardSigmoid", Optional.empty(), "alpha " + alpha + ", beta " + beta + " (hardsigmoid is alpha 1/6, beta 1/2)");
    }

    private static Op clip(NodeProto node, OnnxConstants constants, int opset) {
        Optional<Double> min;
        Optional<Double> max;
        if (opset < 11) {
            min = OnnxAttributes.attribute(node, "min").map(a -> (double) a.getF());
            max = OnnxAttributes.attribute(node, "max").map(a -> (double) a.getF());
        } else {
            min = bound(node, 1, constants);
            max = bound(node, 2, constants);
        }
        if (min.equals(Optional.of(0.0)) && max.equals(Optional.of(6.0))) {
            return activation(Op.Activation.Kind.RELU6);
        }
        if (min.equals(Optional.of(0.0)) && max.isEmpty()) {
            return activation(Op.Activation.Kind.RELU);
        }
        return unknown("Clip", Optional.empty(), "bounds " + min.map(String::valueOf).orElse("none") + ", "
                + max.map(String::valueOf).orElse("none") + " (relu6 is 0, 6)");
    }

    private static Optional<Double> bound(NodeProto node, int input, OnnxConstants constants) {
        if (node.getInputCount() <= input || node.getInput(input).isEmpty()) {
            return Optional.empty();
        }
        return constants.values(node.getInput(input)).filter(v -> v.length == 1).map(v -> v[0]);
    }

    private static Op pool(NodeProto node) {
        boolean max = node.getOpType().equals("MaxPool");
        List<Long> kernel = OnnxAttributes.ints(node, "kernel_shape").orElse(List.of());
        List<Long> strides = OnnxAttributes.ints(node, "strides").orElse(List.of(1L, 1L));
        List<Long> pads = OnnxAttributes.ints(node, "pads").orElse(List.of(0L, 0L, 0L, 0L));
        boolean dilated = OnnxAttributes.ints(node, "dilations").map(d -> d.stream().anyMatch(x -> x != 1)).orElse(false);
        boolean square = kernel.size() == 2 && kernel.get(0).equals(kernel.get(1)) && strides.get(0).equals(strides.get(1))
                && pads.stream().distinct().count() == 1 && pads.get(0) <= kernel.get(0) / 2;
        if (!square || dilated || OnnxAttributes.integer(node, "ceil_mode", 0) != 0
                || !OnnxAttributes.text(node, "auto_pad", "NOTSET").equals("NOTSET")) {
            return unknown(node.getOpType(), Optional.empty(), "kernel " + kernel + ", strides " + strides + ", pads " + pads
                    + ": not a square, symmetric window without ceil_mode");
        }
        return new Op.Pool(max, kernel.get(0).intValue(), strides.get(0).intValue(), pads.get(0).intValue());
    }

    private static Op reduceMean(NodeProto node) {
        List<Long> axes = OnnxAttributes.ints(node, "axes").orElse(List.of());
        boolean spatial = axes.size() == 2 && axes.stream().allMatch(a -> a == 2 || a == 3 || a == -1 || a == -2)
                && axes.get(0) % 4 != axes.get(1) % 4;
        return spatial ? new Op.GlobalAvgPool() : unknown("ReduceMean", Optional.empty(), "axes " + axes + " (global pooling is 2, 3)");
    }

    private static Op gemm(NodeProto node, TensorShape in, OnnxConstants constants) {
        Optional<TensorProto> b = constants.tensor(node.getInput(1));
        if (b.isEmpty() || b.get().getDimsCount() != 2 || OnnxAttributes.integer(node, "transA", 0) != 0) {
            return unknown("Gemm", Optional.empty(), "its weight is not a 2-D constant");
        }
        boolean transposed = OnnxAttributes.integer(node, "transB", 0) != 0;
        long inFeatures = b.get().getDims(transposed ? 1 : 0);
        long out = b.get().getDims(transposed ? 0 : 1);
        boolean bias = node.getInputCount() > 2 && !node.getInput(2).isEmpty();
        return linear("Gemm", in, inFeatures, out, bias);
    }

    private static Op matMul(NodeProto node, TensorShape in, OnnxConstants constants) {
        Optional<TensorProto> w = constants.tensor(node.getInput(1));
        if (w.isEmpty() || w.get().getDimsCount() != 2) {
            return unknown("MatMul", Optional.empty(), "its second operand is not a 2-D constant");
        }
        return linear("MatMul", in, w.get().getDims(0), w.get().getDims(1), false);
    }

    private static Op linear(String operator, TensorShape in, long inFeatures, long out, boolean bias) {
        if (inFeatures != in.elements()) {
            return unknown(operator, Optional.of(new TensorShape(Math.toIntExact(out), 1, 1)), "reads " + inFeatures
                    + " features of an input of " + in.elements() + " (" + in + "): not a fully connected layer on the flattened input");
        }
        return new Op.Linear(Math.toIntExact(out), bias);
    }
}
