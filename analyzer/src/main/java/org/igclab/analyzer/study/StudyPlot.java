package org.igclab.analyzer.study;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.igclab.analyzer.io.AtomicFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A study's trials on two objectives, its Pareto front marked, drawn with JFreeChart as PNG or (with JFreeSVG) SVG.
 * Written whole or not at all.
 */
public final class StudyPlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

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
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".svg")) {
            return "svg";
        }
        throw new IllegalArgumentException(file + ": a plot is written as .png or .svg");
    }

    public static void write(Path file, Chart c, boolean force) throws IOException {
        String format = format(file);
        JFreeChart chart = chart(c);
        byte[] bytes;
        if (format.equals("png")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            bytes = out.toByteArray();
        } else {
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
            bytes = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        }
        AtomicFiles.write(file, bytes, force);
    }

    static JFreeChart chart(Chart c) {
        XYSeries trials = series("trials", c.trials());
        XYSeries front = series("Pareto front", c.front());
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(front);
        data.addSeries(trials);
        JFreeChart chart = ChartFactory.createScatterPlot(c.title(), c.xLabel(), c.yLabel(), data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, new Color(0xD6, 0x27, 0x28));
        r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        r.setSeriesPaint(1, new Color(0x1F, 0x77, 0xB4, 0x99));
        r.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    private static XYSeries series(String name, List<double[]> points) {
        XYSeries s = new XYSeries(name, false, true);
        points.forEach(p -> s.add(p[0], p[1]));
        return s;
    }
}
