package org.igclab.analyzer.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Reads an ONNX graph's nodes in order into its {@link DataFlow}: constants evaluated, operators mapped to operations,
 * aliases folded, channel slices and the {@code Reshape -> Transpose -> Reshape} channel shuffle recognised. An operator
 * it does not know becomes an {@link Op.Unknown} in its place.
 */
final class OnnxReader {
    private static final List<Long> SWAP_GROUPS = List.of(0L, 2L, 1L, 3L, 4L);
    /** What stands for the name of a node that has none ({@code Relu #12}), with its index. */
    private static final String UNNAMED = "#";

    private final GraphProto graph;
    private final int opset;
    private final OnnxConstants constants = new OnnxConstants();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, DataFlow.Step> producers = new LinkedHashMap<>();
    private final Map<String, TensorShape> shapes = new HashMap<>();
    private final Map<String, Optional<TensorShape>> declared = new HashMap<>();
    /** {@code (N, g, C/g, H, W)} views awaiting their transpose, and transposed views awaiting their reshape: value -> (source, g). */
    private final Map<String, Shuffling> viewed = new HashMap<>();
    private final Map<String, Shuffling> swapped = new HashMap<>();

    private record Shuffling(String source, int groups) {
    }

    private OnnxReader(GraphProto graph, int opset) {
        this.graph = graph;
        this.opset = opset;
    }

    /** The data flow of {@code graph}, its input {@code input} of shape {@code inShape}. */
    static DataFlow read(GraphProto graph, int opset, String input, TensorShape inShape) {
        OnnxReader r = new OnnxReader(graph, opset);
        for (TensorProto t : graph.getInitializerList()) {
            r.constants.tensor(t.getName(), t);
        }
        for (ValueInfoProto v : graph.getValueInfoList()) {
            r.declared.put(v.getName(), shapeOf(v));
        }
        for (ValueInfoProto v : graph.getOutputList()) {
            r.declared.put(v.getName(), shapeOf(v));
        }
        r.shapes.put(input, inShape);
        int index = 0;
        for (NodeProto node : graph.getNodeList()) {
            String name = node.getOpType() + " " + (node.getName().isEmpty() ? UNNAMED + index : node.getName());
            try {
                r.node(node, name);
            } catch (InvalidDesignException e) {
                throw new InvalidDesignException("node " + name, e.getMessage(), e);
            }
            index++;
        }
        String output = r.resolve(graph.getOutput(0).getName());
        if (!r.shapes.containsKey(output)) {
            throw new InvalidDesignException("output " + graph.getOutput(0).getName(), "is not computed from the input " + input);
        }
        return new DataFlow(input, inShape, output, r.producers, r.shapes);
    }

    /** The model's own name of a step's node ({@code /layers.3/Conv} of {@code Conv /layers.3/Conv}), blank when it has none. */
    static String nodeName(String step) {
        String name = step.substring(step.indexOf(' ') + 1);
        return name.startsWith(UNNAMED) && name.substring(UNNAMED.length()).chars().allMatch(Character::isDigit) ? "" : name;
    }

    /** A declared {@code (N, C, H, W)} or {@code (N, F)} shape with known sizes, as C x H x W. */
    static Optional<TensorShape> shapeOf(ValueInfoProto v) {
        List<TensorShapeProto.Dimension> d = v.getType().getTensorType().getShape().getDimList();
        if (d.stream().skip(1).anyMatch(x -> !x.hasDimValue() || x.getDimValue() <= 0 || x.getDimValue() > Integer.MAX_VALUE)) {
            return Optional.empty();
        }
        return switch (d.size()) {
            case 4 -> Optional.of(new TensorShape((int) d.get(1).getDimValue(), (int) d.get(2).getDimValue(), (int) d.get(3).getDimValue()));
            case 2 -> Optional.of(new TensorShape((int) d.get(1).getDimValue(), 1, 1));
            default -> Optional.empty();
        };
    }

    private String resolve(String value) {
        return aliases.getOrDefault(value, value);
    }

    private boolean isData(String value) {
        return shapes.containsKey(resolve(value)) || viewed.containsKey(value) || swapped.containsKey(value);
    }

