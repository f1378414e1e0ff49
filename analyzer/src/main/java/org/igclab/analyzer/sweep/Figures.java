package org.igclab.analyzer.sweep;

import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.model.ExactCounts;

/**
 * One design's numbers, small enough to keep for millions of designs: the network totals of the cost model
 * and the conditions' verdicts over its chain blocks.
 *
 * @param params         PyTorch's parameter count (weights + bias + BatchNorm affine)
 * @param macs           multiply-accumulates of convolutions and fully connected layers, one image
 * @param activations    output elements of all operations, one image
 * @param peakActivation largest input + output of one operation
 * @param traffic        elements read and written
 * @param verdict        the worst complementary verdict over the blocks that are chains, or null when none is
 * @param imbalance      the largest imbalance (max/min of S_l K_l) over those blocks, or NaN when none is
 * @param convGcd        the greatest common divisor of every convolution's output channels, 0 when there is none
 * @param latencyPredMs  the latency predicted from a calibration (igc calibrate), milliseconds; NaN when not predicted
 */
public record Figures(long params, long macs, long activations, long peakActivation, long traffic, Verdict verdict,
                      double imbalance, int convGcd, double latencyPredMs) {

    /** Nothing: the identity of {@link #plus}. */
    public static final Figures NONE = new Figures(0, 0, 0, 0, 0, null, Double.NaN, 0, Double.NaN);

    /** The cost model's totals, with no verdict and no convolution yet. */
    public static Figures counts(NetworkCost cost) {
        return new Figures(cost.params().total(), cost.macs(), cost.activations(), cost.peakActivation(), cost.traffic(), null, Double.NaN, 0, Double.NaN);
    }

    /** A chain block's verdict and imbalance, with no counts: what {@link #plus} adds for a block. */
    public static Figures judged(Verdict verdict, double imbalance) {
        return new Figures(0, 0, 0, 0, 0, verdict, imbalance, 0, Double.NaN);
    }

    /** The same figures with another {@link #convGcd}. */
    public Figures withConvGcd(int gcd) {
        return new Figures(params, macs, activations, peakActivation, traffic, verdict, imbalance, gcd, latencyPredMs);
    }

    /** The same figures with a predicted latency. */
    public Figures withLatencyPred(double ms) {
        return new Figures(params, macs, activations, peakActivation, traffic, verdict, imbalance, convGcd, ms);
    }

    /** The figures of two parts of a network together: counts add, peaks and verdicts take the worse. */
    public Figures plus(Figures o) {
        Verdict v = verdict == null ? o.verdict : o.verdict == null ? verdict : verdict.compareTo(o.verdict) >= 0 ? verdict : o.verdict;
        double worst = Double.isNaN(imbalance) ? o.imbalance : Double.isNaN(o.imbalance) ? imbalance : Math.max(imbalance, o.imbalance);
        return new Figures(ExactCounts.add(params, o.params), ExactCounts.add(macs, o.macs), ExactCounts.add(activations, o.activations),
                Math.max(peakActivation, o.peakActivation), ExactCounts.add(traffic, o.traffic), v, worst, gcd(convGcd, o.convGcd),
                Double.isNaN(latencyPredMs) ? o.latencyPredMs : Double.isNaN(o.latencyPredMs) ? latencyPredMs : latencyPredMs + o.latencyPredMs);
    }

    /** Whether every chain block's verdict is strict (true when there is none). */
    public boolean strictlyComplementary() {
        return verdict == null || verdict == Verdict.STRICT;
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
