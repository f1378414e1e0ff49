package org.igclab.analyzer.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/**
 * The constants of a model: initializers and {@code Constant} nodes (weights, by their tensors), and the small integer
 * arithmetic exporters write to compute shapes ({@code Shape -> Gather -> Div -> Slice}), evaluated so that a reshape or
 * a channel slice can be read whatever way its numbers were written.
 */
final class OnnxConstants {
    private final Map<String, TensorProto> tensors = new HashMap<>();
    private final Map<String, double[]> values = new HashMap<>();

    void tensor(String name, TensorProto t) {
        tensors.put(name, t);
        OnnxAttributes.values(t).ifPresent(v -> values.put(name, v));
    }

    void value(String name, double[] v) {
        values.put(name, v);
    }

    /** Whether the named value is known before the model runs (a weight, a constant, a computed shape). */
    boolean isConstant(String name) {
        return tensors.containsKey(name) || values.containsKey(name);
    }

    Optional<TensorProto> tensor(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    Optional<double[]> values(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * Evaluates a node all of whose inputs are constants, where it is shape arithmetic this reads; anything else leaves its
     * outputs unknown, and a node that needs them says so.
     */
    void evaluate(NodeProto node) {
        String out = node.getOutputCount() > 0 ? node.getOutput(0) : "";
        List<String> in = node.getInputList();
        switch (node.getOpType()) {
            case "Constant" -> OnnxAttributes.attribute(node, "value").ifPresent(a -> tensor(out, a.getT()));
            case "Identity", "Cast", "Unsqueeze", "Squeeze" -> {
                if (tensors.containsKey(in.get(0))) {
                    tensor(out, tensors.get(in.get(0)));
                }
                values(in.get(0)).ifPresent(v -> values.put(out, v));
            }
            case "Gather" -> gather(node, out);
            case "Concat" -> concat(in, out);
            case "Add" -> arithmetic(in, out, Double::sum);
            case "Sub" -> arithmetic(in, out, (a, b) -> a - b);
            case "Mul" -> arithmetic(in, out, (a, b) -> a * b);
            case "Div" -> arithmetic(in, out, (a, b) -> whole(a) && whole(b) ? (long) a / (long) b : a / b);
            default -> {
                // not shape arithmetic: its outputs stay unknown
            }
        }
    }

    private void gather(NodeProto node, String out) {
        Optional<double[]> data = values(node.getInput(0));
        Optional<double[]> index = values(node.getInput(1));
        if (data.isEmpty() || index.isEmpty() || OnnxAttributes.integer(node, "axis", 0) != 0) {
            return;
        }
        double[] picked = new double[index.get().length];
        for (int i = 0; i < picked.length; i++) {
            int at = (int) index.get()[i];
            at = at < 0 ? at + data.get().length : at;
            if (at < 0 || at >= data.get().length) {
                return;
            }
            picked[i] = data.get()[at];
        }
        values.put(out, picked);
    }

    private void concat(List<String> in, String out) {
        double[] all = new double[0];
        for (String name : in) {
            Optional<double[]> v = values(name);
            if (v.isEmpty()) {
                return;
            }
            double[] next = java.util.Arrays.copyOf(all, all.length + v.get().length);
            System.arraycopy(v.get(), 0, next, all.length, v.get().length);
            all = next;
        }
        values.put(out, all);
    }

    private void arithmetic(List<String> in, String out, DoubleBinaryOperator f) {
        Optional<double[]> a = values(in.get(0));
        Optional<double[]> b = in.size() > 1 ? values(in.get(1)) : Optional.empty();
        if (a.isEmpty() || b.isEmpty() || (a.get().length != b.get().length && a.get().length != 1 && b.get().length != 1)) {
            return;
        }
        int n = Math.max(a.get().length, b.get().length);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = f.applyAsDouble(a.get()[a.get().length == 1 ? 0 : i], b.get()[b.get().length == 1 ? 0 : i]);
        }
        values.put(out, r);
    }

    private static boolean whole(double v) {
        return v == Math.rint(v);
    }
}
