package org.igclab.runtime.plan;

import java.util.Optional;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.runtime.latency.LatencyStats;

/**
 * One way to execute a run, checked against the design and timed.
 *
 * @param strategy  the strategy that gives it
 * @param steps     what runs ({@code conv 3x3 g64, conv 1x1 +bias = P1.W2.P2.W3.bn})
 * @param agreement its output against the design's on the same input
 * @param latency   its timing; empty when it does not agree (then it is never timed)
 */
public record CandidateResult(Strategy strategy, String steps, Agreement agreement, Optional<LatencyStats> latency) {

    /** Whether it may be chosen: it agrees with the design and was timed. */
    public boolean usable() {
        return agreement.agrees() && latency.filter(l -> l.runs() > 0).isPresent();
    }

    /** Its median in milliseconds, or infinity when it was not timed. */
    public double medianMs() {
        return latency.filter(l -> l.runs() > 0).map(LatencyStats::medianMs).orElse(Double.POSITIVE_INFINITY);
    }
}
