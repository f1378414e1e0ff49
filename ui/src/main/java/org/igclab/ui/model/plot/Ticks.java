package org.igclab.ui.model.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an axis puts its ticks and what they read. Values are plotted values: on a log axis {@code log10} of the
 * value, so the chart stays linear and the ticks say what the points stand for. Ticks fall on round values inside the
 * range only; the range itself is never rounded out to them (a point at the edge keeps its margin).
 */
public final class Ticks {
    /** About this many major ticks on an axis: more crowd the labels of a small chart. */
    static final int TARGET = 5;

    private Ticks() {
    }

    /** Major ticks within {@code [lo, hi]}, ascending. */
    public static List<Double> major(double lo, double hi, boolean log, boolean whole) {
        if (!(hi > lo)) {
            return List.of(lo);
        }
        if (!log) {
            return linear(lo, hi, whole ? Math.max(1, Math.ceil(nice((hi - lo) / TARGET))) : nice((hi - lo) / TARGET));
        }
        if (hi - lo >= 2) {
            // whole decades, every one or every few
            double step = Math.ceil((hi - lo) / TARGET);
            return linear(lo, hi, step);
        }
        List<Double> ticks = new ArrayList<>();
        for (double m : hi - lo >= 1 ? new double[] {1, 2, 5} : new double[] {1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9}) {
            for (int decade = (int) Math.floor(lo) - 1; decade <= Math.ceil(hi); decade++) {
                double t = Math.log10(m) + decade;
                if (t >= lo - 1e-9 && t <= hi + 1e-9) {
                    ticks.add(t);
                }
            }
        }
        ticks.sort(Double::compare);
        if (ticks.size() < 2) {
            // a range within one step of the multiples: round values of the values themselves
            return linear(Math.pow(10, lo), Math.pow(10, hi), nice((Math.pow(10, hi) - Math.pow(10, lo)) / TARGET))
                    .stream().filter(v -> v > 0).map(Math::log10).toList();
        }
        return thin(ticks);
    }

    /** Minor ticks: the 2..9 multiples between decades on a log axis of whole decades, fifths of a step on a linear one. */
    public static List<Double> minor(double lo, double hi, boolean log, boolean whole) {
        List<Double> major = major(lo, hi, log, whole);
        List<Double> minor = new ArrayList<>();
        if (log) {
            if (hi - lo < 2 || hi - lo > 2 * TARGET) {
                return minor;
            }
            for (int decade = (int) Math.floor(lo); decade <= Math.ceil(hi); decade++) {
                for (int m = 2; m <= 9; m++) {
                    double t = decade + Math.log10(m);
                    if (t > lo && t < hi) {
                        minor.add(t);
                    }
                }
            }
            return minor;
        }
        if (whole || major.size() < 2) {
            return minor;
        }
        double step = (major.get(1) - major.get(0)) / 5;
        for (double t = major.get(0) - 4 * step; t < hi; t += step) {
            if (t > lo && !near(major, t, step / 10)) {
                minor.add(t);
            }
        }
        return minor;
    }

    /** What a tick reads: the value it stands for, short ({@code 1.2k}, {@code 35M}, {@code 1T}). */
    public static String label(double plotted, boolean log) {
        return shortNumber(log ? round(Math.pow(10, plotted)) : round(plotted));
    }

    /** {@code 950}, {@code 1.2k}, {@code 35k}, {@code 4.1M}, {@code 2G}, {@code 1T}; below 1, two significant digits. */
    public static String shortNumber(double v) {
        double a = Math.abs(v);
        String[] units = {"", "k", "M", "G", "T", "P", "E"};
        if (a < 1 && a > 0) {
            return String.format("%.2g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        int unit = 0;
        while (unit + 1 < units.length && a >= 999.5 * Math.pow(1000, unit)) {
            unit++;
        }
        return trim(v / Math.pow(1000, unit)) + units[unit];
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code x}. */
    static double nice(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= x * (1 - 1e-9)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static List<Double> linear(double lo, double hi, double step) {
        List<Double> ticks = new ArrayList<>();
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (double t = first; t <= hi + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    /** Every second tick while there are too many. */
    private static List<Double> thin(List<Double> ticks) {
        List<Double> kept = ticks;
        while (kept.size() > TARGET + 2) {
            List<Double> half = new ArrayList<>();
            for (int i = 0; i < kept.size(); i += 2) {
                half.add(kept.get(i));
            }
            kept = half;
        }
        return kept;
    }

    private static boolean near(List<Double> values, double t, double tolerance) {
        return values.stream().anyMatch(v -> Math.abs(v - t) < tolerance);
    }

    /** Rounds away the binary noise of {@code 10^x} and of summed steps (0.30000000000000004). */
    private static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        double scale = Math.pow(10, 6 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    private static String trim(double v) {
        double a = Math.abs(v);
        String s = a >= 100 ? String.format("%.0f", v) : a >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
