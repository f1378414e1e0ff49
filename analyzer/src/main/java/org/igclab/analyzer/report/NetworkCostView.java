package org.igclab.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.ParamCount;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.BlockCost;
import org.igclab.analyzer.network.cost.LayerCost;
import org.igclab.analyzer.network.cost.LayerLabel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;

/** The per-layer cost table of a network (like ptflops or fvcore), as text, JSON or CSV. */
public final class NetworkCostView {
    public static final String NETWORK_CONVENTIONS = "network parameters: weights, bias and BatchNorm affine (gamma, beta) "
            + "counted apart; their total is PyTorch's sum(p.numel() for p in model.parameters()); BatchNorm running "
            + "statistics are buffers, not parameters";
    public static final String MEMORY = "activations: output elements per image; traffic: elements read and written "
            + "(inputs + outputs + parameters); MiB at float32";

    private NetworkCostView() {
    }

    /** The table; {@code blocksOnly} shows one row per top-level layer or block instead of every operation. */
    public static String text(NetworkCost cost, boolean blocksOnly, boolean formulas) {
        StringBuilder s = new StringBuilder();
        TensorShape input = cost.network().spec().input();
        s.append("# ").append(cost.network().spec().name().isEmpty() ? "network" : cost.network().spec().name())
                .append(", input ").append(input).append('\n');
        s.append(conventionsText());
        if (cost.lowerBound()) {
            s.append("# ").append(lowerBoundNote(cost)).append('\n');
        }
        // an imported model's node names, beside the paths the other commands use, where it has them
        Network spec = cost.network().spec();
        boolean named = (blocksOnly ? groups(cost).stream().map(Group::path) : cost.layers().stream().map(LayerCost::path))
                .anyMatch(path -> !spec.label(path).isEmpty());
        TextTable t = named ? new TextTable("layer", "node", "op", ">output", ">params", ">MACs", ">activations", ">traffic")
                : new TextTable("layer", "op", ">output", ">params", ">MACs", ">activations", ">traffic");
        if (blocksOnly) {
            for (Group g : groups(cost)) {
                row(t, named, g.path(), spec.label(g.path()), g.op(), g.out(), TextTable.grouped(g.params().total()), TextTable.grouped(g.macs()),
                        TextTable.grouped(g.activations()), TextTable.grouped(g.traffic()));
            }
        } else {
            for (LayerCost l : cost.layers()) {
                row(t, named, l.path(), spec.label(l.path()), l.op(), l.out(), TextTable.grouped(l.params().total()), TextTable.grouped(l.macs()),
                        TextTable.grouped(l.activations()), TextTable.grouped(l.traffic()));
            }
        }
        row(t, named, cost.lowerBound() ? "total (lower bound)" : "total", "", "", cost.network().output(), TextTable.grouped(cost.params().total()),
                TextTable.grouped(cost.macs()), TextTable.grouped(cost.activations()), TextTable.grouped(cost.traffic()));
        s.append(t.render());
        ParamCount p = cost.params();
        String atLeast = cost.lowerBound() ? "at least " : "";
        s.append(String.format(atLeast + "parameters: %s = weights %s + bias %s + BN affine %s%n", TextTable.grouped(p.total()),
                TextTable.grouped(p.weights()), TextTable.grouped(p.bias()), TextTable.grouped(p.bnAffine())));
        s.append(String.format(atLeast + "MACs: %s (%.3f G); FLOPs = 2 * MACs = %s%n", TextTable.grouped(cost.macs()), cost.macs() / 1e9,
                TextTable.grouped(cost.flops())));
        s.append(String.format("activations: %s elements (%.1f MiB), peak of one operation %s (%.1f MiB); traffic: %s elements (%.1f MiB)%n",
                TextTable.grouped(cost.activations()), NetworkCost.mebibytes(cost.activations()),
                TextTable.grouped(cost.peakActivation()), NetworkCost.mebibytes(cost.peakActivation()),
                TextTable.grouped(cost.traffic()), NetworkCost.mebibytes(cost.traffic())));
        if (formulas) {
            s.append("\nclosed-form formulas of the blocks (each checked against the layer-by-layer count):\n");
            s.append(formulas(cost));
        }
        return s.toString();
    }

    /** Each distinct block's closed-form formula with its numbers, once per block kind and input shape. */
    public static String formulas(NetworkCost cost) {
        StringBuilder s = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (BlockCost b : cost.blocks()) {
            if (seen.add(b.label() + " on " + b.in())) {
                s.append(b.formula().render().replaceFirst("\n", " on " + b.in() + (b.formulaAgrees() ? " (agrees)" : " (DIFFERS)") + "\n"));
            }
        }
        return s.toString();
    }

    /** The conventions of network counts, one {@code # } line each, for the head of a text report. */
    public static String conventionsText() {
        return "# " + NETWORK_CONVENTIONS + "\n# " + Conventions.MACS + "; only convolutions and fully connected layers have MACs\n# "
                + MEMORY + "\n";
    }

    /** The conventions of network counts for a JSON report. */
    public static ObjectNode conventionsJson() {
        ObjectNode conventions = Conventions.json();
        conventions.put("network", NETWORK_CONVENTIONS);
        conventions.put("memory", MEMORY);
        return conventions;
    }

    /** A row of the table, with the node's name after the path when the table has that column. */
    private static void row(TextTable t, boolean named, String path, String node, Object... rest) {
        List<Object> cells = new ArrayList<>(List.of(path));
        if (named) {
            cells.add(node);
        }
        cells.addAll(List.of(rest));
        t.row(cells.toArray());
    }

