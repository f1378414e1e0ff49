package org.igclab.analyzer.sweep;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.ProgressListener;

/**
 * The outcome of every design of a space, in the space's order, with the time the sweep took.
 *
 * @param space   the space swept
 * @param rows    one per design
 * @param seconds    wall-clock time of building, costing and judging the designs
 * @param cpuSeconds processor time the sweeping thread took meanwhile (steadier than wall time on a busy machine),
 *                   NaN where the JVM cannot tell
 */
public record Sweep(Space space, List<SweepRow> rows, double seconds, double cpuSeconds) {

    public Sweep {
        rows = List.copyOf(rows);
    }

    /** Evaluates every design; reports progress every few thousand designs. */
    public static Sweep run(Space space, ProgressListener progress) {
        return run(space, null, progress);
    }

    /** Evaluates every design, predicting its latency with {@code latency} (null: none). */
    public static Sweep run(Space space, org.igclab.analyzer.latency.OpLatency latency, ProgressListener progress) {
        long started = System.nanoTime();
        long cpuStarted = cpuNanos();
        long total = space.size();
        DesignEvaluator evaluator = new DesignEvaluator(space, latency);
        List<SweepRow> rows = new ArrayList<>((int) total);
        for (long i = 0; i < total; i++) {
            rows.add(evaluator.evaluate(i));
            if ((i & 1023) == 1023) {
                progress.progress(i + 1, total);
            }
        }
        progress.progress(total, total);
        long cpu = cpuNanos();
        return new Sweep(space, rows, (System.nanoTime() - started) / 1e9, cpu < 0 ? Double.NaN : (cpu - cpuStarted) / 1e9);
    }

    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    /** The same sweep with measurements attached to the rows they belong to (by design index). */
    public Sweep withMeasurements(java.util.Map<Long, Measurement> measurements) {
        List<SweepRow> measured = rows.stream().map(r -> measurements.containsKey(r.design()) ? r.withMeasured(measurements.get(r.design())) : r)
                .toList();
        return new Sweep(space, measured, seconds, cpuSeconds);
    }

    /** Whether any design was measured by the runtime. */
    public boolean measured() {
        return rows.stream().anyMatch(r -> r.measured() != null);
    }

    public long count(SweepRow.Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    /** The rows that passed the constraints. */
    public List<SweepRow> passing() {
        return rows.stream().filter(r -> r.status() == SweepRow.Status.PASS).toList();
    }

    /** {@code swept 100,000 designs in 2.10 s (47,600 designs/s; 2.05 s CPU on one thread)}. */
    public String throughput() {
        return String.format("swept %,d designs in %.2f s (%,.0f designs/s%s)", rows.size(), seconds,
                seconds > 0 ? rows.size() / seconds : Double.POSITIVE_INFINITY,
                Double.isNaN(cpuSeconds) ? "" : String.format("; %.2f s CPU on one thread", cpuSeconds));
    }
}
