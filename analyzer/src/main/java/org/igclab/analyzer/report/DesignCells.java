package org.igclab.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.text.FlatCsv;
import org.igclab.analyzer.sweep.Assignment;
import org.igclab.analyzer.sweep.DesignGrid;
import org.igclab.analyzer.sweep.Figures;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.ExactCounts;

/** The cells of a design's variables and figures, shared by the sweep and budget reports. */
final class DesignCells {
    /** The figures' CSV columns, in order. */
    static final List<String> FIGURE_COLUMNS = List.of("params", "macs", "activations", "peak_activation", "traffic",
            "complementary", "imbalance");

    private DesignCells() {
    }

    /** {@code strict}, {@code dense}, {@code neither}, or {@code -} without chain blocks. */
    static String verdict(Figures f) {
        return f.verdict() == null ? "-" : f.verdict().label();
    }

    /** The variables' values in the order of {@code names}, as people read them ({@link Assignment#readable}). */
    static List<String> variables(DesignGrid grid, List<String> names, Assignment values) {
        List<String> cells = new ArrayList<>(names.size());
        for (String name : names) {
            cells.add(Assignment.readable(values.node(grid.names().indexOf(name))));
        }
        return cells;
    }

    /**
     * Text-table cells: params, MACs, activations, complementary, imbalance, and with {@code predicted} the predicted
     * latency (blank for a design without figures).
     */
    static List<String> textFigures(Figures f, boolean predicted) {
        List<String> cells = new ArrayList<>(f == null ? List.of("", "", "", "", "") : List.of(TextTable.grouped(f.params()),
                TextTable.grouped(f.macs()), TextTable.grouped(f.activations()), verdict(f), TextTable.ratio(f.imbalance())));
        if (predicted) {
            cells.add(f == null || Double.isNaN(f.latencyPredMs()) ? "" : String.format("%.3f", f.latencyPredMs()));
        }
        return cells;
    }

    /** The text-table headers matching {@link #textFigures}. */
    static List<String> textHeaders(boolean predicted) {
        List<String> headers = new ArrayList<>(List.of(">params", ">MACs", ">activations", "complementary", ">imbalance"));
        if (predicted) {
            headers.add(">pred ms");
        }
        return headers;
    }

    /** The CSV columns: {@link #FIGURE_COLUMNS}, and {@code latency_pred_ms} with {@code predicted}. */
    static List<String> csvHeaders(boolean predicted) {
        List<String> headers = new ArrayList<>(FIGURE_COLUMNS);
        if (predicted) {
            headers.add("latency_pred_ms");
        }
        return headers;
    }

    /** CSV cells matching {@link #csvHeaders} (blank for a design without figures). */
    static List<Object> csvFigures(Figures f, boolean predicted) {
        List<Object> cells = new ArrayList<>(f == null ? List.of("", "", "", "", "", "", "") : List.of(f.params(), f.macs(), f.activations(),
                f.peakActivation(), f.traffic(), verdict(f), Double.isNaN(f.imbalance()) ? "" : f.imbalance()));
        if (predicted) {
            cells.add(f == null || Double.isNaN(f.latencyPredMs()) ? "" : f.latencyPredMs());
        }
        return cells;
    }

    /** Whether any of these figures has a predicted latency: the reports then show the column. */
    static boolean predicted(java.util.stream.Stream<Figures> figures) {
        return figures.anyMatch(f -> f != null && !Double.isNaN(f.latencyPredMs()));
    }

    /**
     * The variables as CSV cells without JSON in them: a value that is an object or a list becomes one column per leaf
     * ({@code block.type}, {@code block.K}, {@code block.groupSizes[1]}), numbers stay numbers.
     */
    static Map<String, Object> flatVariables(DesignGrid grid, List<String> names, Assignment values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names) {
            out.putAll(FlatCsv.flatten(name, values.node(grid.names().indexOf(name))));
        }
        return out;
    }

    /** Writes a JSON document. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    /** Streams a JSON document to text, so that reports of many designs need no tree of them in memory. */
    static String json(JsonBody body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonFields.MAPPER.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** The variables as one JSON object field {@code variables}. */
    static void jsonVariables(JsonGenerator g, DesignGrid grid, List<String> names, Assignment values) throws IOException {
        g.writeObjectFieldStart("variables");
        for (String name : names) {
            g.writeFieldName(name);
            g.writeTree(values.node(grid.names().indexOf(name)));
        }
        g.writeEndObject();
    }

    /** The figures as fields of the current JSON object. */
    static void jsonFigures(JsonGenerator g, Figures f) throws IOException {
        g.writeNumberField("params", f.params());
        g.writeNumberField("macs", f.macs());
        g.writeNumberField("flops", ExactCounts.multiply(2, f.macs()));
        g.writeNumberField("activations", f.activations());
        g.writeNumberField("peakActivation", f.peakActivation());
        g.writeNumberField("traffic", f.traffic());
        if (f.verdict() == null) {
            g.writeNullField("complementary");
            g.writeNullField("imbalance");
        } else {
            g.writeStringField("complementary", verdict(f));
            g.writeNumberField("imbalance", f.imbalance());
        }
        if (!Double.isNaN(f.latencyPredMs())) {
            g.writeNumberField("latencyPredMs", f.latencyPredMs());
        }
    }
}
