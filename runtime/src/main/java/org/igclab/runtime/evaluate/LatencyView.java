package org.igclab.runtime.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;

/** Timings as text (a table with the method, the spread, the interval and the interference verdict) or JSON. */
public final class LatencyView {

    private LatencyView() {
    }

    /** How the timings were taken, in one paragraph. */
    public static String method(TimingPolicy p, InterferenceRule rule) {
        return String.format("timing: warm-up until two successive windows of %d passes agree within %.0f%% (at most %d passes or %.0f s), "
                + "then timed passes until the median's %.0f%% confidence half-width (order-statistic interval) is within %.0f%% of the "
                + "median (at least %d, at most %d passes or %.0f s)%n"
                + "interference: a pass is disturbed when the timing thread was on a processor less than %.0f%% of its wall time; a timing "
                + "is noisy when more than %.0f%% of its passes were disturbed%s%s; a noisy timing is repeated, %d attempts in all%s%n",
                p.warmupWindow(), 100 * p.warmupTolerance(), p.maxWarmup(), p.maxWarmupSeconds(), 100 * p.confidence(), 100 * p.target(),
                p.minRuns(), p.maxRuns(), p.maxSeconds(), 100 * rule.minCpuShare(), 100 * rule.maxDisturbedShare(),
                rule.checkLoad() ? ", or the machine's runnable threads (median over the passes, this one included) outnumbered the processors"
                        : "", rule.checksSpeed() ? String.format(", or a reference convolution run before, every half second during "
                        + "and after it took more than %.2fx its fastest (the machine ran slow, unseen by its load)", rule.maxSlowdown()) : "",
                p.attempts(), rule.checksSpeed() ? String.format(", after waiting up to %.0f s for the machine's reference speed when "
                        + "it ran slow", rule.maxWaitSeconds()) : "");
    }

    /** The columns of a timings table ({@code >} right-aligns). */
    public static final List<String> HEADERS = List.of("execution", ">batch", ">threads", ">median ms", ">±ms", ">±%", ">p10 ms", ">p90 ms",
            ">images/s", ">runs", "stop", ">cpu/wall", ">runnable", "load 1m", ">speed", "verdict");

    /** One timing's cells under {@link #HEADERS}. */
    public static List<Object> cells(LatencyStats l) {
        Interference i = l.interference();
        return List.of(l.execution(), l.batch(), l.threads() == 0 ? "-" : l.threads() + "+" + (l.interopThreads() == 0 ? "?" : l.interopThreads()), ms(l.medianMs()),
                ms(l.halfWidthMs()), Double.isFinite(l.halfWidthMs()) ? String.format("%.1f", l.halfWidthPercent()) : "-", ms(l.p10Ms()),
                ms(l.p90Ms()), Double.isFinite(l.imagesPerSecond()) ? String.format("%.1f", l.imagesPerSecond()) : "-", l.runs(),
                l.stop().label(), Double.isNaN(i.cpuShare()) ? "-" : String.format("%.2f", i.cpuShare()),
                Double.isNaN(i.runnable()) ? "-" : String.format("%.0f", i.runnable()),
                Double.isNaN(i.loadBefore()) ? "-" : String.format("%.2f->%.2f", i.loadBefore(), i.loadAfter()),
                Double.isFinite(i.slowdown()) ? String.format("%.2fx", i.slowdown()) : "-", i.verdict().label());
    }

    /** {@code b1 49.80±1.2%, b32 573.15±2.9% noisy}: a run's headline timings in one cell. */
    public static String brief(List<LatencyStats> latency) {
        return LatencyStats.headlines(latency).stream()
                .map(l -> String.format("b%d %s%s%s", l.batch(), ms(l.medianMs()), l.halfWidthText(),
                        l.trusted() ? "" : " " + l.interference().verdict().label()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public static String text(List<LatencyStats> latency, EvaluationSettings settings, String engine) {
        StringBuilder s = new StringBuilder();
        s.append("latency (inference mode, no gradients; ").append(engine).append("):\n");
        s.append(method(settings.timing(), settings.interference()));
        TextTable t = new TextTable(HEADERS.toArray(String[]::new));
        latency.forEach(l -> t.row(cells(l).toArray()));
        s.append(t.render());
        s.append("threads: intra-op+inter-op; ±: half-width of the median's ").append(String.format("%.0f%%", 100 * settings.timing().confidence()))
                .append(" confidence interval; cpu/wall: the timing thread's CPU time over wall time, median over the passes; runnable: the ")
                .append("machine's runnable threads, median over the passes; load 1m: the 1-minute load average before and after; speed: ")
                .append("the reference convolution's median time over its fastest (1.00x: the machine at its reference speed)\n");
        for (LatencyStats l : latency) {
            if (l.noisy()) {
                s.append(String.format("noisy: %s batch %d, after %d attempt%s: %s. The figure is stored marked noisy and left out of Pareto "
                        + "fronts and charts; time it again on a quieter machine%n", l.execution(), l.batch(), l.attempts(),
                        l.attempts() == 1 ? "" : "s", l.interference().reason()));
            } else if (!l.targetMet() && l.runs() > 0) {
                s.append(String.format("note: %s batch %d stopped at the %s with a half-width of %s, above the %.0f%% target; more passes "
                        + "(--max-runs, --max-seconds) would narrow it%n", l.execution(), l.batch(), l.stop().label(),
                        Double.isFinite(l.halfWidthMs()) ? String.format("%.1f%%", l.halfWidthPercent()) : "unknown (under 6 passes)",
                        100 * settings.timing().target()));
            }
        }
        return s.toString();
    }

    public static ArrayNode json(List<LatencyStats> latency) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        for (LatencyStats l : latency) {
            a.add(json(l));
        }
        return a;
    }

    /** One timing as JSON; figures that are not finite (no interval under 6 passes) are null. */
    public static ObjectNode json(LatencyStats l) {
        ObjectNode o = JsonFields.MAPPER.createObjectNode();
        o.put("execution", l.execution()).put("batch", l.batch()).put("threads", l.threads()).put("interopThreads", l.interopThreads())
                .put("warmup", l.warmup()).put("warmupStable", l.warmupStable()).put("runs", l.runs());
        number(o, "medianMs", l.medianMs());
        number(o, "p10Ms", l.p10Ms());
        number(o, "p90Ms", l.p90Ms());
        number(o, "halfWidthMs", l.halfWidthMs());
        number(o, "halfWidthPercent", l.halfWidthPercent());
        number(o, "imagesPerSecond", l.imagesPerSecond());
        o.put("stop", l.stop().label()).put("targetMet", l.targetMet()).put("attempts", l.attempts());
        Interference i = l.interference();
        o.put("noisy", l.noisy()).put("verdict", i.verdict().label());
        number(o, "cpuShare", i.cpuShare());
        number(o, "disturbedShare", i.disturbedShare());
        number(o, "runnable", i.runnable());
        number(o, "loadBefore", i.loadBefore());
        number(o, "loadAfter", i.loadAfter());
        number(o, "probeMs", i.probeMs());
        number(o, "referenceMs", i.referenceMs());
        number(o, "slowdown", i.slowdown());
        o.put("cores", i.cores()).put("reason", i.reason());
        return o;
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    private static String ms(double v) {
        return Double.isFinite(v) ? String.format("%.2f", v) : "-";
    }
}
