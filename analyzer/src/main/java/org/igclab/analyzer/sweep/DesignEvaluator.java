package org.igclab.analyzer.sweep;

import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.latency.OpLatency;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.rules.model.CountOverflowException;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Builds, costs and judges the designs of one space, sharing what designs have in common ({@link NetworkFigures}); with a
 * latency model, also predicts each design's latency ({@code latency_pred}).
 */
public final class DesignEvaluator {
    private final Space space;
    private final NetworkFigures figures = new NetworkFigures();
    private final OpLatency latency;

    public DesignEvaluator(Space space) {
        this(space, null);
    }

    /** @param latency the model that predicts latency, or null to predict none */
    public DesignEvaluator(Space space, OpLatency latency) {
        this.space = space;
        this.latency = latency;
    }

    public SweepRow evaluate(long design) {
        Assignment values = space.grid().assignment(design);
        try {
            Network network = space.network(values);
            Figures f = figures.of(network);
            if (latency != null) {
                f = f.withLatencyPred(LatencyPrediction.of(ShapeInference.resolve(network), latency).total().ms());
            }
            return new SweepRow(design, space.constraints().accepts(f) ? SweepRow.Status.PASS : SweepRow.Status.REJECTED, f, null);
        } catch (CountOverflowException e) {
            return new SweepRow(design, SweepRow.Status.INVALID, null, "the network is too large: its sizes do not fit in integers");
        } catch (InvalidDesignException e) {
            return new SweepRow(design, SweepRow.Status.INVALID, null, e.getMessage());
        }
    }
}
