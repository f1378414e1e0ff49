package org.igclab.analyzer.study;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.sweep.Figures;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.latency.OpLatency;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.sweep.NetworkFigures;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.rules.model.CountOverflowException;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The free first filter of a study: a design is built and costed analytically (microseconds to milliseconds) and
 * judged against the study's constraints before anything is measured. A design that cannot be built is infeasible
 * by {@link #INVALID}, more than any constraint's violation, so a search moves away from it first. Not thread-safe
 * (it remembers the costs of layers, as a sweep does): one per study run.
 */
public final class Screening {
    /** The violation of a design that cannot be built. */
    public static final double INVALID = 1e6;

    private final Space space;
    private final List<DesignConstraint> constraints;
    private final NetworkFigures figures = new NetworkFigures();
    private final OpLatency latency;

    /**
     * A design judged.
     *
     * @param row       its sweep row: figures and status ({@code PASS}, {@code REJECTED} by a constraint, {@code INVALID})
     * @param violation 0 when it may be measured
     * @param reason    why it may not, or empty
     */
    public record Screened(SweepRow row, double violation, Optional<String> reason) {
        public boolean feasible() {
            return violation == 0;
        }

        public long design() {
            return row.design();
        }
    }

    /** @param constraints the study's, which include the space file's own ({@link StudyConstraints#of}) when it wants them */
    public Screening(Space space, List<DesignConstraint> constraints) {
        this(space, constraints, null);
    }

    /** @param latency predicts each design's latency ({@code latency_pred}, {@code maxLatencyPred}); null for none */
    public Screening(Space space, List<DesignConstraint> constraints, OpLatency latency) {
        this.space = space;
        this.constraints = List.copyOf(constraints);
        this.latency = latency;
    }

    public Screened screen(long design) {
        Network network;
        Figures f;
        try {
            network = space.network(space.grid().assignment(design));
            f = figures.of(network);
            if (latency != null) {
                f = f.withLatencyPred(LatencyPrediction.of(ShapeInference.resolve(network), latency).total().ms());
            }
        } catch (CountOverflowException e) {
            return invalid(design, "the network is too large: its sizes do not fit in integers");
        } catch (InvalidDesignException e) {
            return invalid(design, e.getMessage());
        }
        DesignConstraint.Candidate c = new DesignConstraint.Candidate(design, network, f);
        double violation = 0;
        String reason = null;
        for (DesignConstraint k : constraints) {
            double v = k.violation(c);
            if (v > 0) {
                violation += v;
                reason = reason == null ? k.reason(c) : reason + "; " + k.reason(c);
            }
        }
        SweepRow.Status status = violation > 0 ? SweepRow.Status.REJECTED : SweepRow.Status.PASS;
        return new Screened(new SweepRow(design, status, f, null), violation, Optional.ofNullable(reason));
    }

    private static Screened invalid(long design, String why) {
        return new Screened(new SweepRow(design, SweepRow.Status.INVALID, null, why), INVALID, Optional.of(why));
    }
}
