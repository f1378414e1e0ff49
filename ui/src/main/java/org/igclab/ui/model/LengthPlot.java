package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.plot.Ink;
import org.igclab.ui.model.plot.Mark;
import org.igclab.ui.model.plot.Plot;

/** Parameters against L as marks: per width its cheapest chains (dots on a line), the AM-GM bound (dashed) and its optimum. */
public final class LengthPlot {
    public static final String TITLE = "Parameters against L";

    private LengthPlot() {
    }

    public static Plot of(LengthCurves curves, boolean log) {
        Plot.PlotAxis x = new Plot.PlotAxis("kernels L", false, true);
        Plot.PlotAxis y = new Plot.PlotAxis("weights", log, false);
        List<Mark> marks = new ArrayList<>();
        List<Plot.LegendEntry> legend = new ArrayList<>();
        for (LengthCurves.Curve c : curves.curves()) {
            Ink ink = Ink.series(c.series());
            marks.add(line(c.bound(), ink, true));
            marks.add(line(c.best(), ink, false));
            for (int k = 0; k < c.best().size(); k++) {
                LengthCurves.Point p = c.best().get(k);
                marks.add(Mark.Dot.plain(p.length(), p.weights(), ink, 4, String.format("C = %d, L = %d: K = (%s), %s weights",
                        c.channels(), (int) p.length(), c.bestGroupSizes().get(k), TextTable.grouped(Math.round(p.weights())))));
            }
            LengthCurves.Point o = c.optimum();
            marks.add(new Mark.Diamond(o.length(), o.weights(), Ink.OPTIMUM, String.format("C = %d: %s = %.2f, Q* = %s", c.channels(),
                    c.formula(), o.length(), TextTable.grouped(Math.round(o.weights())))));
            legend.add(new Plot.LegendEntry(ink, Plot.Sample.LINE_WITH_DOT, "C = " + c.channels()));
        }
        legend.add(new Plot.LegendEntry(Ink.NEUTRAL, Plot.Sample.DASHED, "AM-GM bound"));
        legend.add(new Plot.LegendEntry(Ink.OPTIMUM, Plot.Sample.DIAMOND, "optimum (L*, Q*)"));
        return new Plot(TITLE, x, y, marks, legend, "");
    }

    private static Mark.Line line(List<LengthCurves.Point> points, Ink ink, boolean dashed) {
        return new Mark.Line(points.stream().mapToDouble(LengthCurves.Point::length).toArray(),
                points.stream().mapToDouble(LengthCurves.Point::weights).toArray(), ink, dashed, false);
    }
}
