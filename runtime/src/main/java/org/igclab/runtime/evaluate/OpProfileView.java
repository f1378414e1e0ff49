package org.igclab.runtime.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.igclab.analyzer.latency.LatencyModel;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.text.Csv;
import org.igclab.analyzer.text.TextTable;
import org.igclab.runtime.engine.OpProfile;

/**
 * An operation-by-operation profile beside the latency model's prices: each operation's measured time inside the
 * network's pass and its prediction, then the same summed by the model's classes (kind, grouping, kernel and stride),
 * so that what the model misprices shows where it is.
 */
public final class OpProfileView {

    private OpProfileView() {
    }

    /**
     * One operation.
     *
     * @param path        its path in the network
     * @param op          what it is ({@code conv 1x1 G=8})
     * @param output      its output shape
     * @param opClass     the latency model's class of it
     * @param measuredMs  its median time inside the pass
     * @param predictedMs the model's price, NaN without a calibration
     */
    public record Row(String path, String op, String output, String opClass, double measuredMs, double predictedMs) {
    }

    /**
     * A class's operations summed.
     *
     * @param opClass     the class
     * @param count       operations in it
     * @param measuredMs  their measured times summed
     * @param predictedMs their prices summed, NaN without a calibration
     */
    public record ClassRow(String opClass, int count, double measuredMs, double predictedMs) {
    }

    /** The profile's operations with the prediction's price of each (matched by path), when there is a prediction. */
    public static List<Row> rows(OpProfile.Result profile, Optional<LatencyPrediction> prediction) {
        Map<String, LatencyPrediction.Row> priced = new HashMap<>();
        prediction.ifPresent(p -> p.rows().forEach(r -> priced.put(r.path(), r)));
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < profile.ops().size(); k++) {
            Layer.OpLayer l = profile.ops().get(k);
            Primitive p = Primitive.of(l.op(), l.in());
            LatencyPrediction.Row r = priced.get(l.path());
            rows.add(new Row(l.path(), CostModel.describe(l.op()), l.out().toString(), LatencyModel.classOf(p), profile.opMs()[k],
                    r == null ? Double.NaN : r.estimate().ms()));
        }
        return rows;
    }

    /**
     * The prediction's price of what the profile does not time one by one (the joins of branches: a residual's add, a
     * concatenation), NaN without a prediction.
     */
    public static double joinsMs(OpProfile.Result profile, Optional<LatencyPrediction> prediction) {
        java.util.Set<String> timed = new java.util.HashSet<>();
        profile.ops().forEach(o -> timed.add(o.path()));
        return prediction.map(p -> p.rows().stream().filter(r -> !timed.contains(r.path())).mapToDouble(r -> r.estimate().ms()).sum())
                .orElse(Double.NaN);
    }

    /** The rows summed by class, the class taking the most time first. */
    public static List<ClassRow> byClass(List<Row> rows) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Row r : rows) {
            double[] s = sums.computeIfAbsent(r.opClass(), c -> new double[3]);
            s[0]++;
            s[1] += r.measuredMs();
            s[2] += r.predictedMs();
        }
        return sums.entrySet().stream().map(e -> new ClassRow(e.getKey(), (int) e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted((a, b) -> Double.compare(b.measuredMs(), a.measuredMs())).toList();
    }

    /**
     * The table, then the rest of the pass and the sums by class.
     *
     * @param header    lines printed first, each after {@code # }
     * @param joinsMs   the prediction's joins of branches (priced, not timed one by one), NaN without a prediction
     * @param summaryOnly only the sums by class
     */
    public static String text(List<String> header, OpProfile.Result profile, List<Row> rows, double joinsMs, boolean summaryOnly) {
        StringBuilder s = new StringBuilder();
        header.forEach(h -> s.append("# ").append(h).append('\n'));
        double total = profile.pass().medianMs();
        double opsMs = rows.stream().mapToDouble(Row::measuredMs).sum();
        double predictedMs = rows.stream().mapToDouble(Row::predictedMs).sum();
        if (!summaryOnly) {
            TextTable t = new TextTable("layer", "op", ">output", ">measured ms", ">share", ">predicted ms", ">predicted/measured");
            rows.forEach(r -> t.row(r.path(), r.op(), r.output(), ms(r.measuredMs()), percent(r.measuredMs() / total), ms(r.predictedMs()),
                    ratio(r.predictedMs() / r.measuredMs())));
            t.row("operations summed", "", "", ms(opsMs), percent(opsMs / total), ms(predictedMs), ratio(predictedMs / opsMs));
            t.row("joins and the rest of the pass", "", "", ms(profile.restMs()), percent(profile.restMs() / total), ms(joinsMs), "");
            t.row("pass", "", "", ms(total), "100.0%", "", "");
            s.append(t.render());
        }
        TextTable c = new TextTable("class", ">operations", ">measured ms", ">share", ">predicted ms", ">predicted/measured");
        byClass(rows).forEach(r -> c.row(r.opClass(), r.count(), ms(r.measuredMs()), percent(r.measuredMs() / total), ms(r.predictedMs()),
                ratio(r.predictedMs() / r.measuredMs())));
        s.append(summaryOnly ? "" : "\n").append("by class of the latency model:\n").append(c.render());
        return s.toString();
    }

    public static String csv(List<Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        rows.forEach(r -> out.add(List.of(r.path(), r.op(), r.output(), r.opClass(), r.measuredMs(), Double.isNaN(r.predictedMs()) ? "" : r.predictedMs())));
        return Csv.of(List.of("layer", "op", "output", "class", "measured_ms", "predicted_ms"), out);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "-";
    }
}
