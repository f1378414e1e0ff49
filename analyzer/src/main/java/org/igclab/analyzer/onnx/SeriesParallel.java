package org.igclab.analyzer.onnx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.OpJson;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Turns a {@link DataFlow} into the nested layers of {@code igc-network/1}: a run of steps is a sequence, and a join is a
 * {@code residual}, {@code mul}, {@code concat} or {@code split} whose branches start where they fork, the join's
 * immediate dominator (the last value every path to it passes through). A step reached along two branches would be
 * counted twice, so such a graph (not series-parallel) is refused, naming the node.
 */
final class SeriesParallel {
    private final DataFlow flow;
    private final Map<String, String> idom = new HashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();
    private final Set<String> emitted = new HashSet<>();

    private SeriesParallel(DataFlow flow) {
        this.flow = flow;
        depth.put(flow.input(), 0);
        for (Map.Entry<String, DataFlow.Step> e : flow.producers().entrySet()) {
            String d = null;
            for (String in : e.getValue().inputs()) {
                d = d == null ? in : common(d, in);
            }
            idom.put(e.getKey(), d);
            depth.put(e.getKey(), depth.get(d) + 1);
        }
    }

    /** The layers computing the flow's output from its input. */
    static ArrayNode layers(DataFlow flow) {
        return new SeriesParallel(flow).sequence(flow.input(), flow.output());
    }

    /** The nearest value that dominates both (the dominator tree's lowest common ancestor). */
    private String common(String a, String b) {
        while (!a.equals(b)) {
            if (depth.get(a) >= depth.get(b)) {
                a = idom.get(a);
            } else {
                b = idom.get(b);
            }
        }
        return a;
    }

    /** The layers from {@code start} (which dominates {@code end}) to {@code end}, walking back one step or join at a time. */
    private ArrayNode sequence(String start, String end) {
        Deque<ObjectNode> reversed = new ArrayDeque<>();
        for (String v = end; !v.equals(start); ) {
            DataFlow.Step step = flow.producers().get(v);
            if (!emitted.add(v)) {
                throw new InvalidDesignException("node " + step.node(), "is reached along two branches that do not join in one place "
                        + "(the graph is not series-parallel), which igc-network/1 cannot describe without counting it twice");
            }
            if (step instanceof DataFlow.Unary u) {
                ObjectNode op = OpJson.write(u.op());
                // the node's own name, as Netron shows it, where the model gives one
                String name = OnnxReader.nodeName(u.node());
                reversed.push(name.isEmpty() ? op : op.put("name", name));
                v = u.in();
            } else if (step instanceof DataFlow.Piece p) {
                // channels taken apart from a split: kept in place, named, not counted
                reversed.push(OpJson.write(new Op.Unknown("Slice", Optional.of(flow.shapes().get(v)),
                        "channels " + p.start() + " to " + p.end() + " of " + flow.shapes().get(p.in()).channels())));
                v = p.in();
            } else {
                String fork = idom.get(v);
                reversed.push(join((DataFlow.Join) step, fork));
                v = fork;
            }
        }
        ArrayNode layers = JsonFields.MAPPER.createArrayNode();
        reversed.forEach(layers::add);
        return layers;
    }

    private ObjectNode join(DataFlow.Join j, String fork) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        return switch (j.kind()) {
            case ADD, MUL -> {
                // the identity side, if any, is the shortcut (or the factor left out: the input itself)
                String a = j.inputs().get(0);
                String b = j.inputs().get(1);
                if (a.equals(fork)) {
                    String t = a;
                    a = b;
                    b = t;
                }
                boolean add = j.kind() == DataFlow.Join.Kind.ADD;
                n.put("type", add ? "residual" : "mul");
                n.set("body", sequence(fork, a));
                if (!b.equals(fork)) {
                    n.set(add ? "shortcut" : "other", sequence(fork, b));
                }
                yield n;
            }
            case CONCAT -> split(j, fork).orElseGet(() -> concat(j.inputs(), fork));
            case UNKNOWN -> {
                ObjectNode seq = n.put("type", "sequence");
                ArrayNode layers = seq.putArray("layers");
                layers.add(concat(j.inputs(), fork));
                layers.add(OpJson.write(new Op.Unknown(j.operator(), Optional.of(j.unknownOut()), "its inputs are concatenated before it")));
                yield seq;
            }
        };
    }

    /** A branch of a concatenation or split: its layers, or the identity where it passes its input on (a list may not be empty). */
    private ArrayNode branch(String start, String end) {
        ArrayNode layers = sequence(start, end);
        return layers.isEmpty() ? layers.add(OpJson.write(new Op.Identity())) : layers;
    }

    private ObjectNode concat(List<String> inputs, String fork) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", "concat");
        ArrayNode branches = n.putArray("branches");
        inputs.forEach(i -> branches.add(branch(fork, i)));
        return n;
    }

    /** A concatenation whose branches start from consecutive channel pieces of the fork, covering it: ShuffleNet V2's split. */
    private Optional<ObjectNode> split(DataFlow.Join j, String fork) {
        List<String> starts = new ArrayList<>();
        int next = 0;
        for (String in : j.inputs()) {
            String top = in;
            while (!top.equals(fork) && !fork.equals(idom.get(top))) {
                top = idom.get(top);
            }
            if (!(flow.producers().get(top) instanceof DataFlow.Piece p) || !p.in().equals(fork) || p.start() != next) {
                return Optional.empty();
            }
            next = p.end();
            starts.add(top);
        }
        TensorShape whole = flow.shapes().get(fork);
        if (next != whole.channels()) {
            return Optional.empty();
        }
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", "split");
        ArrayNode sizes = n.putArray("sizes");
        ArrayNode branches = n.putArray("branches");
        for (int i = 0; i < starts.size(); i++) {
            String piece = starts.get(i);
            if (!emitted.add(piece)) {
                return Optional.empty();
            }
            sizes.add(flow.shapes().get(piece).channels());
            branches.add(branch(piece, j.inputs().get(i)));
        }
        return Optional.of(n);
    }
}
