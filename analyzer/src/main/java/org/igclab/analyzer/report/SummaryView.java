package org.igclab.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.network.cost.NetworkSummary;
import org.igclab.analyzer.network.cost.TrainingMemory;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;

/** {@code igc summary}: a {@link NetworkSummary} as a torchinfo-style table, JSON or CSV. */
public final class SummaryView {
    public static final String MEMORY = "memory: float32 values; forward = every operation's output for the batch (kept for the "
            + "backward pass), backward = their gradients at the same size (torchinfo's convention, an upper bound); inference "
            + "= parameters + buffers + the largest input + output of one operation (a lower bound); framework workspaces come on top";
    public static final String BUFFERS = "buffers: BatchNorm running mean and variance (2 * C float32) and its batch counter (one int64); "
            + "not parameters";

    private static final List<String> CSV_HEADER = List.of("level", "path", "name", "type", "in_channels", "in_height", "in_width",
            "out_channels", "out_height", "out_width", "kernel", "stride", "groups", "params", "params_share", "weights", "bias",
            "bn_affine", "macs", "macs_share");

    private SummaryView() {
    }

    public static String text(NetworkSummary s) {
        NetworkCost cost = s.cost();
        StringBuilder out = new StringBuilder();
        TensorShape input = cost.network().spec().input();
        out.append("# ").append(cost.network().spec().name().isEmpty() ? "network" : cost.network().spec().name()).append(", input ")
                .append(input).append(", depth ").append(s.depth()).append('\n');
        out.append(NetworkCostView.conventionsText()).append("# ").append(BUFFERS).append('\n');
        TextTable t = new TextTable("layer", "type", ">input", ">output", ">kernel", ">stride", ">groups", ">params", ">%", ">MACs", ">%");
        for (NetworkSummary.Row r : s.rows()) {
            t.row("  ".repeat(r.level() - 1) + r.name(), r.type(), r.in(), r.out(), r.kernel().map(k -> k + "x" + k).orElse(""),
                    text(r.stride()), text(r.groups()), TextTable.grouped(r.params().total()), percent(r.params().total(), cost.params().total()),
                    TextTable.grouped(r.macs()), percent(r.macs(), cost.macs()));
        }
        t.row("total", "", input, cost.network().output(), "", "", "", TextTable.grouped(cost.params().total()), percent(1, 1),
                TextTable.grouped(cost.macs()), percent(1, 1));
        out.append(t.render());
        out.append(String.format("parameters: %s trainable (weights %s, bias %s, BN affine %s), 0 non-trainable%n",
                TextTable.grouped(s.trainable()), TextTable.grouped(cost.params().weights()), TextTable.grouped(cost.params().bias()),
                TextTable.grouped(cost.params().bnAffine())));
        out.append(String.format("buffers: %s running statistics and %s batch counters in %s BatchNorm layers%n",
                TextTable.grouped(s.bufferValues()), TextTable.grouped(s.batchNorms()), TextTable.grouped(s.batchNorms())));
        out.append(String.format("MACs: %s (%.3f G); FLOPs = 2 * MACs = %s%n", TextTable.grouped(cost.macs()), cost.macs() / 1e9,
                TextTable.grouped(cost.flops())));
        TrainingMemory m = s.memory();
        out.append(String.format("memory for a batch of %d (float32), training with the %s optimizer:%n", s.batch(), s.optimizer().label()));
        TextTable mem = new TextTable("part", ">MiB");
        mem.row("input", mib(m.input()));
        mem.row("forward activations", mib(m.forward()));
        mem.row("backward activation gradients", mib(m.backward()));
        mem.row("weights", mib(m.weights()));
        mem.row("weight gradients", mib(m.gradients()));
        mem.row("optimizer state (" + s.optimizer().statesPerParameter() + " per parameter)", mib(m.optimizerState()));
        mem.row("buffers", mib(m.buffers()));
        mem.row("training total", mib(m.trainingTotal()));
        mem.row("inference, at least", mib(m.inferencePeak()));
        out.append(mem.render());
        out.append("# ").append(MEMORY).append('\n');
        return out.toString();
    }

    public static ObjectNode json(NetworkSummary s) {
        NetworkCost cost = s.cost();
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", "igc-summary/1");
        root.put("name", cost.network().spec().name());
        root.set("input", shape(cost.network().spec().input()));
        root.set("output", shape(cost.network().output()));
        root.put("depth", s.depth());
        ObjectNode conventions = NetworkCostView.conventionsJson();
        conventions.put("buffers", BUFFERS);
        conventions.put("summaryMemory", MEMORY);
        root.set("conventions", conventions);
        ArrayNode rows = root.putArray("layers");
        for (NetworkSummary.Row r : s.rows()) {
            ObjectNode n = rows.addObject().put("level", r.level()).put("path", r.path()).put("name", r.name()).put("type", r.type());
            n.set("input", shape(r.in()));
            n.set("output", shape(r.out()));
            r.kernel().ifPresent(k -> n.put("kernel", k));
            r.stride().ifPresent(k -> n.put("stride", k));
            r.groups().ifPresent(k -> n.put("groups", k));
            n.put("params", r.params().total()).put("weights", r.params().weights()).put("bias", r.params().bias())
                    .put("bnAffine", r.params().bnAffine()).put("macs", r.macs());
        }
        root.putObject("totals").put("params", cost.params().total()).put("trainable", s.trainable()).put("nonTrainable", 0)
                .put("weights", cost.params().weights()).put("bias", cost.params().bias()).put("bnAffine", cost.params().bnAffine())
                .put("bufferValues", s.bufferValues()).put("batchCounters", s.batchNorms()).put("macs", cost.macs()).put("flops", cost.flops());
        TrainingMemory m = s.memory();
        root.putObject("memoryBytes").put("batch", s.batch()).put("optimizer", s.optimizer().label()).put("input", m.input())
                .put("forward", m.forward()).put("backward", m.backward()).put("weights", m.weights()).put("gradients", m.gradients())
                .put("optimizerState", m.optimizerState()).put("buffers", m.buffers()).put("trainingTotal", m.trainingTotal())
                .put("inferenceAtLeast", m.inferencePeak());
        return root;
    }

    /** One row a layer, shapes in columns of their own, numbers as numbers (empty where a layer has no kernel). */
    public static String csv(NetworkSummary s) {
        NetworkCost cost = s.cost();
        List<List<Object>> rows = new ArrayList<>();
        for (NetworkSummary.Row r : s.rows()) {
            rows.add(List.of(r.level(), r.path(), r.name(), r.type(), r.in().channels(), r.in().height(), r.in().width(), r.out().channels(),
                    r.out().height(), r.out().width(), text(r.kernel()), text(r.stride()), text(r.groups()), r.params().total(),
                    share(r.params().total(), cost.params().total()), r.params().weights(), r.params().bias(), r.params().bnAffine(), r.macs(),
                    share(r.macs(), cost.macs())));
        }
        return Csv.of(CSV_HEADER, rows);
    }

    private static ObjectNode shape(TensorShape s) {
        return JsonFields.MAPPER.createObjectNode().put("channels", s.channels()).put("height", s.height()).put("width", s.width());
    }

    private static String text(Optional<Integer> value) {
        return value.map(String::valueOf).orElse("");
    }

    private static String percent(long part, long whole) {
        return String.format("%.1f%%", 100 * share(part, whole));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static String mib(long bytes) {
        return String.format("%,.2f", bytes / (1024.0 * 1024.0));
    }
}
