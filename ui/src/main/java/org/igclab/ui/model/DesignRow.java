package org.igclab.ui.model;

import org.igclab.analyzer.chain.EnumeratedDesign;

/**
 * One design of the table and the charts: an enumerated chain with the costs of its template (the chain's own, or
 * the whole network's) and what the results store measured of it.
 *
 * @param design    the chain, its verdicts and its own costs
 * @param params    parameters under the template (kernel weights for a block; PyTorch's count for a network)
 * @param macs      MACs under the template
 * @param hash      the design's identity hash, or null when the store had nothing to join
 * @param latency   median latency at batch 1, when measured, marked when noisy
 * @param accuracy  test accuracy in [0, 1], when trained
 * @param predicted latency at batch 1 predicted from the results store's calibration ({@code latency_pred}), null when
 *                  it has none
 */
public record DesignRow(EnumeratedDesign design, long params, long macs, String hash, MeasuredLatency latency, Double accuracy,
                        PredictedLatency predicted) {

    /** A row not predicted (yet). */
    public DesignRow(EnumeratedDesign design, long params, long macs, String hash, MeasuredLatency latency, Double accuracy) {
        this(design, params, macs, hash, latency, accuracy, null);
    }

    /** The predicted latency in milliseconds, NaN when there is none. */
    public double predictedMs() {
        return predicted == null ? Double.NaN : predicted.ms();
    }

    /** The same design with a prediction. */
    public DesignRow predicted(PredictedLatency p) {
        return new DesignRow(design, params, macs, hash, latency, accuracy, p);
    }

    /** The median latency at batch 1 in milliseconds, noisy or not; null when not measured. */
    public Double latencyMs() {
        return latency == null ? null : latency.ms();
    }

    /** The latency when it may be plotted and ranked (measured and not noisy), else NaN. */
    public double trustedLatencyMs() {
        return latency == null || latency.noisy() ? Double.NaN : latency.ms();
    }

    public boolean latencyNoisy() {
        return latency != null && latency.noisy();
    }

    public String name() {
        return design.name();
    }

    public String groupSizes() {
        return design.shape().groupSizeList();
    }

    public int length() {
        return design.shape().length();
    }

    /**
     * {@code IGCV2 K=8 L=3 (1,8,8)}: the name with the group sizes, unique among the rows of a width; a name that spells
     * them out already ({@code IGCV2 K=(1,2,4)}) is not given them twice.
     */
    public String label() {
        return label(name(), groupSizes());
    }

    /** A name with its group sizes, once. */
    static String label(String name, String groupSizes) {
        return name.contains("(" + groupSizes + ")") ? name : name + " (" + groupSizes + ")";
    }

    /** The name without its group sizes, which the table shows in a column of their own: {@code IGCV2, paper's rule}. */
    public String family() {
        return name().replaceAll(" K=(\\([0-9,]+\\)|[0-9]+)( L=[0-9]+)?", "");
    }

    /** The same design with what the store has measured of it now. */
    public DesignRow measured(String identity, Measurements.Measured m) {
        return new DesignRow(design, params, macs, identity, m.latency(), m.accuracy(), predicted);
    }
}
