package org.igclab.runtime.plan;

import java.util.List;
import java.util.Optional;
import org.igclab.runtime.latency.LatencyStats;

/**
 * A design executed one way at one batch size: what each run executed, whether the whole network computed what the
 * design computes, and its timing (absent when it did not agree: a plan that differs is never timed).
 *
 * @param execution how the plan was made
 * @param batch     images per pass
 * @param agreement the whole network's output against the design's
 * @param runs      each distinct run's choice
 * @param latency   the network's timing under the plan
 */
public record PlanOutcome(Execution execution, int batch, Agreement agreement, List<RunChoice> runs, Optional<LatencyStats> latency) {

    public PlanOutcome {
        runs = List.copyOf(runs);
    }
}
