package org.igclab.analyzer.latency;

/**
 * A primitive's predicted time for a pass of the calibration's batch, with the roofline bound beside it.
 *
 * @param ms      the prediction, milliseconds, never below the bound
 * @param boundMs the roofline bound: the MACs at the peak rate or the bytes at the peak bandwidth, whichever is longer
 * @param basis   what the prediction rests on
 * @param points  calibration points behind it (1 for a timed primitive, the fit's points, 0 for the bound alone)
 */
public record Estimate(double ms, double boundMs, Basis basis, int points) {

    /** What a prediction rests on. */
    public enum Basis {
        /** The calibration timed exactly this primitive. */
        TIMED,
        /** A regression over the calibration's primitives of the same kind (and grouping, kernel and stride). */
        FITTED,
        /** A regression over every primitive of the same kind, where the narrower class had too few points. */
        KIND,
        /** No calibration point of this kind: the roofline bound alone. */
        BOUND
    }

    /** An estimate that is only the roofline bound. */
    public static Estimate boundOnly(double boundMs) {
        return new Estimate(boundMs, boundMs, Basis.BOUND, 0);
    }

    /** Estimates summed: milliseconds and bounds add, points add, and the basis is the weakest of them. */
    public static Estimate total(java.util.List<Estimate> parts) {
        double ms = 0;
        double bound = 0;
        int points = 0;
        Basis weakest = Basis.TIMED;
        for (Estimate e : parts) {
            ms += e.ms;
            bound += e.boundMs;
            points += e.points;
            weakest = e.basis.compareTo(weakest) > 0 ? e.basis : weakest;
        }
        return new Estimate(ms, bound, weakest, points);
    }

    /** The bound over the prediction: how close to the machine's peak the prediction says it runs, in [0, 1]. */
    public double efficiency() {
        return ms > 0 ? boundMs / ms : 1;
    }
}
