package org.igclab.ui.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the designs table's columns a narrow table leaves out so that the others show whole, without scrolling
 * sideways (at 1024x700 the table has about 360 px): the columns least needed go first, unless the user chose them
 * (the header's right-click menu). The group sizes, the costs, the measurements and the prediction stay, even when
 * the table then scrolls sideways.
 */
public final class TableColumns {
    /** Least needed first: each design's K names it, its family is in the detail pane, L is K's length. */
    public static final List<String> LEAST_NEEDED = List.of("imbalance", "front", "design", "L", "verdict");

    private TableColumns() {
    }

    /**
     * The columns to leave out: the least needed, in order, until the rest fit; then any of them that fits again.
     *
     * @param widths each column that would show, by title, with its width
     * @param chosen the columns the user chose to show: never left out
     * @param room   the width the columns have
     */
    public static Set<String> leftOut(Map<String, Double> widths, Set<String> chosen, double room) {
        double total = widths.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> out = new java.util.ArrayList<>();
        for (String title : LEAST_NEEDED) {
            if (total <= room) {
                break;
            }
            Double w = widths.get(title);
            if (w != null && !chosen.contains(title)) {
                out.add(title);
                total -= w;
            }
        }
        // a narrow column left out on the way may fit beside the rest after all: the most needed first
        for (int i = out.size() - 1; i >= 0; i--) {
            double w = widths.get(out.get(i));
            if (total + w <= room) {
                total += w;
                out.remove(i);
            }
        }
        return new LinkedHashSet<>(out);
    }
}