    private void node(NodeProto node, String name) {
        List<String> data = node.getInputList().stream().filter(i -> !i.isEmpty() && isData(i)).toList();
        if (node.getOpType().equals("Shape") && !data.isEmpty()) {
            TensorShape s = shape(data.get(0));
            constants.value(node.getOutput(0), new double[] {1, s.channels(), s.height(), s.width()});
            return;
        }
        if (data.isEmpty()) {
            constants.evaluate(node);
            return;
        }
        if (node.getOpType().equals("Reshape") || node.getOpType().equals("Transpose")) {
            if (shuffle(node, name)) {
                return;
            }
        }
        String in = data.get(0);
        String out = node.getOutput(0);
        switch (node.getOpType()) {
            case "Identity", "Dropout", "Flatten" -> alias(out, in);
            case "Add", "Mul" -> combine(node, name, data);
            case "Concat" -> concat(node, name, data);
            case "Split" -> split(node, name, in);
            case "Slice" -> slice(node, name, in);
            case "Gather" -> unary(name, in, out, gather(node, shape(in)));
            default -> {
                if (data.size() > 1) {
                    unknownJoin(node, name, data);
                    return;
                }
                Op op = OnnxOps.of(node, shape(in), constants, opset)
                        .orElseGet(() -> OnnxOps.unknown(node.getOpType(), Optional.empty(), ""));
                unary(name, in, out, op);
            }
        }
    }

    private TensorShape shape(String value) {
        String v = resolve(value);
        if (viewed.containsKey(v) || swapped.containsKey(v)) {
            // a 5-D view used otherwise than by a channel shuffle: an unknown reshape of the same elements
            Shuffling s = viewed.containsKey(v) ? viewed.remove(v) : swapped.remove(v);
            unary("Reshape " + v, s.source(), v, OnnxOps.unknown("Reshape", Optional.empty(), "a 5-D view not read as a channel shuffle"));
        }
        return shapes.get(v);
    }

    private void alias(String out, String in) {
        shape(in);
        aliases.put(out, resolve(in));
    }

    private void unary(String name, String in, String out, Op op) {
        String source = resolve(in);
        TensorShape inShape = shape(source);
        if (op instanceof Op.Unknown u && u.out().isEmpty()) {
            // where the model declares the value's shape, the unknown operator gives it
            op = new Op.Unknown(u.operator(), declared.getOrDefault(out, Optional.empty()), u.note());
        }
        producers.put(out, new DataFlow.Unary(name, source, op));
        shapes.put(out, op.outShape(inShape));
    }

    private void combine(NodeProto node, String name, List<String> data) {
        String out = node.getOutput(0);
        if (data.size() == 2 && node.getOpType().equals("Mul") && hardSwish(name, out, data)) {
            return;
        }
        if (data.size() == 2) {
            DataFlow.Join.Kind kind = node.getOpType().equals("Add") ? DataFlow.Join.Kind.ADD : DataFlow.Join.Kind.MUL;
            join(name, out, kind, data, "", null);
            return;
        }
        String in = data.get(0);
        String other = node.getInput(0).equals(in) ? node.getInput(1) : node.getInput(0);
        DataFlow.Step before = producers.get(resolve(in));
        Optional<TensorProto> constant = constants.tensor(other);
        // MatMul + Add of a bias vector: PyTorch's Linear as some exporters write it
        if (node.getOpType().equals("Add") && before instanceof DataFlow.Unary u && u.op() instanceof Op.Linear l && !l.bias()
                && constant.isPresent() && OnnxAttributes.elements(constant.get()) == l.outFeatures()) {
            producers.put(resolve(in), new DataFlow.Unary(u.node(), u.in(), new Op.Linear(l.outFeatures(), true)));
            alias(out, in);
            return;
        }
        long size = constant.map(OnnxAttributes::elements).orElse(0L);
        unary(name, in, out, OnnxOps.unknown(node.getOpType(), Optional.of(shape(in)), "with a constant of " + size
                + " elements (a parameter or a buffer: not counted)"));
    }

