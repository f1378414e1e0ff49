package org.igclab.analyzer.network.cost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ParamCount;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.model.ExactCounts;

/**
 * A torchinfo-style summary of a network: its layer tree to a chosen depth, each row with its shapes, its kernel,
 * stride and groups where it has them, and the parameters and MACs of everything under it; the parameters split into
 * trainable ones and buffers; and the memory of a batch ({@link TrainingMemory}).
 *
 * @param cost        the network's cost, whose operations the rows sum
 * @param depth       how deep the tree goes: 1 shows the top-level layers (stem layers, blocks, head layers)
 * @param rows        the tree, parents before children
 * @param batchNorms  BatchNorm layers, each with a running mean and variance per channel and one batch counter
 * @param bufferValues the running means and variances, all together
 * @param batch       images per batch for the memory
 * @param optimizer   whose state the memory counts
 * @param memory      the memory of a batch
 */
public record NetworkSummary(NetworkCost cost, int depth, List<Row> rows, long batchNorms, long bufferValues, int batch,
                             TrainingMemory.Optimizer optimizer, TrainingMemory memory) {

    /**
     * One layer of the tree.
     *
     * @param level   1 for a top-level layer, 2 under it, ...
     * @param path    where it is in the network file
     * @param name    its name under its parent ({@code W1}, {@code body}), or its whole path at the top level
     * @param type    an operation's description ({@code conv 3x3/2 G=4}), a block's label, or the composite's kind
     * @param in      input shape
     * @param out     output shape
     * @param kernel  a convolution's or pooling's kernel side, if it has one
     * @param stride  its stride, if it has one
     * @param groups  a convolution's groups, if it is one
     * @param params  the parameters of everything under it
     * @param macs    the MACs of everything under it
     */
    public record Row(int level, String path, String name, String type, TensorShape in, TensorShape out, Optional<Integer> kernel,
                      Optional<Integer> stride, Optional<Integer> groups, ParamCount params, long macs) {
    }

    public NetworkSummary {
        rows = List.copyOf(rows);
    }

    /** The summary of {@code cost} to {@code depth} levels, with the memory of {@code batch} images under {@code optimizer}. */
    public static NetworkSummary of(NetworkCost cost, int depth, int batch, TrainingMemory.Optimizer optimizer) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth " + depth + " < 1");
        }
        Map<String, LayerCost> byPath = new HashMap<>();
        cost.layers().forEach(c -> byPath.putIfAbsent(c.path(), c));
        List<Row> rows = new ArrayList<>();
        for (Layer top : cost.network().root().children()) {
            walk(top, List.of(), depth, byPath, rows);
        }
        List<Layer.OpLayer> norms = cost.network().ops().stream().filter(o -> o.op() instanceof Op.BatchNorm).toList();
        long values = norms.stream().mapToLong(o -> 2L * o.in().channels()).reduce(0, ExactCounts::add);
        TrainingMemory memory = TrainingMemory.of(cost, batch, optimizer, values, norms.size());
        return new NetworkSummary(cost, depth, rows, norms.size(), values, batch, optimizer, memory);
    }

    /** Adds {@code layer}'s row and, above the depth, its children's; {@code above} are the paths of the rows above it. */
    private static void walk(Layer layer, List<String> above, int depth, Map<String, LayerCost> byPath, List<Row> rows) {
        // a residual's add and a concatenation have no parameters or MACs: the operations under a layer carry them all
        List<LayerCost> mine = layer.ops().map(o -> byPath.get(o.path())).filter(java.util.Objects::nonNull).toList();
        ParamCount params = mine.stream().map(LayerCost::params).reduce(ParamCount.ZERO, ParamCount::plus);
        long macs = mine.stream().mapToLong(LayerCost::macs).reduce(0, ExactCounts::add);
        Optional<Integer> kernel = Optional.empty();
        Optional<Integer> stride = Optional.empty();
        Optional<Integer> groups = Optional.empty();
        if (layer instanceof Layer.OpLayer op && op.op() instanceof Op.Conv c) {
            kernel = Optional.of(c.kernel());
            stride = Optional.of(c.stride());
            groups = Optional.of(c.groups());
        } else if (layer instanceof Layer.OpLayer op && op.op() instanceof Op.Pool p) {
            kernel = Optional.of(p.kernel());
            stride = Optional.of(p.stride());
        }
        int level = above.size() + 1;
        rows.add(new Row(level, layer.path(), name(layer.path(), above), type(layer, byPath), layer.in(), layer.out(), kernel, stride, groups,
                params, macs));
        if (level < depth) {
            List<String> path = new ArrayList<>(above);
            path.add(layer.path());
            for (Layer child : inner(layer)) {
                walk(child, path, depth, byPath, rows);
            }
        }
    }

    /** The path after the nearest row above that it extends ({@code body} under {@code stages[1].blocks[0]}), or all of it. */
    private static String name(String path, List<String> above) {
        for (int i = above.size() - 1; i >= 0; i--) {
            if (path.startsWith(above.get(i) + ".")) {
                return path.substring(above.get(i).length() + 1);
            }
        }
        return path;
    }

    /** A layer's children, looking through a child that stands at the same path (a block's body). */
    private static List<Layer> inner(Layer layer) {
        List<Layer> out = new ArrayList<>();
        for (Layer child : layer.children()) {
            if (child.path().equals(layer.path())) {
                out.addAll(inner(child));
            } else {
                out.add(child);
            }
        }
        return out;
    }

    private static String type(Layer layer, Map<String, LayerCost> byPath) {
        return LayerLabel.of(layer, l -> byPath.containsKey(l.path()) ? byPath.get(l.path()).op() : CostModel.describe(l.op()));
    }

    /** The parameters PyTorch trains: all of them (IGC Lab freezes none). */
    public long trainable() {
        return cost.params().total();
    }
}
