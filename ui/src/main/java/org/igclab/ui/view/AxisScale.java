package org.igclab.ui.view;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/**
 * Number axes on a linear or a decade scale. JavaFX has no log axis, so a log chart plots {@code log10} of its
 * values and labels the ticks with the values themselves; counts are shown short ({@code 12k}, {@code 3.5M}).
 */
final class AxisScale {

    private AxisScale() {
    }

    /** The value as plotted. */
    static double plotted(double value, boolean log) {
        return log ? Math.log10(Math.max(value, 1e-12)) : value;
    }

    /** Labels ticks with the values they stand for. */
    static void label(NumberAxis axis, boolean log) {
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return shortNumber(log ? Math.pow(10, n.doubleValue()) : n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
    }

    /** Fixes the axis range to nice ticks around {@code [min, max]} (plotted values). */
    static void range(NumberAxis axis, double min, double max, boolean log) {
        range(axis, min, max, log, false);
    }

    /** As {@link #range(NumberAxis, double, double, boolean)}; {@code whole} values get whole ticks, at least 1 apart. */
    static void range(NumberAxis axis, double min, double max, boolean log, boolean whole) {
        axis.setAutoRanging(false);
        if (!(max >= min)) {
            min = 0;
            max = 1;
        }
        double lo;
        double hi;
        double tick;
        if (log) {
            lo = Math.floor(min);
            hi = Math.ceil(max);
            if (hi - lo < 1) {
                hi = lo + 1;
            }
            // whole decades read best (1k, 10k, 100k); half decades only when there would be fewer than three ticks
            tick = hi - lo >= 2 ? 1 : 0.5;
        } else {
            double span = max - min == 0 ? Math.max(1, Math.abs(max) * 0.2) : max - min;
            tick = whole ? Math.max(1, Math.ceil(nice(span / 5))) : nice(span / 5);
            double room = whole ? 0.5 : span * 0.04;
            lo = Math.floor((min - room) / tick) * tick;
            hi = Math.ceil((max + room) / tick) * tick;
            if (min >= 0 && lo < 0) {
                lo = 0;
            }
        }
        axis.setLowerBound(lo);
        axis.setUpperBound(hi);
        axis.setTickUnit(tick);
        // minor ticks are spaced evenly between major ones, which on a decade scale would mark no round value
        axis.setMinorTickVisible(!log);
        label(axis, log);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code x}. */
    static double nice(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= x) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** {@code 950}, {@code 1.2k}, {@code 35k}, {@code 4.1M}, {@code 2G}; fractions keep two significant digits. */
    static String shortNumber(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e3) {
            return trim(v / 1e3) + "k";
        }
        if (a >= 1 || a == 0) {
            return trim(v);
        }
        return String.format("%.2g", v);
    }

    private static String trim(double v) {
        String s = Math.abs(v) >= 100 ? String.format("%.0f", v) : Math.abs(v) >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
