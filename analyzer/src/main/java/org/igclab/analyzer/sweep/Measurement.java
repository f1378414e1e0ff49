package org.igclab.analyzer.sweep;

import java.util.List;
import java.util.Optional;

/**
 * What the runtime measured for one design of a sweep (missing values are null or absent).
 *
 * @param latency  median latency per batch size (sparse execution)
 * @param accuracy test accuracy after training, in [0, 1]
 * @param runId    the run in the results store the values come from
 * @param reused   whether the run was already in the store (not measured again)
 */
public record Measurement(List<Latency> latency, Double accuracy, long runId, boolean reused) {

    /**
     * One batch size's latency.
     *
     * @param batch       images per pass
     * @param medianMs    median time of a pass, milliseconds
     * @param halfWidthMs half-width of the median's confidence interval (NaN or infinite when there is none)
     * @param noisy       taken under interference (or never checked for it): shown marked, never ranked
     */
    public record Latency(int batch, double medianMs, double halfWidthMs, boolean noisy) {
    }

    public Measurement {
        latency = List.copyOf(latency);
    }

    /** A training's accuracy. */
    public static Measurement accuracy(Double accuracy, long runId, boolean reused) {
        return new Measurement(List.of(), accuracy, runId, reused);
    }

    public Optional<Latency> latency(int batch) {
        return latency.stream().filter(l -> l.batch() == batch).findFirst();
    }

    /** The median at a batch size that may be ranked: NaN when not measured or noisy. */
    public double rankedLatencyMs(int batch) {
        return latency(batch).filter(l -> !l.noisy()).map(Latency::medianMs).orElse(Double.NaN);
    }

    /** Whether a latency was taken under interference. */
    public boolean noisy() {
        return latency.stream().anyMatch(Latency::noisy);
    }

    static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
