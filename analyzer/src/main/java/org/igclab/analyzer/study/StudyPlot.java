package org.igclab.analyzer.study;

import java.util.List;
import org.igclab.analyzer.plot.Plots;

/**
 * A study's trials on two objectives, its Pareto front marked, as a chart {@link Plots} draws as PNG or SVG.
 */
public final class StudyPlot {

    /**
     * What to draw.
     *
     * @param title  the chart's title
     * @param xLabel the first objective, as written
     * @param yLabel the second
     * @param trials every ranked trial's (x, y), as read (not negated)
     * @param front  the front's trials' (x, y)
     */
    public record Chart(String title, String xLabel, String yLabel, List<double[]> trials, List<double[]> front) {
    }

    private StudyPlot() {
    }

    /** The trials as points, the front on top of them as a line of large dots. */
    public static Plots.Chart chart(Chart c) {
        return new Plots.Chart(c.title(), c.xLabel(), c.yLabel(), List.of(new Plots.Series("Pareto front", c.front(), Plots.Style.HIGHLIGHT),
                new Plots.Series("trials", c.trials(), Plots.Style.POINTS)));
    }
}
