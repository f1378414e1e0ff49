package org.igclab.runtime.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.igclab.analyzer.network.ParamCount;
import org.igclab.analyzer.report.NetworkCostView;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.engine.ParameterCheck;
import org.igclab.runtime.engine.StructureCheck;

/** An evaluation report as text or JSON. */
public final class EvaluationView {

    private EvaluationView() {
    }

    public static String text(EvaluationReport r, EvaluationSettings settings) {
        StringBuilder s = new StringBuilder();
        ParamCount p = r.params();
        s.append("# ").append(r.name().isEmpty() ? "design" : r.name()).append(", input ").append(r.input()).append('\n');
        s.append("# ").append(NetworkCostView.NETWORK_CONVENTIONS).append('\n');
        s.append(String.format("analyzer: %s parameters (weights %s, bias %s, BN affine %s), %s MACs%n", TextTable.grouped(p.total()),
                TextTable.grouped(p.weights()), TextTable.grouped(p.bias()), TextTable.grouped(p.bnAffine()), TextTable.grouped(r.macs())));
        s.append(r.parameters().describe()).append(r.parameters().agrees() ? ", operation by operation" : "").append('\n');
        if (r.structure().isEmpty() && r.skipped().isEmpty()) {
            s.append("structure: the design has no chain of structured sparse kernels to check\n");
        } else {
            long ok = r.structure().stream().filter(StructureCheck::matches).count();
            s.append(String.format("structure: %d of %d chains wired as the path-count matrix predicts%n", ok, r.structure().size()));
            r.structure().forEach(c -> s.append("  ").append(c.describe()).append('\n'));
            r.skipped().forEach(c -> s.append("  ").append(c).append(": too wide to check (more than ")
                    .append(TextTable.grouped(org.igclab.rules.condition.PathCountMatrix.MAX_ENTRIES)).append(" pairs)\n"));
        }
        if (!r.latency().isEmpty()) {
            s.append(LatencyView.text(r.latency(), settings, r.engine()));
        }
        s.append(PlanView.text(r.plans()));
        s.append("machine: ").append(r.machine()).append('\n');
        return s.toString();
    }

    public static ObjectNode json(EvaluationReport r, EvaluationSettings settings) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("name", r.name()).put("designHash", r.designHash()).put("input", r.input());
        n.set("settings", JsonFields.MAPPER.valueToTree(settings));
        ParamCount p = r.params();
        n.putObject("analyzer").put("params", p.total()).put("weights", p.weights()).put("bias", p.bias())
                .put("bnAffine", p.bnAffine()).put("macs", r.macs());
        ObjectNode params = n.putObject("parameterCheck");
        params.put("agrees", r.parameters().agrees()).put("analyzer", r.parameters().analyzer()).put("engine", r.parameters().engine());
        r.parameters().firstDifference().ifPresent(d -> params.putObject("firstDifference").put("path", d.path()).put("op", d.op())
                .put("analyzer", d.analyzer()).put("engine", d.engine()));
        ArrayNode structure = n.putArray("structure");
        for (StructureCheck c : r.structure()) {
            ObjectNode o = structure.addObject().put("label", c.label()).put("channels", c.channels()).put("matches", c.matches());
            c.mismatch().ifPresent(m -> o.put("mismatch", m));
        }
        ArrayNode skipped = n.putArray("structureSkipped");
        r.skipped().forEach(skipped::add);
        n.set("latency", LatencyView.json(r.latency()));
        n.set("plans", PlanView.json(r.plans()));
        n.put("noisy", r.noisy());
        n.put("consistent", r.consistent()).put("machine", r.machine()).put("engine", r.engine());
        return n;
    }

    /** Parameter-check rows as a table, for {@code --layers}. */
    public static String parameterRows(ParameterCheck check) {
        TextTable t = new TextTable("operation", "op", ">analyzer", ">engine", "");
        check.rows().forEach(row -> t.row(row.path(), row.op(), TextTable.grouped(row.analyzer()), TextTable.grouped(row.engine()),
                row.agrees() ? "" : "DIFFERS"));
        return t.render();
    }
}