    /** One row per top-level entry (stem layer, block, head layer) with its operations summed. */
    public record Group(String path, String op, TensorShape out, ParamCount params, long macs, long activations, long traffic) {
    }

    /** The rows of {@code --blocks}: one per stem layer, block and head layer, in order; one pass over the operations. */
    public static List<Group> groups(NetworkCost cost) {
        var top = cost.network().root().layers();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < top.size(); i++) {
            index.putIfAbsent(top.get(i).path(), i);
        }
        ParamCount[] params = new ParamCount[top.size()];
        Arrays.fill(params, ParamCount.ZERO);
        long[] macs = new long[top.size()];
        long[] activations = new long[top.size()];
        long[] traffic = new long[top.size()];
        String[] op = new String[top.size()];
        Arrays.fill(op, "");
        for (LayerCost l : cost.layers()) {
            if (index.containsKey(l.path())) {
                op[index.get(l.path())] = l.op(); // a top-level operation's own label
            }
            Integer g = entryOf(l.path(), index);
            if (g != null) {
                params[g] = params[g].plus(l.params());
                macs[g] += l.macs();
                activations[g] += l.activations();
                traffic[g] += l.traffic();
            }
        }
        for (int i = 0; i < top.size(); i++) {
            String own = op[i];
            op[i] = LayerLabel.of(top.get(i), o -> own);
        }
        List<Group> groups = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            groups.add(new Group(top.get(i).path(), op[i], top.get(i).out(), params[i], macs[i], activations[i], traffic[i]));
        }
        return groups;
    }

    /** {@code 2 operators not counted (Einsum x2): every total is a lower bound}. */
    public static String lowerBoundNote(NetworkCost cost) {
        int n = cost.unknown().values().stream().mapToInt(Integer::intValue).sum();
        return n + " operator" + (n == 1 ? "" : "s") + " IGC Lab does not count (" + cost.unknownSummary() + "): every total is a lower bound";
    }

    /** The top-level entry an operation belongs to: its path, or the nearest one above it ({@code a.b.c}, {@code a.b}, {@code a}). */
    private static Integer entryOf(String path, Map<String, Integer> index) {
        for (String p = path; ; p = p.substring(0, p.lastIndexOf('.'))) {
            Integer g = index.get(p);
            if (g != null || p.lastIndexOf('.') < 0) {
                return g;
            }
        }
    }

    public static ObjectNode json(NetworkCost cost) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("name", cost.network().spec().name());
        root.put("input", cost.network().spec().input().toString());
        root.put("output", cost.network().output().toString());
        root.set("conventions", conventionsJson());
        ArrayNode layers = root.putArray("layers");
        for (LayerCost l : cost.layers()) {
            ObjectNode n = layers.addObject();
            n.put("path", l.path()).put("op", l.op()).put("block", l.block()).put("input", l.in().toString())
                    .put("output", l.out().toString());
            params(n, l.params());
            n.put("macs", l.macs()).put("flops", l.flops()).put("activations", l.activations()).put("traffic", l.traffic());
        }
        ArrayNode blocks = root.putArray("blocks");
        for (BlockCost b : cost.blocks()) {
            ObjectNode n = blocks.addObject();
            n.put("path", b.path()).put("label", b.label()).put("input", b.in().toString()).put("output", b.out().toString());
            params(n, b.params());
            n.put("macs", b.macs());
            n.put("formula", b.formula().render());
            n.put("formulaAgrees", b.formulaAgrees());
        }
        root.put("lowerBound", cost.lowerBound());
        ObjectNode unknown = root.putObject("unknownOperators");
        cost.unknown().forEach(unknown::put);
        ObjectNode total = root.putObject("total");
        params(total, cost.params());
        total.put("macs", cost.macs()).put("flops", cost.flops()).put("activations", cost.activations())
                .put("peakActivation", cost.peakActivation()).put("traffic", cost.traffic());
        return root;
    }

    private static void params(ObjectNode n, ParamCount p) {
        n.put("params", p.total()).put("weights", p.weights()).put("bias", p.bias()).put("bnAffine", p.bnAffine());
    }

    /** One row per stem layer, block and head layer ({@code cost --blocks --csv}). */
    public static String csvBlocks(NetworkCost cost) {
        List<List<?>> rows = new ArrayList<>();
        for (Group g : groups(cost)) {
            rows.add(List.of(g.path(), g.op(), g.out().toString(), g.params().weights(), g.params().bias(), g.params().bnAffine(),
                    g.params().total(), g.macs(), 2 * g.macs(), g.activations(), g.traffic()));
        }
        return Csv.of(List.of("path", "label", "output", "weights", "bias", "bn_affine", "params", "macs", "flops", "activations", "traffic"),
                rows);
    }

    public static String csv(NetworkCost cost) {
        List<List<?>> rows = new ArrayList<>();
        for (LayerCost l : cost.layers()) {
            rows.add(List.of(l.path(), l.op(), l.block(), l.in().toString(), l.out().toString(), l.params().weights(), l.params().bias(),
                    l.params().bnAffine(), l.params().total(), l.macs(), l.flops(), l.activations(), l.traffic()));
        }
        return Csv.of(List.of("path", "op", "block", "input", "output", "weights", "bias", "bn_affine", "params", "macs", "flops",
                "activations", "traffic"), rows);
    }
}
