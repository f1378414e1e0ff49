package org.igclab.runtime.latency;

/**
 * Forward-pass latency of one execution and batch size, as reported and stored.
 *
 * @param execution      how the design was executed: {@code designed}, {@code folded}, {@code merged}, {@code dense} or
 *                       {@code auto} (each run's fastest; {@code sparse}: as designed, in stores written before plans)
 * @param batch          images per pass
 * @param threads        PyTorch intra-op threads (0: unknown, a figure from an older store)
 * @param interopThreads PyTorch inter-op threads (0: unknown)
 * @param warmup         untimed passes first
 * @param warmupStable   whether the warm-up ended because successive windows agreed (not at its bound)
 * @param runs           timed passes
 * @param medianMs       median time of a pass
 * @param p10Ms          10th percentile
 * @param p90Ms          90th percentile
 * @param halfWidthMs    half-width of the median's confidence interval (95% unless the policy said otherwise);
 *                       infinite with fewer than 6 passes, NaN when not recorded
 * @param stop           why timing stopped
 * @param attempts       timings run (more than one when earlier ones were noisy)
 * @param interference   whether the timing was disturbed, with the evidence
 */
public record LatencyStats(String execution, int batch, int threads, int interopThreads, int warmup, boolean warmupStable, int runs,
                           double medianMs, double p10Ms, double p90Ms, double halfWidthMs, Stop stop, int attempts,
                           Interference interference) {

    /** A timing's figures for one execution and batch size. */
    public static LatencyStats of(String execution, int batch, int threads, int interopThreads, AdaptiveTiming.Timing t) {
        return new LatencyStats(execution, batch, threads, interopThreads, t.warmup(), t.warmupStable(), t.runs(), t.interval().median(),
                t.p10Ms(), t.p90Ms(), t.interval().halfWidth(), t.stop(), t.attempts(), t.interference());
    }

    /** The executions whose figure stands for a design, best first: the plan chosen on this machine, then the design as written. */
    private static final java.util.List<String> HEADLINE = java.util.List.of("auto", "designed", "sparse");

    /**
     * The figure that stands for a design at a batch size among an evaluation's timings: the executed plan
     * ({@code auto}) where it was timed, else the design as written ({@code designed}; {@code sparse} in stores written
     * before plans existed), else the one execution timed.
     */
    public static java.util.Optional<LatencyStats> headline(java.util.List<LatencyStats> timings, int batch) {
        java.util.List<LatencyStats> at = timings.stream().filter(l -> l.batch() == batch).toList();
        for (String execution : HEADLINE) {
            java.util.Optional<LatencyStats> found = at.stream().filter(l -> l.execution().equals(execution)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return at.stream().findFirst();
    }

    /** The headline figure of every batch size timed, in the order first timed. */
    public static java.util.List<LatencyStats> headlines(java.util.List<LatencyStats> timings) {
        return timings.stream().map(LatencyStats::batch).distinct().map(b -> headline(timings, b).orElseThrow()).toList();
    }

    /** The half-width as a percentage of the median. */
    public double halfWidthPercent() {
        return 100 * halfWidthMs / medianMs;
    }

    public boolean targetMet() {
        return stop == Stop.TARGET_MET;
    }

    public boolean noisy() {
        return interference.noisy();
    }

    /** Checked and quiet: a figure that may be ranked. */
    public boolean trusted() {
        return interference.trusted();
    }

    public double imagesPerSecond() {
        return batch * 1000.0 / medianMs;
    }

    /** {@code 49.8 ms ±1.2% (median of 64 passes, batch 1, 1 intra-op thread)}, with {@code , noisy} when it was. */
    public String summary() {
        return String.format("%s ms %s (median of %d passes, batch %d, %s)%s", fixed(medianMs), halfWidthText(), runs, batch,
                threads == 0 ? "threads not recorded" : threads + " intra-op thread" + (threads == 1 ? "" : "s"),
                noisy() ? ", noisy: " + interference.reason() : interference.verdict() == Interference.Verdict.UNCHECKED ? ", unchecked" : "");
    }

    /** {@code ±1.2%}, {@code ±?} without an interval. */
    public String halfWidthText() {
        return Double.isFinite(halfWidthMs) ? String.format("±%.1f%%", halfWidthPercent()) : "±?";
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.2f", v);
    }
}
