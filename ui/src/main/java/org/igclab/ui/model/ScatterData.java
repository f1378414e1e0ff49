package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.igclab.analyzer.sweep.Pareto;

/**
 * The points of the Pareto scatter: the shown designs that have both coordinates (a design not measured yet has no
 * latency), and which of them are on the Pareto front of the two (each minimized, accuracy maximized).
 *
 * @param axes    the axes
 * @param rows    the plotted designs
 * @param xs      their x values
 * @param ys      their y values
 * @param front   which are on the front
 * @param missing shown designs left out for want of a measurement (noisy ones included)
 * @param noisy   of those, the designs left out because their latency is noisy (measured under interference)
 * @param onFront the rows on the front, by identity (for the table's column)
 */
public record ScatterData(Requests.ChartAxes axes, List<DesignRow> rows, double[] xs, double[] ys, BitSet front, int missing, int noisy,
                          Set<DesignRow> onFront) {
    public static final ScatterData EMPTY = new ScatterData(new Requests.ChartAxes(Axis.PARAMS, Axis.MACS, false), List.of(),
            new double[0], new double[0], new BitSet(), 0, 0, Set.of());

    public static ScatterData of(List<DesignRow> shown, Requests.ChartAxes axes) {
        List<DesignRow> rows = new ArrayList<>(shown.size());
        boolean latencyAxis = axes.x() == Axis.LATENCY || axes.y() == Axis.LATENCY;
        int noisy = 0;
        for (DesignRow r : shown) {
            if (!Double.isNaN(axes.x().of(r)) && !Double.isNaN(axes.y().of(r))) {
                rows.add(r);
            } else if (latencyAxis && r.latencyNoisy()) {
                noisy++;
            }
        }
        int n = rows.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[][] objectives = new double[n][];
        for (int i = 0; i < n; i++) {
            xs[i] = axes.x().of(rows.get(i));
            ys[i] = axes.y().of(rows.get(i));
            objectives[i] = new double[] {axes.x().maximized() ? -xs[i] : xs[i], axes.y().maximized() ? -ys[i] : ys[i]};
        }
        BitSet front = Pareto.front(objectives);
        Set<DesignRow> onFront = Collections.newSetFromMap(new IdentityHashMap<>());
        front.stream().forEach(i -> onFront.add(rows.get(i)));
        return new ScatterData(axes, List.copyOf(rows), xs, ys, front, shown.size() - n, noisy, Collections.unmodifiableSet(onFront));
    }

    /** Why shown designs are not on the chart: not measured yet, or measured noisy (never plotted as if true); empty when none. */
    public String note() {
        String axis = axes.x().measured() ? axes.x().label() : axes.y().label();
        int unmeasured = missing - noisy;
        String s = unmeasured == 0 ? "" : String.format("%,d shown designs have no %s yet: evaluate them to place them here", unmeasured, axis);
        if (noisy > 0) {
            s += (s.isEmpty() ? "" : ". ") + String.format("%,d designs are left out because their latency was measured under "
                    + "interference (noisy): evaluate them again on a quieter machine", noisy);
        }
        return s;
    }

    public int size() {
        return xs.length;
    }

    /** The front's points in order of x, for the line through them. */
    public int[] frontByX() {
        return front.stream().boxed().sorted((a, b) -> Double.compare(xs[a], xs[b])).mapToInt(Integer::intValue).toArray();
    }

    /** The row's index among the plotted ones, by identity; -1 when it is not plotted. */
    public int indexOf(DesignRow row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == row) {
                return i;
            }
        }
        return -1;
    }
}
