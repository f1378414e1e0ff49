package org.igclab.ui.model;

import java.util.Locale;

/** What a chart axis or a Pareto objective measures; accuracy is the only one maximized. */
public enum Axis {
    PARAMS("parameters"),
    MACS("MACs"),
    LENGTH("kernels L"),
    LATENCY("latency (ms)"),
    /** Predicted from the results store's calibration ({@code igc calibrate}), never measured: {@code latency_pred}. */
    LATENCY_PRED("predicted latency (ms)"),
    ACCURACY("test accuracy");

    private final String label;

    Axis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The word used in settings files: {@code params}, {@code macs}, {@code length}, {@code latency},
     * {@code latency_pred}, {@code accuracy}.
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean maximized() {
        return this == ACCURACY;
    }

    /** Spans decades across designs, so a log scale serves it (a count of kernels or an accuracy does not). */
    public boolean loggable() {
        return this == PARAMS || this == MACS || this == LATENCY || this == LATENCY_PRED;
    }

    /** Takes whole values only: its ticks are whole too. */
    public boolean whole() {
        return this == LENGTH;
    }

    /** Measured in a run rather than counted. */
    public boolean measured() {
        return this == LATENCY || this == ACCURACY;
    }

    /** Some designs may lack it: measured, or predicted only once the store has a calibration. */
    public boolean mayBeMissing() {
        return measured() || this == LATENCY_PRED;
    }

    /** The row's value; NaN when it has not been measured, or its latency is noisy (never plotted as if it were true). */
    public double of(DesignRow row) {
        return this == LATENCY ? row.trustedLatencyMs() : measuredOrCounted(row);
    }

    /** The row's value, a noisy latency included (to draw it marked, apart from the trusted ones); NaN when not measured. */
    public double anyOf(DesignRow row) {
        return this == LATENCY ? (row.latency() == null ? Double.NaN : row.latency().ms()) : measuredOrCounted(row);
    }

    private double measuredOrCounted(DesignRow row) {
        return switch (this) {
            case PARAMS -> row.params();
            case MACS -> row.macs();
            case LENGTH -> row.length();
            case LATENCY -> row.trustedLatencyMs();
            case LATENCY_PRED -> row.predictedMs();
            case ACCURACY -> row.accuracy() == null ? Double.NaN : row.accuracy();
        };
    }

    /** The value as a hover or a comparison shows it: {@code 1,344}, {@code 12.34 ms}, {@code 91.2%}. */
    public String format(double v) {
        return switch (this) {
            case PARAMS, MACS, LENGTH -> org.igclab.analyzer.text.TextTable.grouped(Math.round(v));
            case LATENCY -> String.format("%.2f ms", v);
            case LATENCY_PRED -> String.format("%.2f ms (predicted)", v);
            case ACCURACY -> String.format("%.1f%%", 100 * v);
        };
    }

    public static Axis byKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
