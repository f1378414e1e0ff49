package org.igclab.ui.model;

import java.util.Locale;

/** What a chart axis or a Pareto objective measures; accuracy is the only one maximized. */
public enum Axis {
    PARAMS("parameters"),
    MACS("MACs"),
    LENGTH("kernels L"),
    LATENCY("latency, batch 1 (ms)"),
    ACCURACY("test accuracy");

    private final String label;

    Axis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The word used in settings files: {@code params}, {@code macs}, {@code length}, {@code latency}, {@code accuracy}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean maximized() {
        return this == ACCURACY;
    }

    /** Spans decades across designs, so a log scale serves it (a count of kernels or an accuracy does not). */
    public boolean loggable() {
        return this == PARAMS || this == MACS || this == LATENCY;
    }

    /** Takes whole values only: its ticks are whole too. */
    public boolean whole() {
        return this == LENGTH;
    }

    /** Measured in a run rather than counted. */
    public boolean measured() {
        return this == LATENCY || this == ACCURACY;
    }

    /** The row's value; NaN when it has not been measured, or its latency is noisy (never plotted as if it were true). */
    public double of(DesignRow row) {
        return switch (this) {
            case PARAMS -> row.params();
            case MACS -> row.macs();
            case LENGTH -> row.length();
            case LATENCY -> row.trustedLatencyMs();
            case ACCURACY -> row.accuracy() == null ? Double.NaN : row.accuracy();
        };
    }

    public static Axis byKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
