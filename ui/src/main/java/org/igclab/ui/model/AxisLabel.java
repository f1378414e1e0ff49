package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An axis's label that fits along the axis (a short chart's vertical axis has little room): in full with its scale,
 * else without the scale (the ticks show decades), else its first word with its unit, else its first word. The chart's
 * title names the axes in full.
 */
public final class AxisLabel {
    private static final Pattern UNIT = Pattern.compile("^(\\S+).*?(\\s*\\([^)]*\\))?$");

    private AxisLabel() {
    }

    /**
     * The longest form of {@code label} that is at most {@code room} wide; the shortest when none is.
     *
     * @param label {@code predicted latency (ms)}
     * @param log   whether the axis is on decades, which the full form says: {@code predicted latency (ms) (log)}
     * @param width how wide a text is
     */
    public static String fit(String label, boolean log, double room, ToDoubleFunction<String> width) {
        List<String> forms = forms(label, log);
        return forms.stream().filter(f -> width.applyAsDouble(f) <= room).findFirst().orElse(forms.get(forms.size() - 1));
    }

    /** Longest first: {@code predicted latency (ms) (log)}, {@code predicted latency (ms)}, {@code predicted (ms)}, {@code predicted}. */
    static List<String> forms(String label, boolean log) {
        List<String> forms = new ArrayList<>();
        if (log) {
            forms.add(label + " (log)");
        }
        forms.add(label);
        Matcher m = UNIT.matcher(label.trim());
        if (m.matches()) {
            String first = m.group(1);
            if (m.group(2) != null && !first.startsWith("(")) {
                forms.add(first + " " + m.group(2).trim());
            }
            forms.add(first);
        }
        return forms.stream().distinct().toList();
    }
}
