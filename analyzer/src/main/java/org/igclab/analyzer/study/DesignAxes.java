package org.igclab.analyzer.study;

import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.sweep.DesignGrid;
import org.igclab.rules.model.ExactCounts;

/**
 * A space's designs as a box of integer coordinates, the genome of a search: one axis for the list's entries (when
 * the space has a list) and one per grid variable, each counting that variable's values. A design's index in the
 * space (its number in {@code igc sweep}) and its coordinates map one to one, in the sweep's order: the list entry
 * varies slowest, then the grid variables as written.
 *
 * @param names what each axis chooses ({@code list} for the entries, else the grid variable)
 * @param sizes how many values each axis has
 */
public record DesignAxes(List<String> names, int[] sizes) {
    /** The name of the list's axis. */
    public static final String LIST = "list";

    public DesignAxes {
        names = List.copyOf(names);
        sizes = sizes.clone();
    }

    public static DesignAxes of(DesignGrid grid) {
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        if (grid.listSize() > 0) {
            names.add(LIST);
            sizes.add(grid.listSize());
        }
        for (String g : grid.gridNames()) {
            names.add(g);
            sizes.add(grid.gridValues(g).size());
        }
        return new DesignAxes(names, sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    public int count() {
        return sizes.length;
    }

    /** How many designs: the product of the sizes. */
    public long designs() {
        long n = 1;
        for (int s : sizes) {
            n = ExactCounts.multiply(n, s);
        }
        return n;
    }

    /** The design at these coordinates (each within its axis). */
    public long index(int[] coordinates) {
        long index = 0;
        for (int a = 0; a < sizes.length; a++) {
            if (coordinates[a] < 0 || coordinates[a] >= sizes[a]) {
                throw new IllegalArgumentException("coordinate " + a + " = " + coordinates[a] + " is outside [0, " + sizes[a] + ")");
            }
            index = index * sizes[a] + coordinates[a];
        }
        return index;
    }

    /** The coordinates of a design. */
    public int[] coordinates(long index) {
        int[] c = new int[sizes.length];
        long rest = index;
        for (int a = sizes.length - 1; a >= 0; a--) {
            c[a] = (int) (rest % sizes[a]);
            rest /= sizes[a];
        }
        return c;
    }
}
