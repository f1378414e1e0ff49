package org.igclab.ui.model.plot;

import java.util.List;

/**
 * Everything one chart shows, computed from the explorer's results by a plain function (and tested there): the axes,
 * the marks, the legend and a note under it. The view only draws it.
 *
 * @param title  above the chart, short enough for a third of the window
 * @param x      the horizontal axis
 * @param y      the vertical axis
 * @param marks  what is drawn, in drawing order
 * @param legend what the colours mean
 * @param note   a line under the chart (designs left out, a degenerate choice of axes), or empty
 */
public record Plot(String title, PlotAxis x, PlotAxis y, List<Mark> marks, List<LegendEntry> legend, String note) {
    public Plot {
        marks = List.copyOf(marks);
        legend = List.copyOf(legend);
    }

    /** An axis: its label (with the unit), and whether it is on decades or whole numbers. */
    public record PlotAxis(String label, boolean log, boolean whole) {
        /** The value as plotted: {@code log10} of it on a log axis. */
        public double plotted(double value) {
            return log ? Math.log10(value) : value;
        }

        /** Whether the value can be placed (a log axis has no place for 0 or less). */
        public boolean places(double value) {
            return Double.isFinite(value) && (!log || value > 0);
        }
    }

    /** A legend line: a sample of the ink in a shape, and what it means. */
    public record LegendEntry(Ink ink, Sample sample, String text) {
    }

    /** How a legend entry draws its sample. */
    public enum Sample {
        DOT, RING, LINE, DASHED, LINE_WITH_DOT, DIAMOND, SWATCH
    }

    /** An empty chart with a message in its note. */
    public static Plot empty(String title, PlotAxis x, PlotAxis y, String note) {
        return new Plot(title, x, y, List.of(), List.of(), note);
    }

    /** What identifies the axes, for a viewport to tell new points on the same axes from a new pair of axes. */
    public Object axesKey() {
        return List.of(x, y);
    }

    /** The range that shows every mark whole, with a margin. */
    public Range range() {
        double[] xs = {Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] ys = {Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Mark m : marks) {
            if (m instanceof Mark.Dot d) {
                take(d.x(), d.y(), xs, ys);
            } else if (m instanceof Mark.Diamond d) {
                take(d.x(), d.y(), xs, ys);
            } else if (m instanceof Mark.Line l) {
                for (int i = 0; i < l.xs().length; i++) {
                    take(l.xs()[i], l.ys()[i], xs, ys);
                }
            } else if (m instanceof Mark.Raster r) {
                take(r.x0(), r.y0(), xs, ys);
                take(r.x1(), r.y1(), xs, ys);
            }
        }
        if (xs[0] > xs[1]) {
            return Range.around(0, 1, 0, 1, false, false, false, false);
        }
        if (marks.size() == 1 && marks.get(0) instanceof Mark.Raster) {
            // an image fills its rectangle exactly: no margin around the matrix
            return new Range(xs[0], xs[1], ys[0], ys[1]);
        }
        return Range.around(xs[0], xs[1], ys[0], ys[1], x.whole(), y.whole(), x.log(), y.log());
    }

    private void take(double vx, double vy, double[] xs, double[] ys) {
        if (x.places(vx) && y.places(vy)) {
            double px = x.plotted(vx);
            double py = y.plotted(vy);
            xs[0] = Math.min(xs[0], px);
            xs[1] = Math.max(xs[1], px);
            ys[0] = Math.min(ys[0], py);
            ys[1] = Math.max(ys[1], py);
        }
    }
}
