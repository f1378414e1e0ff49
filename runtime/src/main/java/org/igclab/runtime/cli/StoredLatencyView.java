package org.igclab.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.igclab.analyzer.cli.OutputFormat;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.evaluate.LatencyView;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.store.RunRecord;

/** Stored timings in {@code igc results}: per-batch columns of the runs' CSV, notes under the table, and {@code --latency}. */
final class StoredLatencyView {

    private StoredLatencyView() {
    }

    /** The batch sizes any of the runs timed, in order. */
    static List<Integer> batches(List<RunRecord> runs) {
        TreeSet<Integer> batches = new TreeSet<>();
        runs.forEach(r -> r.latency().forEach(l -> batches.add(l.batch())));
        return List.copyOf(batches);
    }

    static List<String> csvHeaders(List<Integer> batches) {
        List<String> headers = new ArrayList<>();
        for (int b : batches) {
            headers.addAll(List.of("latency_b" + b + "_ms", "latency_b" + b + "_half_width_ms", "latency_b" + b + "_noisy"));
        }
        return headers;
    }

    /** Median, half-width and noisy flag per batch; the flag is empty for a figure never checked for interference. */
    static List<Object> csvCells(RunRecord r, List<Integer> batches) {
        List<Object> cells = new ArrayList<>();
        for (int b : batches) {
            Optional<LatencyStats> l = r.latency(b);
            cells.add(l.map(LatencyStats::medianMs).filter(Double::isFinite).orElse(null));
            cells.add(l.map(LatencyStats::halfWidthMs).filter(Double::isFinite).orElse(null));
            cells.add(l.filter(x -> x.interference().verdict() != Interference.Verdict.UNCHECKED).map(LatencyStats::noisy).orElse(null));
        }
        return cells;
    }

    /** What the marks in the latency column mean, for the runs that have them. */
    static String notes(List<RunRecord> runs) {
        StringBuilder s = new StringBuilder();
        if (runs.stream().anyMatch(RunRecord::noisy)) {
            s.append("noisy: measured under interference (another process competed for the processor); kept, but never used in a Pareto "
                    + "front or an explorer chart; 'igc results --latency' shows the evidence\n");
        }
        if (runs.stream().anyMatch(r -> r.latency().stream().anyMatch(l -> l.interference().verdict() == Interference.Verdict.UNCHECKED))) {
            s.append("unchecked: measured before interference was checked (a store upgraded from schema 1); evaluate again to rank it\n");
        }
        return s.toString();
    }

    /** {@code --latency}: one row per timing. */
    static String rows(List<RunRecord> runs, OutputFormat.Format format) {
        List<String> lead = List.of("run", "design");
        switch (format) {
            case CSV -> {
                List<String> header = new ArrayList<>(lead);
                List<List<?>> rows = new ArrayList<>();
                for (RunRecord r : runs) {
                    for (LatencyStats l : r.latency()) {
                        ObjectNode n = LatencyView.json(l);
                        if (header.size() == lead.size()) {
                            n.fieldNames().forEachRemaining(header::add);
                        }
                        List<Object> row = new ArrayList<>(Arrays.asList(r.id(), DesignName.readable(r.designName())));
                        n.elements().forEachRemaining(v -> row.add(v.isNull() ? null : v.isNumber() ? v.numberValue() : v.asText()));
                        rows.add(row);
                    }
                }
                return Csv.of(header, rows);
            }
            case JSON -> {
                ArrayNode a = JsonFields.MAPPER.createArrayNode();
                for (RunRecord r : runs) {
                    for (LatencyStats l : r.latency()) {
                        ObjectNode n = a.addObject().put("run", r.id()).put("design", r.designName());
                        n.setAll(LatencyView.json(l));
                    }
                }
                return JsonFields.pretty(a);
            }
            default -> {
                List<String> headers = new ArrayList<>(List.of(">run", "design"));
                headers.addAll(LatencyView.HEADERS);
                headers.add("note");
                TextTable t = new TextTable(headers.toArray(String[]::new));
                for (RunRecord r : runs) {
                    for (LatencyStats l : r.latency()) {
                        List<Object> cells = new ArrayList<>(List.of(r.id(), DesignName.readable(r.designName())));
                        cells.addAll(LatencyView.cells(l));
                        cells.add(l.interference().reason());
                        t.row(cells.toArray());
                    }
                }
                return t.size() == 0 ? "no timings match\n" : t.render() + notes(runs);
            }
        }
    }
}
