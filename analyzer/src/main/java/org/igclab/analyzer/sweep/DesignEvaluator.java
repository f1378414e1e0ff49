package org.igclab.analyzer.sweep;

import org.igclab.rules.model.CountOverflowException;
import org.igclab.rules.model.InvalidDesignException;

/** Builds, costs and judges the designs of one space, sharing what designs have in common ({@link NetworkFigures}). */
public final class DesignEvaluator {
    private final Space space;
    private final NetworkFigures figures = new NetworkFigures();

    public DesignEvaluator(Space space) {
        this.space = space;
    }

    public SweepRow evaluate(long design) {
        Assignment values = space.grid().assignment(design);
        try {
            Figures f = figures.of(space.network(values));
            return new SweepRow(design, space.constraints().accepts(f) ? SweepRow.Status.PASS : SweepRow.Status.REJECTED, f, null);
        } catch (CountOverflowException e) {
            return new SweepRow(design, SweepRow.Status.INVALID, null, "the network is too large: its sizes do not fit in integers");
        } catch (InvalidDesignException e) {
            return new SweepRow(design, SweepRow.Status.INVALID, null, e.getMessage());
        }
    }
}
