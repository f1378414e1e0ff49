package org.igclab.analyzer.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.plot.Plots;

/**
 * A study's trials on two objectives, its Pareto front marked, drawn by {@link Plots} as PNG or SVG. Written whole or
 * not at all.
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

    /** The file's format from its name: {@code png} or {@code svg}; anything else is an {@link IllegalArgumentException}. */
    public static String format(Path file) {
        return Plots.format(file);
    }

    public static void write(Path file, Chart c, boolean force) throws IOException {
        Plots.write(file, chart(c), force);
    }

    /** The trials as points, the front on top of them as a line of large dots. */
    static Plots.Chart chart(Chart c) {
        return new Plots.Chart(c.title(), c.xLabel(), c.yLabel(), List.of(new Plots.Series("Pareto front", c.front(), Plots.Style.HIGHLIGHT),
                new Plots.Series("trials", c.trials(), Plots.Style.POINTS)));
    }
}
