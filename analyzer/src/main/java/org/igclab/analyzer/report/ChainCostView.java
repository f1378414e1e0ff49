package org.igclab.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
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

    public static List<Row> rows(KernelChain chain, int resolution) {
        List<Row> rows = new ArrayList<>();
        int side = resolution;
        for (int l = 0; l < chain.length(); l++) {
            GroupConv k = chain.kernel(l);
            int outSide = k.outputSide(side);
            rows.add(new Row("W" + (l + 1), k, side, outSide, k.weightCount(), k.macs(side, side)));
            side = outSide;
        }
        return rows;
    }

    public static String text(ChainDocument doc, String source, int resolution) {
        List<Row> rows = rows(doc.chain(), resolution);
        StringBuilder s = new StringBuilder();
        s.append("# ").append(doc.name().isEmpty() ? source : doc.name()).append(", input ")
                .append(resolution).append('x').append(resolution).append('\n');
        s.append(Conventions.textBlock());
        TextTable t = new TextTable("step", "kernel", ">in", ">out", ">groups", ">K", "output", ">params", ">MACs", ">FLOPs");
        for (Row r : rows) {
            GroupConv k = r.kernel();
            t.row(r.step(), k.kernelSize() + "x" + k.kernelSize() + (k.stride() > 1 ? "/" + k.stride() : ""), k.inChannels(),
                    k.outChannels(), k.groups(), k.groupSize(), k.outChannels() + "x" + r.outSide() + "x" + r.outSide(),
                    TextTable.grouped(r.params()), TextTable.grouped(r.macs()), TextTable.grouped(2 * r.macs()));
        }
        long params = rows.stream().mapToLong(Row::params).sum();
        long macs = rows.stream().mapToLong(Row::macs).sum();
        t.row("total", "", "", "", "", "", "", TextTable.grouped(params), TextTable.grouped(macs), TextTable.grouped(2 * macs));
        s.append(t.render());
        return s.toString();
    }

    public static ObjectNode json(ChainDocument doc, String source, int resolution) {
        List<Row> rows = rows(doc.chain(), resolution);
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("file", source);
        root.put("name", doc.name());
        root.put("resolution", resolution);
        root.set("conventions", Conventions.json());
        ArrayNode layers = root.putArray("kernels");
        for (Row r : rows) {
            ObjectNode n = layers.addObject();
            n.put("step", r.step()).put("kernelSize", r.kernel().kernelSize()).put("stride", r.kernel().stride())
                    .put("inChannels", r.kernel().inChannels()).put("outChannels", r.kernel().outChannels())
                    .put("groups", r.kernel().groups()).put("groupSize", r.kernel().groupSize()).put("outputSide", r.outSide())
                    .put("params", r.params()).put("macs", r.macs()).put("flops", 2 * r.macs());
        }
        long params = rows.stream().mapToLong(Row::params).sum();
        long macs = rows.stream().mapToLong(Row::macs).sum();
        root.putObject("total").put("params", params).put("macs", macs).put("flops", 2 * macs);
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
