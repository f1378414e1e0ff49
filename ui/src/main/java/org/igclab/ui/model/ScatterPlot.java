package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.igclab.ui.model.plot.Ink;
import org.igclab.ui.model.plot.Mark;
import org.igclab.ui.model.plot.Plot;

/**
 * The Pareto scatter as marks: designs that coincide drawn once with their count beside them, the front as a stepped
 * line through its points, noisy latencies as grey rings, the selected design ringed and the chosen ones (a box
 * selection, a comparison) ringed thinly.
 */
public final class ScatterPlot {
    /** Most designs a hover names at one point; the rest are counted. */
    static final int NAMED = 4;

    private ScatterPlot() {
    }

    public static Plot of(String title, ScatterData data, DesignRow selected, Collection<DesignRow> chosen) {
        Axis ax = data.axes().x();
        Axis ay = data.axes().y();
        Plot.PlotAxis x = new Plot.PlotAxis(ax.label(), data.axes().xOnDecades(), ax.whole());
        Plot.PlotAxis y = new Plot.PlotAxis(ay.label(), data.axes().yOnDecades(), ay.whole());
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < data.noisyRows().size(); i++) {
            DesignRow r = data.noisyRows().get(i);
            marks.add(new Mark.Dot(data.noisyXs()[i], data.noisyYs()[i], Ink.NOISY, 4, true, 1,
                    r.label() + "\n" + ax.label() + ": " + ax.format(data.noisyXs()[i]) + "\n" + ay.label() + ": "
                            + ay.format(data.noisyYs()[i]) + " (noisy: measured under interference, not on the front)", List.of(r)));
        }
        Map<List<Double>, List<Integer>> points = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            points.computeIfAbsent(List.of(data.xs()[i], data.ys()[i]), k -> new ArrayList<>()).add(i);
        }
        for (boolean frontPass : new boolean[] {false, true}) {
            if (frontPass) {
                marks.add(front(data));
            }
            for (List<Integer> at : points.values()) {
                boolean onFront = data.front().get(at.get(0));
                if (onFront == frontPass) {
                    marks.add(dot(data, at, onFront));
                }
            }
        }
        Set<DesignRow> ringed = Collections.newSetFromMap(new IdentityHashMap<>());
        ringed.addAll(chosen);
        for (DesignRow r : ringed) {
            ring(data, r, 6.5).ifPresent(marks::add);
        }
        if (selected != null) {
            ring(data, selected, 8).ifPresent(marks::add);
        }
        List<Plot.LegendEntry> legend = List.of(new Plot.LegendEntry(Ink.DESIGN, Plot.Sample.DOT, "design"),
                new Plot.LegendEntry(Ink.FRONT, Plot.Sample.LINE_WITH_DOT, "Pareto front"),
                new Plot.LegendEntry(Ink.SELECTED, Plot.Sample.RING, "selected"));
        if (!data.noisyRows().isEmpty()) {
            legend = new ArrayList<>(legend);
            legend.add(new Plot.LegendEntry(Ink.NOISY, Plot.Sample.RING, "noisy latency"));
        }
        return new Plot(title, x, y, marks, legend, data.note());
    }

    /** The title of a scatter: {@code latency (ms) against MACs}. */
    public static String title(Requests.ChartAxes axes) {
        return axes.y().label() + " against " + axes.x().label();
    }

    private static Mark.Dot dot(ScatterData data, List<Integer> at, boolean onFront) {
        int first = at.get(0);
        List<DesignRow> rows = at.stream().map(data.rows()::get).toList();
        Axis ax = data.axes().x();
        Axis ay = data.axes().y();
        StringBuilder hover = new StringBuilder();
        if (rows.size() == 1) {
            hover.append(rows.get(0).label());
        } else {
            hover.append(String.format("%,d designs here:", rows.size()));
            rows.stream().limit(NAMED).forEach(r -> hover.append("\n  ").append(r.label()));
            if (rows.size() > NAMED) {
                hover.append(String.format("%n  and %,d more", rows.size() - NAMED));
            }
        }
        hover.append('\n').append(ax.label()).append(": ").append(ax.format(data.xs()[first]));
        hover.append('\n').append(ay.label()).append(": ").append(ay.format(data.ys()[first]));
        if (onFront) {
            hover.append("\non the Pareto front");
        }
        double radius = (onFront ? 4.5 : 3.5) + Math.min(3, Math.log10(rows.size()) * 1.5);
        return new Mark.Dot(data.xs()[first], data.ys()[first], onFront ? Ink.FRONT : Ink.DESIGN, radius, false, rows.size(),
                hover.toString(), rows);
    }

    /** The staircase through the front's points: across to the next point's x, then to its y. */
    private static Mark.Line front(ScatterData data) {
        int[] order = data.frontByX();
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            double px = data.xs()[order[k]];
            double py = data.ys()[order[k]];
            if (points.isEmpty() || points.get(points.size() - 1)[0] != px || points.get(points.size() - 1)[1] != py) {
                points.add(new double[] {px, py});
            }
        }
        return new Mark.Line(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray(),
                Ink.FRONT, false, true);
    }

    private static java.util.Optional<Mark.Dot> ring(ScatterData data, DesignRow row, double radius) {
        int i = data.indexOf(row);
        if (i >= 0) {
            return java.util.Optional.of(new Mark.Dot(data.xs()[i], data.ys()[i], Ink.SELECTED, radius, true, 1, "", List.of()));
        }
        int n = data.noisyRows().indexOf(row);
        return n < 0 ? java.util.Optional.empty()
                : java.util.Optional.of(new Mark.Dot(data.noisyXs()[n], data.noisyYs()[n], Ink.SELECTED, radius, true, 1, "", List.of()));
    }
}