    /** {@code x * hardsigmoid(x)}: hardswish as exporters write it before opset 14. */
    private boolean hardSwish(String name, String out, List<String> data) {
        for (int i = 0; i < 2; i++) {
            String x = resolve(data.get(i));
            if (producers.get(resolve(data.get(1 - i))) instanceof DataFlow.Unary u && u.in().equals(x)
                    && u.op().equals(new Op.Activation(Op.Activation.Kind.HARDSIGMOID))) {
                unary(name, x, out, new Op.Activation(Op.Activation.Kind.HARDSWISH));
                return true;
            }
        }
        return false;
    }

    private void concat(NodeProto node, String name, List<String> data) {
        long axis = OnnxAttributes.integer(node, "axis", 1);
        if ((axis == 1 || axis == -3) && data.size() == node.getInputCount()) {
            join(name, node.getOutput(0), DataFlow.Join.Kind.CONCAT, data, "", null);
        } else {
            unknownJoin(node, name, data);
        }
    }

    private void unknownJoin(NodeProto node, String name, List<String> data) {
        String out = node.getOutput(0);
        TensorShape first = shape(data.get(0));
        TensorShape result = declared.getOrDefault(out, Optional.empty()).orElse(first);
        // the operator's name alone, so that the count of unknown operators groups them
        join(name, out, DataFlow.Join.Kind.UNKNOWN, data, node.getOpType(), result);
    }

    private void join(String name, String out, DataFlow.Join.Kind kind, List<String> data, String operator, TensorShape unknownOut) {
        List<String> ins = data.stream().map(this::resolve).toList();
        List<TensorShape> s = ins.stream().map(this::shape).toList();
        TensorShape result = switch (kind) {
            case ADD, MUL -> broadcast(s.get(0), s.get(1));
            case CONCAT -> {
                int channels = 0;
                for (TensorShape t : s) {
                    if (t.height() != s.get(0).height() || t.width() != s.get(0).width()) {
                        throw new InvalidDesignException("", "concatenates " + s + ", whose sizes differ");
                    }
                    channels = Math.addExact(channels, t.channels());
                }
                yield s.get(0).withChannels(channels);
            }
            case UNKNOWN -> unknownOut;
        };
        producers.put(out, new DataFlow.Join(name, kind, ins, operator, unknownOut));
        shapes.put(out, result);
    }

    private static TensorShape broadcast(TensorShape a, TensorShape b) {
        if (a.equals(b) || (a.channels() == b.channels() && b.positions() == 1)) {
            return a;
        }
        if (a.channels() == b.channels() && a.positions() == 1) {
            return b;
        }
        throw new InvalidDesignException("", "combines " + a + " with " + b + ", which do not broadcast");
    }

    private void split(NodeProto node, String name, String in) {
        TensorShape s = shape(in);
        long axis = OnnxAttributes.integer(node, "axis", 0);
        List<Integer> sizes = new ArrayList<>();
        Optional<double[]> given = node.getInputCount() > 1 && !node.getInput(1).isEmpty() ? constants.values(node.getInput(1))
                : OnnxAttributes.ints(node, "split").map(l -> l.stream().mapToDouble(Long::doubleValue).toArray());
        given.ifPresent(g -> java.util.Arrays.stream(g).forEach(v -> sizes.add((int) v)));
        if (given.isEmpty() && s.channels() % node.getOutputCount() == 0) {
            node.getOutputList().forEach(o -> sizes.add(s.channels() / node.getOutputCount()));
        }
        if ((axis != 1 && axis != -3) || sizes.size() != node.getOutputCount() || sizes.stream().mapToInt(i -> i).sum() != s.channels()) {
            for (String out : node.getOutputList()) {
                unary(name, in, out, OnnxOps.unknown("Split", Optional.empty(), "along axis " + axis + " or into sizes not known"));
            }
            return;
        }
        int start = 0;
        for (int i = 0; i < sizes.size(); i++) {
            piece(name, in, node.getOutput(i), start, start + sizes.get(i));
            start += sizes.get(i);
        }
    }

