package org.igclab.ui.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.network.GroupConvChains;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.network.cost.NetworkSummary;
import org.igclab.analyzer.network.cost.TrainingMemory;
import org.igclab.analyzer.report.NetworkChainsView;
import org.igclab.analyzer.report.NetworkCostView;
import org.igclab.analyzer.report.NetworkVerdicts;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.condition.BalanceCondition;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.io.ChainDocument;

/**
 * A whole network as the explorer's Network tab shows it, whatever it was written as (a network file, a skeleton, an
 * imported ONNX model): its layer tree with shapes, kernels and costs ({@link NetworkSummary}, as {@code igc summary}),
 * each block's verdicts ({@link NetworkVerdicts}, as {@code igc check NETWORK}) and the chains of group convolutions found
 * in it ({@link GroupConvChains}, as {@code igc check model.onnx}), and a summary line. Operators IGC Lab does not count
 * are named with their counts, and every total is then a lower bound, as {@code igc cost} says.
 *
 * @param name    the network's name (the file's when it has none)
 * @param rows    the layer tree, parents before children, in execution order
 * @param cost    the network's costs
 * @param blocks  every template block's verdict (none for an imported model, which has no blocks)
 * @param chains  every chain of group convolutions found, with its complementary verdict
 */
public record NetworkOverview(String name, List<Row> rows, NetworkCost cost, NetworkVerdicts blocks, List<NetworkChainsView.Checked> chains) {
    /** Deep enough for every layer of the samples and of imported models: the view folds what it does not show. */
    static final int DEPTH = 8;

    /**
     * One layer of the tree.
     *
     * @param layer     its place, shapes, kernel and costs
     * @param paramsShare its parameters' share of the network's, in [0, 1]
     * @param macsShare   its MACs' share of the network's, in [0, 1]
     * @param verdict   a block's worst complementary verdict, or that of the chain the layer is part of; empty when neither
     * @param imbalance the imbalance (max/min of {@code S_l K_l}) that goes with the verdict, NaN without one
     * @param chain     the chain a selection shows: the one the layer is part of, or the first inside it; empty when none
     * @param node      the name its source gave the layer (an imported ONNX model's node, as {@code igc cost} shows it), or blank
     */
    public record Row(NetworkSummary.Row layer, double paramsShare, double macsShare, Optional<Verdict> verdict, double imbalance,
                      Optional<ChainDocument> chain, String node) {

        /**
         * The name it shows: its source's name for it where it has one (an ONNX node's, as Netron shows it), else its name
         * under its parent ({@code W1}, {@code body}), or its whole path at the top level.
         */
        public String name() {
            return node.isEmpty() ? layer.name() : node;
        }

        /** Its path, and its source's name for it when there is one: {@code layers[3] (stages[0].blocks[0].W1/Conv_3)}. */
        public String place() {
            return node.isEmpty() ? layer.path() : layer.path() + " (" + node + ")";
        }

        /** {@code strict}, {@code dense}, {@code neither}; blank when the layer has no verdict. */
        public String verdictText() {
            return verdict.map(Verdict::label).orElse("");
        }

        /** {@code 1.000}, or blank. */
        public String imbalanceText() {
            return Double.isNaN(imbalance) ? "" : TextTable.ratio(imbalance);
        }
    }

    public NetworkOverview {
        rows = List.copyOf(rows);
        chains = List.copyOf(chains);
    }

    /** The overview of a network design (a chain is not a network: the explorer shows it in the detail pane instead). */
    public static NetworkOverview of(Design.NetworkDesign design) {
        ResolvedNetwork resolved = ShapeInference.resolve(design.network());
        NetworkCost cost = CostModel.of(resolved);
        NetworkSummary summary = NetworkSummary.of(cost, DEPTH, 1, TrainingMemory.Optimizer.SGD);
        NetworkVerdicts blocks = NetworkVerdicts.of(resolved.root());
        List<NetworkChainsView.Checked> chains = NetworkChainsView.check(GroupConvChains.in(resolved.root()));
        Map<String, NetworkVerdicts.BlockVerdict> byPath = new HashMap<>();
        blocks.blocks().forEach(b -> byPath.put(b.path(), b));
        Map<String, NetworkChainsView.Checked> byFirst = new HashMap<>();
        chains.forEach(c -> byFirst.putIfAbsent(c.found().first(), c));

        List<Row> rows = new java.util.ArrayList<>(summary.rows().size());
        NetworkChainsView.Checked open = null;
        for (NetworkSummary.Row r : summary.rows()) {
            if (open == null) {
                open = byFirst.get(r.path());
            }
            // the chain this layer is part of, else the first one that starts inside it (a block holding its chain)
            NetworkChainsView.Checked mine = open != null ? open : chains.stream().filter(c -> inside(c.found().first(), r.path()))
                    .findFirst().orElse(null);
            NetworkVerdicts.BlockVerdict block = byPath.get(r.path());
            Optional<Verdict> verdict = block != null ? block.verdict()
                    : Optional.ofNullable(mine).map(c -> c.report().verdict());
            double imbalance = block != null ? block.imbalance()
                    : mine == null ? Double.NaN : BalanceCondition.imbalance(mine.found().chain().chain());
            rows.add(new Row(r, share(r.params().total(), cost.params().total()), share(r.macs(), cost.macs()), verdict, imbalance,
                    Optional.ofNullable(mine).map(c -> c.found().chain()), design.network().label(r.path())));
            if (open != null && r.path().equals(open.found().last())) {
                open = null;
            }
        }
        return new NetworkOverview(design.name(), rows, cost, blocks, chains);
    }

    /** Whether {@code path} is {@code parent} or under it: {@code stages[0].blocks[0].W1} is under {@code stages[0]}, {@code stem[10]} is not under {@code stem[1]}. */
    static boolean inside(String path, String parent) {
        return path.equals(parent) || path.startsWith(parent + ".") || !parent.endsWith("]") && path.startsWith(parent + "[");
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * {@code ResNet-50: 25,557,032 parameters, 4,089,184,256 MACs (4.09 G); 16 blocks: 0 strict, ...; 0 chains of group
     * convolutions}; with {@code at least} before each total when some operators are not counted.
     */
    public String summary() {
        String atLeast = lowerBound() ? "at least " : "";
        StringBuilder s = new StringBuilder(String.format("%s: %s%s parameters, %s%s MACs (%.3f G), input %s", name.isEmpty() ? "network" : name,
                atLeast, TextTable.grouped(cost.params().total()), atLeast, TextTable.grouped(cost.macs()), cost.macs() / 1e9,
                cost.network().spec().input()));
        if (!blocks.blocks().isEmpty()) {
            s.append("; ").append(blocks.summary());
        }
        s.append("; ").append(chains.isEmpty() ? "no chain of group convolutions" : NetworkChainsView.summary(chains).replaceFirst(
                "chains?", "$0 of group convolutions"));
        return s.toString();
    }

    /** True when some operators are not counted, so that every total is a lower bound. */
    public boolean lowerBound() {
        return cost.lowerBound();
    }

    /** {@code 1 operator IGC Lab does not count (LeakyRelu x1): every total is a lower bound}, or blank. */
    public String lowerBoundNote() {
        return lowerBound() ? NetworkCostView.lowerBoundNote(cost) : "";
    }

    /** The operators not counted, by name, with how many times each occurs. */
    public SortedMap<String, Integer> unknown() {
        return cost.unknown();
    }
}
