package org.igclab.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.network.ChainOps;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.LayerCost;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;

/** Per-kernel parameters, MACs and FLOPs of a bare chain, as text, JSON or CSV. */
public final class ChainCostView {

    /** One kernel's figures. */
    public record Row(String step, GroupConv kernel, int inSide, int outSide, long params, long macs) {
    }

    private ChainCostView() {
    }

    /**
     * The chain's rows and totals.
     *
     * @param rows   one per kernel
     * @param params total parameters (the kernels' weights)
     * @param macs   total MACs; FLOPs are twice as many
     */
    public record Costs(List<Row> rows, long params, long macs) {
        public long flops() {
            return 2 * macs; // the cost model has checked that it fits
        }
    }

    /**
     * One row per kernel and the totals, counted by the cost model on the chain's operations ({@link ChainOps#network}):
     * the same figures as the chain inside a network.
     */
    public static Costs costs(KernelChain chain, int resolution) {
        List<ChainOps.Step> steps = ChainOps.expand(chain);
        NetworkCost cost = CostModel.of(ChainOps.network("", chain, resolution));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ChainOps.Step step = steps.get(i);
            LayerCost c = cost.layers().get(i);
            if (step.role() == ChainOps.Role.KERNEL) {
                rows.add(new Row(step.name(), chain.kernel(step.index()), c.in().height(), c.out().height(), c.params().total(), c.macs()));
            }
        }
        return new Costs(rows, cost.params().total(), cost.macs());
    }

    public static List<Row> rows(KernelChain chain, int resolution) {
        return costs(chain, resolution).rows();
    }

    public static String text(ChainDocument doc, String source, int resolution) {
        Costs costs = costs(doc.chain(), resolution);
        StringBuilder s = new StringBuilder();
        s.append("# ").append(doc.name().isEmpty() ? source : doc.name()).append(", input ")
                .append(resolution).append('x').append(resolution).append('\n');
        s.append(Conventions.textBlock());
        TextTable t = new TextTable("step", "kernel", ">in", ">out", ">groups", ">K", "output", ">params", ">MACs", ">FLOPs");
        for (Row r : costs.rows()) {
            GroupConv k = r.kernel();
            t.row(r.step(), k.kernelSize() + "x" + k.kernelSize() + (k.stride() > 1 ? "/" + k.stride() : ""), k.inChannels(),
                    k.outChannels(), k.groups(), k.groupSize(), k.outChannels() + "x" + r.outSide() + "x" + r.outSide(),
                    TextTable.grouped(r.params()), TextTable.grouped(r.macs()), TextTable.grouped(2 * r.macs()));
        }
        t.row("total", "", "", "", "", "", "", TextTable.grouped(costs.params()), TextTable.grouped(costs.macs()),
                TextTable.grouped(costs.flops()));
        s.append(t.render());
        return s.toString();
    }

    public static ObjectNode json(ChainDocument doc, String source, int resolution) {
        Costs costs = costs(doc.chain(), resolution);
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("file", source);
        root.put("name", doc.name());
        root.put("resolution", resolution);
        root.set("conventions", Conventions.json());
        ArrayNode layers = root.putArray("kernels");
        for (Row r : costs.rows()) {
            ObjectNode n = layers.addObject();
            n.put("step", r.step()).put("kernelSize", r.kernel().kernelSize()).put("stride", r.kernel().stride())
                    .put("inChannels", r.kernel().inChannels()).put("outChannels", r.kernel().outChannels())
                    .put("groups", r.kernel().groups()).put("groupSize", r.kernel().groupSize()).put("outputSide", r.outSide())
                    .put("params", r.params()).put("macs", r.macs()).put("flops", 2 * r.macs());
        }
        root.putObject("total").put("params", costs.params()).put("macs", costs.macs()).put("flops", costs.flops());
        return root;
    }

    public static String csv(ChainDocument doc, int resolution) {
        List<List<?>> lines = new ArrayList<>();
        for (Row r : rows(doc.chain(), resolution)) {
            GroupConv k = r.kernel();
            lines.add(List.of(r.step(), k.kernelSize(), k.stride(), k.inChannels(), k.outChannels(), k.groups(), k.groupSize(),
                    r.outSide(), r.params(), r.macs(), 2 * r.macs()));
        }
        return Csv.of(List.of("step", "kernel_size", "stride", "in_channels", "out_channels", "groups", "group_size",
                "output_side", "params", "macs", "flops"), lines);
    }
}