    private void slice(NodeProto node, String name, String in) {
        TensorShape s = shape(in);
        Optional<double[]> starts = input(node, 1);
        Optional<double[]> ends = input(node, 2);
        Optional<double[]> axes = node.getInputCount() > 3 && !node.getInput(3).isEmpty() ? input(node, 3) : Optional.of(new double[] {0});
        Optional<double[]> steps = node.getInputCount() > 4 && !node.getInput(4).isEmpty() ? input(node, 4) : Optional.of(new double[] {1});
        boolean channels = starts.isPresent() && ends.isPresent() && axes.isPresent() && steps.isPresent() && starts.get().length == 1
                && (axes.get()[0] == 1 || axes.get()[0] == -3) && steps.get()[0] == 1;
        if (!channels) {
            unary(name, in, node.getOutput(0), OnnxOps.unknown("Slice", Optional.empty(), "not a slice of channels with known bounds"));
            return;
        }
        int start = (int) Math.max(0, Math.min(s.channels(), clampNegative(starts.get()[0], s.channels())));
        int end = (int) Math.max(start, Math.min(s.channels(), clampNegative(ends.get()[0], s.channels())));
        if (end == start) {
            throw new InvalidDesignException("", "takes no channels (" + start + " to " + end + " of " + s.channels() + ")");
        }
        piece(name, in, node.getOutput(0), start, end);
    }

    /** Channels gathered in another order (how IGC Lab exports a permutation that is not a shuffle). */
    private Op gather(NodeProto node, TensorShape in) {
        Optional<double[]> index = input(node, 1);
        long axis = OnnxAttributes.integer(node, "axis", 0);
        if ((axis == 1 || axis == -3) && index.isPresent() && index.get().length == in.channels()) {
            int[] order = java.util.Arrays.stream(index.get()).mapToInt(v -> (int) v).toArray();
            if (java.util.Arrays.stream(order).sorted().boxed().toList().equals(java.util.stream.IntStream.range(0, order.length).boxed().toList())) {
                return new Op.Permute(org.igclab.rules.model.Permutation.of(order));
            }
        }
        return OnnxOps.unknown("Gather", Optional.empty(), "not a permutation of the channels");
    }

    private Optional<double[]> input(NodeProto node, int i) {
        return node.getInputCount() > i ? constants.values(node.getInput(i)) : Optional.empty();
    }

    private static double clampNegative(double index, int size) {
        return index < 0 ? index + size : index;
    }

    private void piece(String name, String in, String out, int start, int end) {
        String source = resolve(in);
        producers.put(out, new DataFlow.Piece(name, source, start, end));
        shapes.put(out, shape(source).withChannels(end - start));
    }

    /** The three nodes of a channel shuffle; true when {@code node} is one of them and was taken as such. */
    private boolean shuffle(NodeProto node, String name) {
        String in = node.getInput(0);
        String out = node.getOutput(0);
        if (node.getOpType().equals("Transpose")) {
            Optional<List<Long>> perm = OnnxAttributes.ints(node, "perm");
            if (viewed.containsKey(in) && perm.equals(Optional.of(SWAP_GROUPS))) {
                swapped.put(out, viewed.remove(in));
                return true;
            }
            return false;
        }
        Optional<double[]> target = constants.values(node.getInputCount() > 1 ? node.getInput(1) : "");
        if (target.isEmpty()) {
            return false;
        }
        double[] t = target.get();
        if (swapped.containsKey(in)) {
            Shuffling s = swapped.get(in);
            TensorShape source = shapes.get(s.source());
            if (t.length == 4 && (t[1] == -1 || t[1] == source.channels()) && t[2] == source.height() && t[3] == source.width()) {
                swapped.remove(in);
                unary(name, s.source(), out, new Op.Shuffle(s.groups()));
                return true;
            }
            return false;
        }
        if (!shapes.containsKey(resolve(in))) {
            return false;
        }
        TensorShape s = shapes.get(resolve(in));
        if (t.length == 5 && t[1] > 0 && t[1] * t[2] == s.channels() && t[3] == s.height() && t[4] == s.width()) {
            viewed.put(out, new Shuffling(resolve(in), (int) t[1]));
            return true;
        }
        if (t.length == 2 || (t.length == 4 && (t[1] == s.channels() || t[1] == 0) && t[2] == s.height() && t[3] == s.width())) {
            // a flatten (the fully connected layer reads the flattened input anyway) or a reshape to the same shape
            alias(out, in);
            return true;
        }
        return false;
    }
}
