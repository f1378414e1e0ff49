package org.igclab.ui.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How wide a table's columns are when the first few must show without scrolling sideways: a number is never cut (its
 * column keeps the width of its widest value), so the text columns among them give up room, the widest first, down to
 * a least width; they then end in "..." and their cells say the whole text in a tooltip. The columns after those that
 * must show keep their widths and scroll.
 */
public final class ColumnFit {
    /** Below this a text column shows too little to recognise a name. */
    public static final double LEAST_TEXT = 70;

    /**
     * A column as it would like to be.
     *
     * @param title   its header
     * @param wanted  the width of its header and its widest value
     * @param elides  a text column that may end in "..." (a number never does)
     */
    public record Column(String title, double wanted, boolean elides) {
    }

    private ColumnFit() {
    }

    /**
     * Each column's width, by title, in order.
     *
     * @param columns every column, in order
     * @param shown   how many leading columns must show whole within {@code room}
     * @param room    the width the columns have before the table scrolls
     */
    public static Map<String, Double> widths(List<Column> columns, int shown, double room) {
        List<Column> first = columns.subList(0, Math.min(shown, columns.size()));
        double fixed = first.stream().filter(c -> !c.elides()).mapToDouble(Column::wanted).sum();
        double free = room - fixed;
        // the widest text is cut first: the highest cap t at which the text columns still fit (found by halving)
        double low = 0;
        double high = first.stream().filter(Column::elides).mapToDouble(Column::wanted).max().orElse(0);
        if (textWidth(first, high) > free) {
            for (int i = 0; i < 40; i++) {
                double mid = (low + high) / 2;
                if (textWidth(first, mid) <= free) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            high = low;
        }
        Map<String, Double> widths = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            widths.put(c.title(), i < shown && c.elides() ? Math.floor(capped(c, high) + 1e-6) : c.wanted());
        }
        return widths;
    }

    private static double textWidth(List<Column> columns, double cap) {
        return columns.stream().filter(Column::elides).mapToDouble(c -> capped(c, cap)).sum();
    }

    private static double capped(Column c, double cap) {
        return Math.min(c.wanted(), Math.max(cap, LEAST_TEXT));
    }
}
