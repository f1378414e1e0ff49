package org.igclab.analyzer.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.Estimate;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;

/** A network's predicted latency per operation and in total, saying which calibration it comes from (text, JSON, CSV). */
public final class LatencyPredictionView {
    public static final String METHOD = "predicted from a calibration (igc calibrate): a timed primitive is its median; any other a "
            + "regression over its class's timings; the network: the operations' sum through a fit over whole networks timed; "
            + "bound: MACs at the peak rate or bytes at the peak bandwidth, whichever is longer";

    private LatencyPredictionView() {
    }

    /** {@code from calibration 3 (...)}, and a warning line when it was made on another machine than {@code here}. */
    public static String source(Calibration c, Fingerprint here) {
        String s = "predicted from " + c.describe() + (c.networks().isEmpty()
                ? "\nit timed no whole networks: a network is predicted as its operations' sum (a new igc calibrate times them, for a network correction)"
                : "\na network is predicted from its operations' sum through a correction fitted on the " + c.networks().size()
                + " whole networks it timed");
        return c.fingerprint().equals(here) ? s
                : s + "\nWARNING: that calibration was made on another machine or engine (this one: " + here.describe()
                + "); run igc calibrate here for predictions of this machine";
    }

    public static String text(String name, LatencyPrediction p, Calibration c, Fingerprint here) {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(name.isEmpty() ? "network" : name).append(", batch ").append(c.batch()).append('\n');
        s.append("# ").append(source(c, here).replace("\n", "\n# ")).append('\n');
        s.append("# ").append(METHOD).append('\n');
        TextTable t = new TextTable("layer", "op", ">output", ">predicted ms", ">bound ms", "basis");
        for (LatencyPrediction.Row r : p.rows()) {
            t.row(r.path(), r.op(), r.primitive().out(), ms(r.estimate().ms()), ms(r.estimate().boundMs()), basis(r.estimate()));
        }
        if (p.correction().isPresent()) {
            t.row("sum of operations", "", "", ms(p.sum().ms()), ms(p.sum().boundMs()), "");
        }
        t.row("total", "", "", ms(p.total().ms()), ms(p.total().boundMs()), p.correction().isPresent() ? "network fit" : "sum");
        s.append(t.render());
        s.append(summary(p)).append('\n');
        return s.toString();
    }

    /**
     * {@code predicted 12.345 ms (operations summed: 10.456 ms; network correction: ...); roofline bound 1.234 ms (...); 40 of
     * 120 operations timed exactly}.
     */
    public static String summary(LatencyPrediction p) {
        long timed = p.rows().stream().filter(r -> r.estimate().basis() == Estimate.Basis.TIMED).count();
        long bound = p.rows().stream().filter(r -> r.estimate().basis() == Estimate.Basis.BOUND).count();
        return String.format("predicted %s ms (%s); roofline bound %s ms (the prediction runs at %.1f%% of the machine's peak); %d of %d "
                + "operations timed exactly in the calibration, the rest fitted%s", ms(p.total().ms()), howTotalled(p), ms(p.total().boundMs()),
                100 * p.total().efficiency(), timed, p.rows().size(), bound > 0 ? ", " + bound + " priced by the bound alone (a kind never timed)" : "");
    }

    /** How the total came from the operations: through the network correction, or their sum (a calibration without networks). */
    public static String howTotalled(LatencyPrediction p) {
        return p.correction().map(c -> "operations summed " + ms(p.sum().ms()) + " ms, network correction " + c.describe())
                .orElse("the operations' sum; the calibration timed no whole networks, so no network correction");
    }

    public static ObjectNode json(String name, LatencyPrediction p, Calibration c, Fingerprint here) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("name", name);
        o.put("batch", c.batch());
        ObjectNode cal = o.putObject("calibration");
        cal.put("id", c.id());
        cal.put("machine", c.fingerprint().describe());
        cal.put("sameMachine", c.fingerprint().equals(here));
        cal.put("grid", c.grid());
        cal.put("threads", c.threads());
        cal.put("createdAt", c.createdAt());
        cal.put("noisyPoints", c.noisyPoints());
        o.put("method", METHOD);
        o.put("predictedMs", p.total().ms());
        o.put("operationsSumMs", p.sum().ms());
        o.put("boundMs", p.total().boundMs());
        p.correction().ifPresent(fit -> {
            ObjectNode correction = o.putObject("networkCorrection").put("perSum", fit.perSum()).put("perOperationMs", fit.perOperation())
                    .put("constantMs", fit.constantMs()).put("networks", fit.networks());
            fit.outliers().forEach(correction.putArray("outliers")::add);
        });
        ArrayNode rows = o.putArray("layers");
        for (LatencyPrediction.Row r : p.rows()) {
            ObjectNode row = rows.addObject();
            row.put("path", r.path());
            row.put("op", r.op());
            row.put("output", r.primitive().out().toString());
            row.put("predictedMs", r.estimate().ms());
            row.put("boundMs", r.estimate().boundMs());
            row.put("basis", r.estimate().basis().name().toLowerCase(java.util.Locale.ROOT));
        }
        return o;
    }

    public static String csv(LatencyPrediction p) {
        List<List<Object>> rows = new ArrayList<>();
        for (LatencyPrediction.Row r : p.rows()) {
            rows.add(List.of(r.path(), r.op(), r.primitive().out().toString(), r.estimate().ms(), r.estimate().boundMs(),
                    r.estimate().basis().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (p.correction().isPresent()) {
            rows.add(List.of("sum of operations", "", "", p.sum().ms(), p.sum().boundMs(), ""));
        }
        rows.add(List.of("total", "", "", p.total().ms(), p.total().boundMs(), p.correction().isPresent() ? "network fit" : "sum"));
        return Csv.of(List.of("layer", "op", "output", "predicted_ms", "bound_ms", "basis"), rows);
    }

    private static String basis(Estimate e) {
        return switch (e.basis()) {
            case TIMED -> "timed";
            case FITTED -> "fit of " + e.points();
            case KIND -> "kind fit of " + e.points();
            case BOUND -> "bound only";
        };
    }

    static String ms(double v) {
        return String.format("%.3f", v);
    }
}
