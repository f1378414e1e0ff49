package org.igclab.analyzer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.igclab.analyzer.report.Conventions;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc cost FILE}: per-kernel and total parameters, MACs and FLOPs of a chain. */
@Command(name = "cost",
        mixinStandardHelpOptions = true,
        header = "Per-kernel and total parameters, MACs and FLOPs of a chain file.",
        sortOptions = false,
        description = {
            "Print a chain's per-kernel and total parameters, MACs and FLOPs at an input resolution,",
            "with the counting conventions stated."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc cost samples/chains/igcv2-c64.json",
            "  igc cost samples/chains/igcv1-l24m2.json --resolution 56 --csv"})
public final class CostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A chain file (JSON).")
    Path file;

    @Option(names = {"-r", "--resolution"}, paramLabel = "SIDE", defaultValue = "32",
            description = "Input height = width (default: ${DEFAULT-VALUE}).")
    int resolution;

    @Mixin
    OutputFormat format;

    /** One kernel's figures. */
    record Row(String step, GroupConv kernel, int inSide, int outSide, long params, long macs) {
    }

    @Override
    public Integer call() throws IOException {
        String chosen = format.chosen();
        if (resolution < 1) {
            throw new InputException("--resolution = " + resolution + " must be positive");
        }
        ChainDocument doc = ChainFiles.read(file);
        List<Row> rows = rows(doc.chain(), resolution);
        long params = rows.stream().mapToLong(Row::params).sum();
        long macs = rows.stream().mapToLong(Row::macs).sum();
        PrintWriter out = spec.commandLine().getOut();
        switch (chosen) {
            case "json" -> out.print(JsonFields.pretty(json(doc, rows, params, macs)));
            case "csv" -> out.print(csv(rows));
            default -> out.print(table(doc, rows, params, macs));
        }
        return IgcCli.OK;
    }

    static List<Row> rows(KernelChain chain, int resolution) {
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

    private String table(ChainDocument doc, List<Row> rows, long params, long macs) {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(doc.name().isEmpty() ? file.toString() : doc.name()).append(", input ")
                .append(resolution).append('x').append(resolution).append('\n');
        s.append(Conventions.textBlock());
        TextTable t = new TextTable("step", "kernel", ">in", ">out", ">groups", ">K", "output", ">params", ">MACs", ">FLOPs");
        for (Row r : rows) {
            GroupConv k = r.kernel();
            t.row(r.step(), k.kernelSize() + "x" + k.kernelSize() + (k.stride() > 1 ? "/" + k.stride() : ""), k.inChannels(),
                    k.outChannels(), k.groups(), k.groupSize(), k.outChannels() + "x" + r.outSide() + "x" + r.outSide(),
                    TextTable.grouped(r.params()), TextTable.grouped(r.macs()), TextTable.grouped(2 * r.macs()));
        }
        t.row("total", "", "", "", "", "", "", TextTable.grouped(params), TextTable.grouped(macs), TextTable.grouped(2 * macs));
        s.append(t.render());
        return s.toString();
    }

    private ObjectNode json(ChainDocument doc, List<Row> rows, long params, long macs) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("file", file.toString());
        root.put("name", doc.name());
        root.put("resolution", resolution);
        root.set("conventions", Conventions.json());
        ArrayNode layers = root.putArray("kernels");
        for (Row r : rows) {
            ObjectNode n = layers.addObject();
            n.put("step", r.step());
            n.put("kernelSize", r.kernel().kernelSize());
            n.put("stride", r.kernel().stride());
            n.put("inChannels", r.kernel().inChannels());
            n.put("outChannels", r.kernel().outChannels());
            n.put("groups", r.kernel().groups());
            n.put("groupSize", r.kernel().groupSize());
            n.put("outputSide", r.outSide());
            n.put("params", r.params());
            n.put("macs", r.macs());
            n.put("flops", 2 * r.macs());
        }
        ObjectNode total = root.putObject("total");
        total.put("params", params);
        total.put("macs", macs);
        total.put("flops", 2 * macs);
        return root;
    }

    private static String csv(List<Row> rows) {
        List<List<?>> lines = new ArrayList<>();
        for (Row r : rows) {
            GroupConv k = r.kernel();
            lines.add(List.of(r.step(), k.kernelSize(), k.stride(), k.inChannels(), k.outChannels(), k.groups(), k.groupSize(),
                    r.outSide(), r.params(), r.macs(), 2 * r.macs()));
        }
        return Csv.of(List.of("step", "kernel_size", "stride", "in_channels", "out_channels", "groups", "group_size",
                "output_side", "params", "macs", "flops"), lines);
    }
}
