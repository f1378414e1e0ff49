package org.igclab.analyzer.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.igclab.analyzer.sweep.Assignment;
import org.igclab.analyzer.sweep.DesignGrid;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.analyzer.text.FlatCsv;
import org.igclab.analyzer.text.TextTable;

/** A sweep's designs with their figures, verdicts and Pareto marks, as a text table, CSV or JSON. */
public final class SweepView {
    public static final String FORMAT = "igc-sweep/1";

    /**
     * What to show.
     *
     * @param file       the space file, as the user named it
     * @param objectives the Pareto objectives (empty: no front)
     * @param front      the rows (by position) on the front
     * @param all        also the designs rejected by the constraints and the invalid ones, with their reasons
     * @param frontOnly  only the front
     */
    public record Options(String file, List<Objective> objectives, BitSet front, boolean all, boolean frontOnly) {
    }

    private SweepView() {
    }

    private static List<Integer> shown(Sweep sweep, Options o) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < sweep.rows().size(); i++) {
            SweepRow r = sweep.rows().get(i);
            if (o.frontOnly() ? o.front().get(i) : o.all() || r.status() == SweepRow.Status.PASS) {
                rows.add(i);
            }
        }
        return rows;
    }

    private static String reason(Sweep sweep, SweepRow r) {
        return r.status() == SweepRow.Status.INVALID ? r.reason() : sweep.space().constraints().reason(r.figures()).orElse("");
    }

    /** One line: how many designs, how many pass, are rejected, are invalid. */
    public static String counts(Sweep sweep) {
        return String.format("%,d designs: %,d pass the constraints, %,d rejected by them, %,d invalid", sweep.rows().size(),
                sweep.count(SweepRow.Status.PASS), sweep.count(SweepRow.Status.REJECTED), sweep.count(SweepRow.Status.INVALID));
    }

    private static String objectives(Options o) {
        return o.objectives().stream().map(Objective::toString).collect(Collectors.joining(", "));
    }

    public static String text(Sweep sweep, Options o) {
        StringBuilder s = new StringBuilder();
        String name = sweep.space().name().isEmpty() ? "space" : sweep.space().name();
        s.append("# ").append(name).append(" (").append(o.file()).append("): ").append(counts(sweep)).append('\n');
        s.append("# constraints: ").append(sweep.space().constraints().describe()).append('\n');
        if (!o.objectives().isEmpty()) {
            s.append(String.format("# Pareto front over %s (minimized unless :max): %,d designs%s%n", objectives(o), o.front().cardinality(),
                    o.frontOnly() ? ", shown alone" : ", marked in the pareto column"));
        }
        s.append(measuredNote(sweep, o));
        s.append(NetworkCostView.conventionsText());
        s.append("# complementary: the worst verdict over the blocks that are kernel chains; imbalance: the largest max/min of S_l*K_l\n");
        TextTable t = new TextTable(headers(sweep, o, true).toArray(String[]::new));
        boolean predicted = predicted(sweep);
        for (int i : shown(sweep, o)) {
            t.row(cells(sweep, o, i, true, predicted).toArray());
        }
        s.append(t.render());
        return s.toString();
    }

    /** One row a design; a variable whose values are objects (a block) is flattened into a column per field. */
    public static String csv(Sweep sweep, Options o) {
        DesignGrid grid = sweep.space().grid();
        int variables = grid.names().size();
        List<String> headers = headers(sweep, o, false);
        List<FlatCsv.Row> rows = new ArrayList<>();
        boolean predicted = predicted(sweep);
        for (int i : shown(sweep, o)) {
            List<Object> cells = cells(sweep, o, i, false, predicted);
            rows.add(new FlatCsv.Row(cells.subList(0, 1), DesignCells.flatVariables(grid, grid.names(),
                    sweep.space().values(sweep.rows().get(i).design())), cells.subList(1 + variables, cells.size())));
        }
        return FlatCsv.of(headers.subList(0, 1), grid.names(), headers.subList(1 + variables, headers.size()), rows);
    }

    /** The columns of the text table ({@code text}) or of the CSV. */
    private static List<String> headers(Sweep sweep, Options o, boolean text) {
        List<String> headers = new ArrayList<>(List.of(text ? ">design" : "design"));
        headers.addAll(sweep.space().grid().names());
        boolean predicted = predicted(sweep);
        headers.addAll(text ? DesignCells.textHeaders(predicted) : DesignCells.csvHeaders(predicted));
        if (sweep.measured()) {
            for (int b : latencyBatches(sweep)) {
                headers.addAll(text ? List.of(">b" + b + " ms") : List.of("latency_b" + b + "_ms", "latency_b" + b + "_noisy"));
            }
            headers.add(text ? ">accuracy" : "accuracy");
        }
        if (!o.objectives().isEmpty()) {
            headers.add("pareto");
        }
        if (o.all()) {
            headers.add("status");
            headers.add("reason");
        }
        return headers;
    }

    private static List<Object> cells(Sweep sweep, Options o, int i, boolean text, boolean predicted) {
        SweepRow r = sweep.rows().get(i);
        DesignGrid grid = sweep.space().grid();
        List<Object> cells = new ArrayList<>();
        cells.add(r.design());
        cells.addAll(DesignCells.variables(grid, grid.names(), sweep.space().values(r.design())));
        cells.addAll(text ? DesignCells.textFigures(r.figures(), predicted) : DesignCells.csvFigures(r.figures(), predicted));
        if (sweep.measured()) {
            cells.addAll(measuredCells(r.measured(), latencyBatches(sweep), text));
        }
        if (!o.objectives().isEmpty()) {
            cells.add(text ? (o.front().get(i) ? "yes" : "") : o.front().get(i));
        }
        if (o.all()) {
            cells.add(r.status().label());
            cells.add(reason(sweep, r));
        }
        return cells;
    }

    private static boolean predicted(Sweep sweep) {
        return DesignCells.predicted(sweep.rows().stream().map(SweepRow::figures));
    }

    /** The batch sizes any design's latency was measured at, in order. */
    private static SortedSet<Integer> latencyBatches(Sweep sweep) {
        SortedSet<Integer> batches = new TreeSet<>();
        sweep.rows().stream().filter(r -> r.measured() != null).forEach(r -> r.measured().latency().forEach(l -> batches.add(l.batch())));
        return batches;
    }

    /** Latency per batch (text: {@code 12.34}, or {@code 12.34 noisy}; CSV: the median and a noisy flag), then accuracy. */
    private static List<Object> measuredCells(Measurement m, SortedSet<Integer> batches, boolean text) {
        List<Object> cells = new ArrayList<>();
        for (int b : batches) {
            Optional<Measurement.Latency> l = m == null ? Optional.empty() : m.latency(b);
            if (text) {
                cells.add(l.map(x -> String.format("%.2f", x.medianMs()) + (x.noisy() ? " noisy" : "")).orElse("-"));
            } else {
                cells.add(l.<Object>map(Measurement.Latency::medianMs).orElse(""));
                cells.add(l.<Object>map(Measurement.Latency::noisy).orElse(""));
            }
        }
        Double accuracy = m == null ? null : m.accuracy();
        cells.add(text ? (accuracy == null ? "-" : String.format("%.2f%%", 100 * accuracy)) : blank(accuracy));
        return cells;
    }

    /** Lines saying which measurements are noisy and which designs the front leaves out; empty when none. */
    private static String measuredNote(Sweep sweep, Options o) {
        StringBuilder s = new StringBuilder();
        long noisy = sweep.rows().stream().filter(r -> r.measured() != null && r.measured().noisy()).count();
        if (noisy > 0) {
            s.append(String.format("# noisy: the latency of %,d designs was measured under interference (another process competed for "
                    + "the processor); it is shown marked noisy and never ranked; run the sweep again on a quieter machine to re-measure "
                    + "them%n", noisy));
        }
        int unranked = Objective.unranked(sweep, o.objectives()).cardinality();
        if (unranked > 0) {
            s.append(String.format("# %,d passing designs are left out of the Pareto front: a measured objective is noisy or missing for "
                    + "them%n", unranked));
        }
        return s.toString();
    }

    private static Object blank(Double v) {
        return v == null ? "" : v;
    }

    /** Streams the JSON so that a sweep of many designs needs no tree of them in memory. */
    public static String json(Sweep sweep, Options o) {
        DesignGrid grid = sweep.space().grid();
        return DesignCells.json(g -> {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("space", sweep.space().name());
            g.writeStringField("file", o.file());
            g.writeFieldName("conventions");
            g.writeTree(NetworkCostView.conventionsJson());
            g.writeFieldName("constraints");
            g.writeTree(sweep.space().constraints().toJson());
            g.writeArrayFieldStart("objectives");
            for (Objective obj : o.objectives()) {
                g.writeString(obj.toString());
            }
            g.writeEndArray();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("designs", sweep.rows().size());
            for (SweepRow.Status st : SweepRow.Status.values()) {
                g.writeNumberField(st.label(), sweep.count(st));
            }
            if (!o.objectives().isEmpty()) {
                g.writeNumberField("front", o.front().cardinality());
                g.writeNumberField("unranked", Objective.unranked(sweep, o.objectives()).cardinality());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("designs");
            for (int i : shown(sweep, o)) {
                SweepRow r = sweep.rows().get(i);
                Assignment values = sweep.space().values(r.design());
                g.writeStartObject();
                g.writeNumberField("design", r.design());
                DesignCells.jsonVariables(g, grid, grid.names(), values);
                g.writeStringField("status", r.status().label());
                if (r.figures() != null) {
                    DesignCells.jsonFigures(g, r.figures());
                }
                if (r.measured() != null) {
                    g.writeObjectFieldStart("measured");
                    g.writeObjectFieldStart("latency");
                    for (Measurement.Latency l : r.measured().latency()) {
                        g.writeObjectFieldStart("b" + l.batch());
                        g.writeNumberField("medianMs", l.medianMs());
                        writeNullable(g, "halfWidthMs", Double.isFinite(l.halfWidthMs()) ? l.halfWidthMs() : null);
                        g.writeBooleanField("noisy", l.noisy());
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                    writeNullable(g, "accuracy", r.measured().accuracy());
                    g.writeNumberField("run", r.measured().runId());
                    g.writeBooleanField("reused", r.measured().reused());
                    g.writeEndObject();
                }
                if (!o.objectives().isEmpty()) {
                    g.writeBooleanField("pareto", o.front().get(i));
                }
                if (r.status() != SweepRow.Status.PASS) {
                    g.writeStringField("reason", reason(sweep, r));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void writeNullable(com.fasterxml.jackson.core.JsonGenerator g, String field, Double v) throws java.io.IOException {
        if (v != null) {
            g.writeNumberField(field, v);
        }
    }
}
