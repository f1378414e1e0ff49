package org.igclab.runtime.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.plan.CandidateResult;
import org.igclab.runtime.plan.PlanOutcome;
import org.igclab.runtime.plan.RunChoice;

/** Execution plans as text (each run's strategy and its alternatives' times) or JSON. */
public final class PlanView {

    private PlanView() {
    }

    /**
     * One paragraph per plan: whether it computes what the design computes, then a table of its runs; under
     * {@code auto} each candidate's median, the chosen one marked.
     */
    public static String text(List<PlanOutcome> plans) {
        StringBuilder s = new StringBuilder();
        for (PlanOutcome p : plans) {
            s.append(String.format("plan %s, batch %d, %s: %s against the design%s%n", p.execution().label(), p.batch(), p.layout().label(),
                    p.agreement().describe(),
                    p.latency().isPresent() ? "" : "; not timed"));
            p.versus().ifPresent(v -> s.append(v.describe()).append('\n'));
            p.layouts().ifPresent(l -> s.append(l.describe()).append('\n'));
            if (p.runs().isEmpty()) {
                continue;
            }
            List<Strategy> timed = p.runs().stream().flatMap(r -> r.candidates().stream()).map(CandidateResult::strategy).distinct().sorted().toList();
            List<String> headers = new ArrayList<>(List.of("block", "run at", ">runs", "executed"));
            timed.forEach(t -> headers.add(">" + t.label() + " ms"));
            headers.add("steps");
            TextTable t = new TextTable(headers.toArray(String[]::new));
            for (RunChoice r : p.runs()) {
                List<Object> cells = new ArrayList<>(List.of(r.block().isEmpty() ? "-" : r.block(), r.path(), r.repeats(), r.chosen().label()));
                timed.forEach(strategy -> cells.add(candidateCell(r, strategy)));
                cells.add(r.steps());
                t.row(cells.toArray());
            }
            s.append(t.render());
        }
        if (plans.stream().anyMatch(p -> p.runs().stream().anyMatch(r -> !r.candidates().isEmpty()))) {
            s.append("runs: the network's runs of linear operations computing the same on the same input, timed once; "
                    + "ms: a candidate's median for one run at the plan's batch size, * the one chosen, '=' a candidate that is another's "
                    + "execution, 'differs' one that failed the check (never timed); candidates within each other's 95% intervals are "
                    + "decided by the strategy predicted fastest for the whole network\n");
        }
        return s.toString();
    }

    private static String candidateCell(RunChoice r, Strategy strategy) {
        Optional<CandidateResult> c = r.candidates().stream().filter(x -> x.strategy() == strategy).findFirst();
        if (c.isEmpty()) {
            return "=";
        }
        if (!c.get().agreement().agrees()) {
            return "differs";
        }
        double ms = c.get().medianMs();
        // the candidate executed: the chosen strategy may execute as an earlier one (shown there, '=' under its own name)
        return (Double.isFinite(ms) ? String.format("%.2f", ms) : "-") + (c.get().steps().equals(r.steps()) ? "*" : "");
    }

    public static ArrayNode json(List<PlanOutcome> plans) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        for (PlanOutcome p : plans) {
            ObjectNode o = a.addObject().put("execution", p.execution().label()).put("layout", p.layout().label())
                    .put("batch", p.batch());
            agreement(o.putObject("agreement"), p);
            p.latency().ifPresent(l -> o.put("medianMs", l.medianMs()));
            p.versus().ifPresent(v -> {
                ObjectNode n = o.putObject("versus").put("uniform", v.uniform().label()).put("uniformKept", v.uniformKept());
                putMs(n, "perRunMs", v.perRunMs());
                putMs(n, "uniformMs", v.uniformMs());
            });
            p.layouts().ifPresent(l -> {
                ObjectNode n = o.putObject("layouts").put("kept", l.kept().label());
                putMs(n, "nchwMs", l.nchwMs());
                putMs(n, "channelsLastMs", l.channelsLastMs());
            });
            ArrayNode runs = o.putArray("runs");
            for (RunChoice r : p.runs()) {
                ObjectNode run = runs.addObject().put("block", r.block()).put("path", r.path()).put("repeats", r.repeats())
                        .put("executed", r.chosen().label()).put("steps", r.steps());
                ArrayNode candidates = run.putArray("candidates");
                for (CandidateResult c : r.candidates()) {
                    ObjectNode cn = candidates.addObject().put("strategy", c.strategy().label()).put("steps", c.steps())
                            .put("agrees", c.agreement().agrees()).put("relativeDifference", c.agreement().relative());
                    c.latency().ifPresent(l -> cn.set("latency", LatencyView.json(l)));
                }
            }
        }
        return a;
    }

    /** A whole network's median; null where a plan did not agree, so was not timed. */
    private static void putMs(ObjectNode o, String field, double ms) {
        o.set(field, Double.isFinite(ms) ? o.numberNode(ms) : o.nullNode());
    }

    private static void agreement(ObjectNode o, PlanOutcome p) {
        o.put("agrees", p.agreement().agrees()).put("relativeDifference", p.agreement().relative())
                .put("maxDifference", p.agreement().maxDifference()).put("scale", p.agreement().scale())
                .put("tolerance", org.igclab.runtime.plan.Agreement.TOLERANCE);
    }
}
