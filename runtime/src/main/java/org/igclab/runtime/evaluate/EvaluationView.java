package org.igclab.runtime.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.igclab.analyzer.network.ParamCount;
import org.igclab.analyzer.report.NetworkCostView;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.engine.LatencyStats;
import org.igclab.runtime.engine.ParameterCheck;
import org.igclab.runtime.engine.StructureCheck;

/** An evaluation report as text or JSON. */
public final class EvaluationView {

    /** A p90/p10 ratio above which timings are reported as unsteady. */
    static final double SPREAD = 2.0;

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
            s.append(String.format("latency (inference mode, no gradients; median of %d passes after %d warm-up; %s):%n",
                    settings.runs(), settings.warmup(), r.engine()));
            TextTable t = new TextTable("execution", ">batch", ">median ms", ">p10 ms", ">p90 ms", ">images/s", ">runs");
            for (LatencyStats l : r.latency()) {
                t.row(l.execution(), l.batch(), ms(l.medianMs()), ms(l.p10Ms()), ms(l.p90Ms()),
                        Double.isNaN(l.imagesPerSecond()) ? "-" : String.format("%.1f", l.imagesPerSecond()), l.runs());
            }
            s.append(t.render());
            r.latency().stream().filter(l -> l.runs() > 1 && l.p90Ms() > SPREAD * l.p10Ms()).findFirst().ifPresent(l -> s.append(String.format(
                    "note: the timings vary widely (p90 is %.1f times p10 at batch %d): the machine may be busy; compare designs timed "
                    + "together, and try --threads 1%n", l.p90Ms() / l.p10Ms(), l.batch())));
        }
        s.append("machine: ").append(r.machine()).append('\n');
        return s.toString();
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.2f", v);
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
        ArrayNode latency = n.putArray("latency");
        for (LatencyStats l : r.latency()) {
            latency.add(JsonFields.MAPPER.valueToTree(l));
        }
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
