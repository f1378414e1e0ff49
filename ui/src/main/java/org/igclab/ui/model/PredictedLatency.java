package org.igclab.ui.model;

/**
 * A design's latency at batch 1 predicted from a calibration ({@code latency_pred}), as the table and the charts show it.
 *
 * @param ms           the prediction, milliseconds
 * @param otherMachine the calibration was made on another machine (or engine) than this one: said wherever it is shown
 */
public record PredictedLatency(double ms, boolean otherMachine) implements Comparable<PredictedLatency> {

    /**
     * The table's column, on two lines so that it is hardly wider than its numbers: {@code latency_pred (ms)}, saying when
     * the calibration is another machine's.
     */
    public static String header(java.util.Collection<DesignRow> rows) {
        return "latency_pred\n(ms" + (rows.stream().anyMatch(r -> r.predicted() != null && r.predicted().otherMachine()) ? ", other machine)" : ")");
    }

    /** {@code 12.34}. */
    public String text() {
        return String.format("%.2f", ms);
    }

    @Override
    public int compareTo(PredictedLatency other) {
        return Double.compare(ms, other.ms);
    }
}
