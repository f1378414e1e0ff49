package org.igclab.runtime.plan;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.runtime.latency.LatencyStats;

/**
 * A design executed one way at one batch size: what each run executed, whether the whole network computed what the
 * design computes, and its timing (absent when it did not agree: a plan that differs is never timed).
 *
 * @param execution how the plan was made
 * @param layout    how the activations were laid out when it ran ({@link Layout#NCHW} or {@link Layout#CHANNELS_LAST})
 * @param batch     images per pass
 * @param agreement the whole network's output against the design's
 * @param runs      each distinct run's choice
 * @param latency   the network's timing under the plan
 * @param versus    under {@code auto}, when the per-run choice was not one strategy everywhere: the whole network timed
 *                  under it and under the strategy predicted fastest everywhere, and which was kept
 * @param layouts   under layout {@code auto}: the whole network timed in each layout, and which was kept
 */
public record PlanOutcome(Execution execution, Layout layout, int batch, Agreement agreement, List<RunChoice> runs,
                          Optional<LatencyStats> latency, Optional<Versus> versus, Optional<Layouts> layouts) {

    public PlanOutcome {
        runs = List.copyOf(runs);
    }

    /**
     * The per-run choice against one strategy everywhere, each the whole network's median.
     *
     * @param uniform     the strategy predicted fastest everywhere by the candidates' timings
     * @param perRunMs    the network under the per-run choice (infinite when it was not timed)
     * @param uniformMs   the network under {@code uniform} everywhere
     * @param uniformKept whether {@code uniform} was faster, and so executed
     */
    public record Versus(Strategy uniform, double perRunMs, double uniformMs, boolean uniformKept) {

        /** {@code per-run choice 201.3 ms against merged everywhere 205.1 ms: the per-run choice kept}. */
        public String describe() {
            return String.format("per-run choice %.1f ms against %s everywhere %.1f ms (the whole network, each): %s kept", perRunMs,
                    uniform.label(), uniformMs, uniformKept ? uniform.label() + " everywhere" : "the per-run choice");
        }
    }

    /**
     * The plan's whole network in NCHW against channels last, each its median (infinite when it did not agree, so was
     * not timed).
     *
     * @param kept the one that ran: {@link Layout#faster}
     */
    public record Layouts(double nchwMs, double channelsLastMs, Layout kept) {

        /** {@code nchw 12.3 ms against channels-last 8.1 ms (the whole network, each): channels-last kept}. */
        public String describe() {
            return String.format("nchw %.1f ms against channels-last %.1f ms (the whole network, each): %s kept", nchwMs, channelsLastMs,
                    kept.label());
        }
    }

    /** The same outcome as having run in {@code kept} layout with its check and timing, the two layouts' figures added. */
    PlanOutcome inLayout(Layout kept, Agreement checked, Optional<LatencyStats> timed, Layouts compared) {
        return new PlanOutcome(execution, kept, batch, checked, runs, timed, versus, Optional.of(compared));
    }
}
