package org.igclab.analyzer.network.cost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.LayerWalk;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ParamCount;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.rules.model.CountOverflowException;
import org.igclab.rules.model.ExactCounts;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Counts a network layer by layer under the conventions of src/site/markdown/conventions.md: parameters split into weights, bias and
 * BatchNorm affine; MACs for convolutions and fully connected layers; activations and memory traffic for every
 * operation, permutations and residual adds included. Exact 64-bit arithmetic; a network too large to count
 * is an error, never a wrapped number.
 */
public final class CostModel {

    private CostModel() {
    }

    public static NetworkCost of(Network network) {
        return of(ShapeInference.resolve(network));
    }

    public static NetworkCost of(ResolvedNetwork network) {
        List<LayerCost> layers = new ArrayList<>();
        List<BlockCost> blocks = new ArrayList<>();
        ParamCount params = ParamCount.ZERO;
        long macs = 0;
        long activations = 0;
        long peak = 0;
        long traffic = 0;
        try {
            walk(network.root(), "", layers, blocks);
            // the totals too: every layer may fit while their sum does not
            for (LayerCost l : layers) {
                params = params.plus(l.params());
                macs = ExactCounts.add(macs, l.macs());
                activations = ExactCounts.add(activations, l.activations());
                peak = Math.max(peak, ExactCounts.add(l.in().elements(), l.out().elements()));
                traffic = ExactCounts.add(traffic, l.traffic());
            }
            ExactCounts.multiply(2, macs); // the reports print FLOPs = 2 * MACs, which must fit too
        } catch (CountOverflowException e) {
            throw new InvalidDesignException("input", "the network is too large: its counts do not fit in 64-bit integers", e);
        }
        return new NetworkCost(network, layers, blocks, params, macs, activations, peak, traffic, unknownOperators(network));
    }

    /** The operators the network holds that IGC Lab does not count, by name, with how often each occurs (fvcore's report). */
    static java.util.SortedMap<String, Integer> unknownOperators(ResolvedNetwork network) {
        java.util.SortedMap<String, Integer> unknown = new java.util.TreeMap<>();
        network.root().ops().forEach(o -> {
            if (o.op() instanceof Op.Unknown u) {
                unknown.merge(u.operator(), 1, Integer::sum);
            }
        });
        return unknown;
    }

    private static void walk(Layer root, String rootBlock, List<LayerCost> layers, List<BlockCost> blocks) {
        Deque<int[]> open = new ArrayDeque<>(); // per open block: its first layer and its index among the blocks
        LayerWalk.walk(root, rootBlock, new LayerWalk.Steps() {
            @Override
            public void op(Layer.OpLayer op, String block) {
                layers.add(opCost(op, block));
            }

            /** The row that joins the branches' outputs: no parameters, no MACs, the output moved once per operand read and once written. */
            @Override
            public void join(Layer layer, LayerWalk.Join join, String block) {
                int moves = join == LayerWalk.Join.CONCAT ? 2 : 3; // a sum or product reads two inputs and writes one output
                long out = layer.out().elements();
                layers.add(new LayerCost(layer.path() + "." + join.label(), join.label(), block, layer.in(), layer.out(), ParamCount.ZERO, 0,
                        out, ExactCounts.multiply(moves, out)));
            }

            @Override
            public void enterBlock(Layer.BlockLayer b, String label) {
                // outer blocks before the blocks nested in them (a squeeze-and-excitation inside an inverted residual)
                open.push(new int[] {layers.size(), blocks.size()});
                blocks.add(null);
            }

            @Override
            public void leaveBlock(Layer.BlockLayer b, String label) {
                int[] at = open.pop();
                List<LayerCost> mine = layers.subList(at[0], layers.size());
                ParamCount params = mine.stream().map(LayerCost::params).reduce(ParamCount.ZERO, ParamCount::plus);
                long macs = mine.stream().mapToLong(LayerCost::macs).reduce(0, ExactCounts::add);
                blocks.set(at[1], new BlockCost(b.path(), label, b.in(), b.out(), params, macs, b.template().formula(b.in())));
            }
        });
    }

    private static LayerCost opCost(Layer.OpLayer layer, String block) {
        Op op = layer.op();
        ParamCount params = op.params(layer.in());
        long macs = op.macs(layer.in(), layer.out());
        long out = layer.out().elements();
        long traffic = ExactCounts.add(ExactCounts.add(layer.in().elements(), out), params.total());
        return new LayerCost(layer.path(), describe(op), block, layer.in(), layer.out(), params, macs, out, traffic);
    }

    /** {@code conv 3x3/2 G=4 +bias}, {@code shuffle g=8}, {@code maxpool 3x3/2}, ... */
    public static String describe(Op op) {
        String name = op.type().fileName();
        return op.accept(new Op.Visitor<>() {
            @Override
            public String conv(Op.Conv c) {
                return name + " " + c.kernel() + "x" + c.kernel() + (c.stride() > 1 ? "/" + c.stride() : "")
                        + (c.groups() > 1 ? " G=" + c.groups() : "") + (c.dilation() > 1 ? " dil=" + c.dilation() : "")
                        + (c.bias() ? " +bias" : "");
            }

            @Override
            public String shuffle(Op.Shuffle s) {
                return name + " g=" + s.groups();
            }

            @Override
            public String permute(Op.Permute p) {
                return name;
            }

            @Override
            public String batchNorm(Op.BatchNorm b) {
                return name;
            }

            @Override
            public String activation(Op.Activation a) {
                return name;
            }

            @Override
            public String pool(Op.Pool p) {
                return name + " " + p.kernel() + "x" + p.kernel() + (p.stride() > 1 ? "/" + p.stride() : "");
            }

            @Override
            public String globalAvgPool(Op.GlobalAvgPool g) {
                return name;
            }

            @Override
            public String linear(Op.Linear l) {
                return name + (l.bias() ? " +bias" : "");
            }

            @Override
            public String identity(Op.Identity i) {
                return name;
            }

            @Override
            public String unknown(Op.Unknown u) {
                return name + " " + u.operator();
            }
        });
    }
}
