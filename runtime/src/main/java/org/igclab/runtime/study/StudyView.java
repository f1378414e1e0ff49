package org.igclab.runtime.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Pareto;
import org.igclab.analyzer.sweep.Assignment;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.text.FlatCsv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;

/**
 * A study's trials, best designs and Pareto front, as a table, CSV or JSON. The front and the best designs are
 * among the trials measured to the end ({@code done}) with every objective: a pruned training's accuracy is that of
 * an unfinished run, and a noisy latency is never ranked.
 */
public final class StudyView {
    public static final String FORMAT = "igc-study/1";
    /** The prefix of the CSV's variable columns, as the JSON of a sweep nests them. */
    private static final String VARIABLES = "variables.";

    /**
     * A study and what it tried.
     *
     * @param study  the study
     * @param trials its trials, in order
     * @param front  the trials (by position) on the Pareto front
     */
    public record Report(Study study, List<TrialRecord> trials, BitSet front) {
    }

    private StudyView() {
    }

    public static Report report(Study study, List<TrialRecord> trials) {
        List<Integer> ranked = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            double[] v = rankable(trials.get(i), study.objectives());
            if (v != null) {
                ranked.add(i);
                points.add(v);
            }
        }
        BitSet on = Pareto.front(points.toArray(double[][]::new));
        BitSet front = new BitSet();
        on.stream().forEach(k -> front.set(ranked.get(k)));
        return new Report(study, trials, front);
    }

    /** A trial's minimized objective values when it may be ranked (done, every value known), else null. */
    public static double[] rankable(TrialRecord t, List<Objective> objectives) {
        return t.status().equals(TrialRecord.DONE) ? Trials.minimized(t, objectives) : null;
    }

    /** Trials by status, in a fixed order: {@code done 12, pruned 3, infeasible 40}. */
    public static Map<String, Integer> counts(List<TrialRecord> trials) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String s : TrialRecord.STATUSES) {
            int n = (int) trials.stream().filter(t -> t.status().equals(s)).count();
            if (n > 0) {
                m.put(s, n);
            }
        }
        return m;
    }

    /** The counts as text, {@code done 12, pruned 3, infeasible 40} ({@code none} without trials). */
    public static String countsText(List<TrialRecord> trials) {
        return countsText(counts(trials));
    }

    /** Counts by status ({@link #counts}) as text. */
    public static String countsText(Map<String, Integer> m) {
        return m.isEmpty() ? "none" : String.join(", ", m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /** The trial with the best value of each objective, by objective name (none where no trial is ranked). */
    public static Map<String, TrialRecord> best(Report r) {
        Map<String, TrialRecord> best = new LinkedHashMap<>();
        List<Objective> objectives = r.study().objectives();
        for (int o = 0; o < objectives.size(); o++) {
            TrialRecord top = null;
            double value = Double.POSITIVE_INFINITY;
            for (TrialRecord t : r.trials()) {
                double[] v = rankable(t, objectives);
                if (v != null && v[o] < value) {
                    value = v[o];
                    top = t;
                }
            }
            if (top != null) {
                best.put(objectives.get(o).toString(), top);
            }
        }
        return best;
    }

    public static String text(Report r) {
        StudyRecord s = r.study().record();
        StringBuilder out = new StringBuilder();
        out.append("study ").append(s.name()).append(": ").append(s.spaceFile()).append(" (").append(String.format("%,d", r.study().space().size()))
                .append(" designs)\n");
        out.append("objectives: ").append(s.objectives()).append("; constraints: ").append(s.constraints().isEmpty() ? "none" : s.constraints())
                .append('\n');
        out.append("trials: ").append(r.trials().size()).append(" (").append(countsText(r.trials())).append("); sampler ")
                .append(sampler(s.samplerState())).append('\n');
        Map<String, TrialRecord> best = best(r);
        if (!best.isEmpty()) {
            out.append("best: ");
            List<String> parts = new ArrayList<>();
            best.forEach((o, t) -> parts.add(o + " trial " + t.number() + " (" + DesignName.variables(r.study().space(), t.design()) + ")"));
            out.append(String.join("; ", parts)).append('\n');
        }
        out.append(String.format("Pareto front: %d trial%s%n%n", r.front().cardinality(), r.front().cardinality() == 1 ? "" : "s"));
        List<String> headers = new ArrayList<>(List.of(">trial", ">design"));
        headers.addAll(r.study().space().grid().names());
        headers.addAll(List.of("sampler", "status"));
        r.study().objectives().forEach(o -> headers.add(">" + o));
        headers.addAll(List.of("pareto", "runs", "note"));
        TextTable t = new TextTable(headers.toArray(String[]::new));
        for (int i = 0; i < r.trials().size(); i++) {
            TrialRecord tr = r.trials().get(i);
            List<Object> cells = new ArrayList<>(List.of(tr.number(), tr.design()));
            cells.addAll(DesignName.values(r.study().space(), tr.design()));
            cells.addAll(List.of(tr.sampler(), tr.status()));
            JsonNode values = values(tr);
            for (Objective o : r.study().objectives()) {
                cells.add(cell(o, values.get(o.name())));
            }
            cells.add(r.front().get(i) ? "*" : "");
            cells.add(tr.runs().isEmpty() ? "-" : String.join(",", tr.runs().stream().map(String::valueOf).toList()));
            cells.add(tr.reason() == null ? "" : tr.reason());
            t.row(cells.toArray());
        }
        return out.append(r.trials().isEmpty() ? "no trials yet: igc study run " + s.name() + " --trials N\n" : t.render()).toString();
    }

    /** Where the sampler stands as people read it, {@code nsga2 seed=7 population=16 generation=2 told=20}; the JSON has it as stored. */
    static String sampler(String state) {
        JsonNode n = parse(state);
        if (!n.isObject()) {
            return state == null ? "not run yet" : state;
        }
        ObjectNode fields = n.deepCopy();
        JsonNode kind = fields.remove("sampler");
        String rest = Assignment.readable(fields);
        return kind == null ? rest : (kind.asText() + " " + rest).strip();
    }

    /**
     * One row a trial; the design's variables are flattened into a column per field ({@code variables.block.type},
     * {@code variables.width}), so that no cell holds JSON (the design's name, which quotes them, is in the JSON).
     */
    public static String csv(Report r) {
        List<String> after = new ArrayList<>(List.of("sampler", "status"));
        r.study().objectives().forEach(o -> after.add(o.name()));
        after.addAll(List.of("pareto", "violation", "runs", "reason"));
        Space space = r.study().space();
        List<String> names = space.grid().names();
        List<FlatCsv.Row> rows = new ArrayList<>();
        for (int i = 0; i < r.trials().size(); i++) {
            TrialRecord t = r.trials().get(i);
            Assignment a = space.values(t.design());
            Map<String, Object> variables = new LinkedHashMap<>();
            for (int v = 0; v < names.size(); v++) {
                variables.putAll(FlatCsv.flatten(VARIABLES + names.get(v), a.node(v)));
            }
            List<Object> cells = new ArrayList<>(List.of(t.sampler(), t.status()));
            JsonNode values = values(t);
            r.study().objectives().forEach(o -> cells.add(values.has(o.name()) ? values.get(o.name()).asDouble() : ""));
            cells.add(r.front().get(i));
            cells.add(t.violation());
            cells.add(String.join(" ", t.runs().stream().map(String::valueOf).toList()));
            cells.add(t.reason() == null ? "" : t.reason());
            rows.add(new FlatCsv.Row(List.of(t.number(), t.design()), variables, cells));
        }
        return FlatCsv.of(List.of("trial", "design"), names.stream().map(n -> VARIABLES + n).toList(), after, rows);
    }

    public static String json(Report r) {
        StudyRecord s = r.study().record();
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("format", FORMAT).put("name", s.name()).put("spaceFile", s.spaceFile()).put("designs", r.study().space().size())
                .put("objectives", s.objectives()).put("constraints", s.constraints()).put("createdAt", s.createdAt());
        n.set("settings", parse(s.settingsJson()));
        n.set("sampler", parse(s.samplerState()));
        n.set("counts", JsonFields.MAPPER.valueToTree(counts(r.trials())));
        ObjectNode best = n.putObject("best");
        best(r).forEach((o, t) -> best.put(o, t.number()));
        ArrayNode front = n.putArray("front");
        r.front().stream().forEach(i -> front.add(r.trials().get(i).number()));
        ArrayNode trials = n.putArray("trials");
        for (int i = 0; i < r.trials().size(); i++) {
            TrialRecord t = r.trials().get(i);
            ObjectNode o = trials.addObject();
            o.put("trial", t.number()).put("design", t.design()).put("designName", t.designName()).put("sampler", t.sampler())
                    .put("status", t.status()).put("pareto", r.front().get(i)).put("violation", t.violation());
            o.set("values", values(t));
            o.set("runs", JsonFields.MAPPER.valueToTree(t.runs()));
            o.put("reason", t.reason()).put("startedAt", t.startedAt()).put("finishedAt", t.finishedAt());
        }
        return JsonFields.pretty(n);
    }

    private static String cell(Objective o, JsonNode v) {
        if (v == null) {
            return "-";
        }
        double x = v.asDouble();
        if (o.name().equals("accuracy")) {
            return String.format("%.2f%%", 100 * x);
        }
        if (o.latencyBatch().isPresent()) {
            return String.format("%.3f ms", x);
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? TextTable.grouped((long) x) : String.format("%.4g", x);
    }

    static JsonNode values(TrialRecord t) {
        return parse(t.valuesJson()).isObject() ? parse(t.valuesJson()) : JsonFields.MAPPER.createObjectNode();
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return JsonFields.MAPPER.nullNode();
        }
        try {
            return JsonFields.MAPPER.readTree(json);
        } catch (IOException e) {
            return JsonFields.MAPPER.getNodeFactory().textNode(json);
        }
    }
}
