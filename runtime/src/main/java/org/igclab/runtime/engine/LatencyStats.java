package org.igclab.runtime.engine;

/**
 * Forward-pass latency of one batch size, over repeated runs after a warm-up.
 *
 * @param execution       sparse kernels or multiplied out
 * @param batch           images per pass
 * @param runs            timed passes
 * @param medianMs        median time of a pass
 * @param p10Ms           10th percentile
 * @param p90Ms           90th percentile
 * @param imagesPerSecond {@code batch / median}
 * @param threads         intra-op threads PyTorch used
 */
public record LatencyStats(String execution, int batch, int runs, double medianMs, double p10Ms, double p90Ms,
                           double imagesPerSecond, int threads) {
}
