package org.igclab.analyzer.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.igclab.analyzer.io.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts of the command line (a sweep's front, a budget's widths, an enumeration, learning curves, a study), drawn
 * with JFreeChart as PNG or, with JFreeSVG, SVG, and written whole or not at all.
 */
public final class Plots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    /** A colour-blind-safe palette (Tableau 10), cycled for plain series. */
    private static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF)};
    private static final Color HIGHLIGHT = new Color(0xD6, 0x27, 0x28);

    /** How a series is drawn. */
    public enum Style {
        /** Small translucent dots, no line: the mass of designs or trials. */
        POINTS,
        /** Dots joined by a line, in x order: a curve. */
        LINE,
        /** Large red dots joined by a line, in x order: a Pareto front, an optimum. */
        HIGHLIGHT,
        /** Large squares, no line: single marked points. */
        MARKED
    }

    /**
     * One named set of points.
     *
     * @param name   its legend entry
     * @param points each point's (x, y)
     * @param style  how it is drawn
     */
    public record Series(String name, List<double[]> points, Style style) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * What to draw.
     *
     * @param title  the chart's title
     * @param xLabel the horizontal axis
     * @param yLabel the vertical axis
     * @param series drawn in this order, the first on top
     * @param logX   a logarithmic horizontal axis (every x must be positive)
     * @param logY   a logarithmic vertical axis (every y must be positive)
     */
    public record Chart(String title, String xLabel, String yLabel, List<Series> series, boolean logX, boolean logY) {
        public Chart {
            series = List.copyOf(series);
        }

        /** A chart on linear axes. */
        public Chart(String title, String xLabel, String yLabel, List<Series> series) {
            this(title, xLabel, yLabel, series, false, false);
        }
    }

    /**
     * Whether values are better read on a logarithmic axis: all positive, spanning two decades or more (a sweep's
     * parameters from thousands to millions).
     */
    public static boolean spansDecades(List<Series> series, int coordinate) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] p : s.points()) {
                min = Math.min(min, p[coordinate]);
                max = Math.max(max, p[coordinate]);
            }
        }
        return min > 0 && max / min >= 100;
    }

    private Plots() {
    }

    /** The file's format from its name: {@code png} or {@code svg}; anything else is an {@link IllegalArgumentException}. */
    public static String format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".svg")) {
            return "svg";
        }
        throw new IllegalArgumentException(file + ": a plot is written as .png or .svg");
    }

    /** Writes the chart in the format {@code file}'s name asks for, atomically, replacing a file only with {@code force}. */
    public static void write(Path file, Chart chart, boolean force) throws IOException {
        AtomicFiles.write(file, bytes(chart, format(file)), force);
    }

    /** The chart as a PNG image or an SVG document. */
    public static byte[] bytes(Chart c, String format) {
        JFreeChart chart = chart(c);
        if (format.equals("svg")) {
            SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
            return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JFreeChart of {@code c}. */
    public static JFreeChart chart(Chart c) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        int plain = 0;
        for (int i = 0; i < c.series().size(); i++) {
            Series s = c.series().get(i);
            XYSeries xy = new XYSeries(s.name() + " ", s.style() == Style.LINE || s.style() == Style.HIGHLIGHT, true);
            s.points().forEach(p -> xy.add(p[0], p[1]));
            data.addSeries(xy);
            Color colour = s.style() == Style.HIGHLIGHT ? HIGHLIGHT : PALETTE[plain++ % PALETTE.length];
            r.setSeriesPaint(i, s.style() == Style.POINTS ? new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0x99) : colour);
            r.setSeriesLinesVisible(i, s.style() == Style.LINE || s.style() == Style.HIGHLIGHT);
            r.setSeriesShapesVisible(i, true);
            r.setSeriesShape(i, shape(s.style()));
            r.setSeriesStroke(i, new BasicStroke(s.style() == Style.HIGHLIGHT ? 2f : 1.5f));
        }
        boolean wholeX = c.series().stream().flatMap(s -> s.points().stream()).allMatch(p -> p[0] == Math.rint(p[0]));
        XYPlot plot = new XYPlot(data, axis(c.xLabel(), c.logX(), wholeX, magnitude(c, 0)), axis(c.yLabel(), c.logY(), false, magnitude(c, 1)), r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(c.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The largest absolute value of a coordinate, so that an axis over one value (one epoch, one design) still has a span. */
    private static double magnitude(Chart c, int coordinate) {
        return c.series().stream().flatMap(s -> s.points().stream()).mapToDouble(p -> Math.abs(p[coordinate])).max().orElse(1);
    }

    private static ValueAxis axis(String label, boolean log, boolean whole, double magnitude) {
        if (log) {
            LogAxis axis = new LogAxis(label);
            axis.setSmallestValue(1e-9);
            // plain numbers (2,000, 50,000), not powers of ten with fractional exponents
            axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(Math.max(whole ? 2 : 1e-9, magnitude / 10));
        if (whole) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return axis;
    }

    private static Shape shape(Style style) {
        return switch (style) {
            case POINTS -> new Ellipse2D.Double(-3, -3, 6, 6);
            case LINE -> new Ellipse2D.Double(-3.5, -3.5, 7, 7);
            case HIGHLIGHT -> new Ellipse2D.Double(-5, -5, 10, 10);
            case MARKED -> new Rectangle2D.Double(-6, -6, 12, 12);
        };
    }
}
