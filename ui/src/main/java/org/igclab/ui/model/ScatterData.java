package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.igclab.analyzer.sweep.Pareto;
import org.igclab.ui.model.plot.Range;

/**
 * The points of a Pareto scatter: the shown designs that have both coordinates (a design not measured yet has no
 * latency), which of them are on the Pareto front of the two (each minimized, accuracy maximized), and apart from them
 * the designs whose latency was measured under interference (noisy): drawn marked, never on the front.
 *
 * @param axes       the axes
 * @param rows       the plotted designs
 * @param xs         their x values
 * @param ys         their y values
 * @param front      which are on the front
 * @param noisyRows  designs with a noisy latency on a latency axis (and the other coordinate)
 * @param noisyXs    their x values
 * @param noisyYs    their y values
 * @param unmeasured shown designs without the measurement an axis needs
 * @param onFront    the rows on the front, by identity (for the table's column)
 */
public record ScatterData(Requests.ChartAxes axes, List<DesignRow> rows, double[] xs, double[] ys, BitSet front,
                          List<DesignRow> noisyRows, double[] noisyXs, double[] noisyYs, int unmeasured, Set<DesignRow> onFront) {
    public static final ScatterData EMPTY = of(List.of(), new Requests.ChartAxes(Axis.PARAMS, Axis.LENGTH, true, false));

    public static ScatterData of(List<DesignRow> shown, Requests.ChartAxes axes) {
        List<DesignRow> rows = new ArrayList<>(shown.size());
        List<DesignRow> noisy = new ArrayList<>();
        for (DesignRow r : shown) {
            if (!Double.isNaN(axes.x().of(r)) && !Double.isNaN(axes.y().of(r))) {
                rows.add(r);
            } else if (!Double.isNaN(axes.x().anyOf(r)) && !Double.isNaN(axes.y().anyOf(r))) {
                noisy.add(r);
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
        double[] nx = noisy.stream().mapToDouble(axes.x()::anyOf).toArray();
        double[] ny = noisy.stream().mapToDouble(axes.y()::anyOf).toArray();
        return new ScatterData(axes, List.copyOf(rows), xs, ys, front, List.copyOf(noisy), nx, ny,
                shown.size() - n - noisy.size(), Collections.unmodifiableSet(onFront));
    }

    /** Why shown designs are not on the front, or not on the chart at all; empty when every one is there. */
    public String note() {
        Axis axis = axes.x().mayBeMissing() ? axes.x() : axes.y();
        List<String> parts = new ArrayList<>();
        if (unmeasured > 0 && axis == Axis.LATENCY_PRED) {
            parts.add(rows.isEmpty() ? "No predicted latency: the results store has no calibration; igc calibrate --store with this "
                    + "store makes one (a few minutes; --quick for a first one)" : String.format("%,d shown designs are not predicted yet", unmeasured));
        } else if (unmeasured > 0) {
            parts.add(String.format("%,d shown designs have no %s yet: evaluate them to place them here", unmeasured, axis.label()));
        }
        if ((axes.x() == Axis.LATENCY_PRED || axes.y() == Axis.LATENCY_PRED)
                && rows.stream().anyMatch(r -> r.predicted() != null && r.predicted().otherMachine())) {
            parts.add("Latency predicted from another machine's calibration: igc calibrate on this machine predicts its own");
        }
        if (!noisyRows.isEmpty()) {
            parts.add(String.format("%,d latencies measured under interference (noisy) are grey rings, left out of the front: "
                    + "evaluate them again on a quieter machine", noisyRows.size()));
        }
        proportional().ifPresent(parts::add);
        return String.join(". ", parts);
    }

    /**
     * When every point lies on one line through the origin (a bare block's MACs are its weights times the input's
     * positions), the scatter cannot tell designs apart: says so, with the ratio.
     */
    java.util.Optional<String> proportional() {
        if (xs.length < 2 || axes.x().mayBeMissing() || axes.y().mayBeMissing() || axes.x() == axes.y()) {
            return java.util.Optional.empty();
        }
        double ratio = ys[0] / xs[0];
        boolean distinct = false;
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(ys[i] - ratio * xs[i]) > 1e-9 * Math.abs(ys[i])) {
                return java.util.Optional.empty();
            }
            distinct |= xs[i] != xs[0];
        }
        return distinct ? java.util.Optional.of(String.format("Every design lies on one line (%s = %s x %s): choose another axis, "
                + "such as kernels L, to tell them apart", axes.y().label(), org.igclab.analyzer.text.TextTable.grouped(Math.round(ratio)),
                axes.x().label())) : java.util.Optional.empty();
    }

    public int size() {
        return xs.length;
    }

    /** The front's points in order of x, for the line through them. */
    public int[] frontByX() {
        return front.stream().boxed().sorted((a, b) -> xs[a] != xs[b] ? Double.compare(xs[a], xs[b])
                : axes.y().maximized() ? Double.compare(ys[a], ys[b]) : Double.compare(ys[b], ys[a])).mapToInt(Integer::intValue).toArray();
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

    /** The designs inside a range of plotted values (a box the user dragged), noisy ones included, in table order. */
    public List<DesignRow> within(Range box) {
        List<DesignRow> inside = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (box.contains(plotX(xs[i]), plotY(ys[i]))) {
                inside.add(rows.get(i));
            }
        }
        for (int i = 0; i < noisyRows.size(); i++) {
            if (box.contains(plotX(noisyXs[i]), plotY(noisyYs[i]))) {
                inside.add(noisyRows.get(i));
            }
        }
        return inside;
    }

    private double plotX(double v) {
        return axes.xOnDecades() ? Math.log10(v) : v;
    }

    private double plotY(double v) {
        return axes.yOnDecades() ? Math.log10(v) : v;
    }
}
