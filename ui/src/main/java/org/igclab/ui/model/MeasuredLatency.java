package org.igclab.ui.model;

/**
 * A design's stored latency at batch 1, as the table and the charts show it.
 *
 * @param ms    the median, milliseconds
 * @param noisy measured under interference, or never checked for it: shown marked, never plotted or ranked
 */
public record MeasuredLatency(double ms, boolean noisy) implements Comparable<MeasuredLatency> {

    /** {@code 12.34}, or {@code 12.34 noisy}. */
    public String text() {
        return String.format("%.2f", ms) + (noisy ? " noisy" : "");
    }

    @Override
    public int compareTo(MeasuredLatency other) {
        return Double.compare(ms, other.ms);
    }
}
