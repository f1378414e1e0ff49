package org.igclab.ui.view;

import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.Axis;
import org.igclab.ui.model.DesignRow;
import org.igclab.ui.model.ScatterData;

/**
 * The Pareto scatter: a JavaFX chart whose points are painted on one canvas inside its plot area. A symbol node per
 * point (as {@code ScatterChart} makes) costs the FX thread tens of milliseconds of CSS and layout per thousand
 * designs; painting keeps a few thousand points responsive. Hovering a point names it; clicking selects it.
 */
final class ParetoChart extends XYChart<Number, Number> {
    private static final double HIT_RADIUS = 8;

    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final Consumer<DesignRow> onPick;
    private ScatterData data = ScatterData.EMPTY;
    private DesignRow selected;
    private double[] px = new double[0];
    private double[] py = new double[0];

    ParetoChart(Consumer<DesignRow> onPick) {
        super(new NumberAxis(), new NumberAxis());
        this.onPick = onPick;
        // an XYChart without a data list skips its layout altogether, axes included
        setData(javafx.collections.FXCollections.observableArrayList());
        setId("paretoChart");
        setAnimated(false);
        setLegendVisible(false);
        setMinSize(200, 180);
        getXAxis().setAnimated(false);
        getYAxis().setAnimated(false);
        hover.getStyleClass().add("chart-hover");
        hover.setId("scatterHover");
        hover.setVisible(false);
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        getPlotChildren().addAll(canvas, hover);
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> hover.setVisible(false));
        canvas.setOnMouseClicked(e -> {
            int i = nearest(e.getX(), e.getY());
            if (i >= 0) {
                onPick.accept(data.rows().get(i));
            }
        });
    }

    /** Shows new points; the axes are fitted to them. */
    void show(ScatterData points, DesignRow chosen) {
        data = points;
        selected = chosen;
        Axis ax = points.axes().x();
        Axis ay = points.axes().y();
        boolean logX = logX();
        boolean logY = logY();
        getXAxis().setLabel(ax.label() + (logX ? " (log scale)" : ""));
        getYAxis().setLabel(ay.label() + (logY ? " (log scale)" : ""));
        AxisScale.range((NumberAxis) getXAxis(), min(points.xs(), logX), max(points.xs(), logX), logX, ax.whole());
        AxisScale.range((NumberAxis) getYAxis(), min(points.ys(), logY), max(points.ys(), logY), logY, ay.whole());
        requestChartLayout();
    }

    void select(DesignRow chosen) {
        selected = chosen;
        paint();
    }

    /** The number of points painted, for tests. */
    int points() {
        return data.size();
    }

    /** Where point {@code i} is painted, in the canvas's coordinates (for tests that hover or click it). */
    double[] position(int i) {
        return new double[] {px[i], py[i]};
    }

    Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutPlotChildren() {
        canvas.setWidth(getXAxis().getWidth());
        canvas.setHeight(getYAxis().getHeight());
        paint();
    }

    private boolean logX() {
        return data.axes().log() && data.axes().x().loggable();
    }

    private boolean logY() {
        return data.axes().log() && data.axes().y().loggable();
    }

    private void paint() {
        boolean logX = logX();
        boolean logY = logY();
        int n = data.size();
        px = new double[n];
        py = new double[n];
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        for (int i = 0; i < n; i++) {
            px[i] = x.getDisplayPosition(AxisScale.plotted(data.xs()[i], logX));
            py[i] = y.getDisplayPosition(AxisScale.plotted(data.ys()[i], logY));
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFill(Styles.DESIGN.deriveColor(0, 1, 1, 0.55));
        for (int i = 0; i < n; i++) {
            if (!data.front().get(i)) {
                g.fillOval(px[i] - 3, py[i] - 3, 6, 6);
            }
        }
        int[] front = data.frontByX();
        g.setStroke(Styles.FRONT);
        g.setLineWidth(1.5);
        for (int k = 1; k < front.length; k++) {
            g.strokeLine(px[front[k - 1]], py[front[k - 1]], px[front[k]], py[front[k]]);
        }
        g.setFill(Styles.FRONT);
        g.setStroke(Color.web("#7a3300"));
        g.setLineWidth(1);
        for (int i : front) {
            g.fillOval(px[i] - 4.5, py[i] - 4.5, 9, 9);
            g.strokeOval(px[i] - 4.5, py[i] - 4.5, 9, 9);
        }
        int s = selected == null ? -1 : data.indexOf(selected);
        if (s >= 0) {
            g.setStroke(Styles.SELECTED);
            g.setLineWidth(2.5);
            g.strokeOval(px[s] - 8, py[s] - 8, 16, 16);
        }
    }

    private void hover(MouseEvent e) {
        int i = nearest(e.getX(), e.getY());
        if (i < 0) {
            hover.setVisible(false);
            return;
        }
        DesignRow r = data.rows().get(i);
        Axis ax = data.axes().x();
        Axis ay = data.axes().y();
        hover.setText(r.label() + "\n" + ax.label() + ": " + value(ax, data.xs()[i]) + "\n" + ay.label() + ": " + value(ay, data.ys()[i])
                + (data.front().get(i) ? "\non the Pareto front" : ""));
        hover.autosize();
        // keep the label inside the plot: flip it to the left of (or above) the point near the far edges
        double lx = px[i] + 10 + hover.getWidth() > canvas.getWidth() ? px[i] - 10 - hover.getWidth() : px[i] + 10;
        double ly = py[i] + 10 + hover.getHeight() > canvas.getHeight() ? py[i] - 10 - hover.getHeight() : py[i] + 10;
        hover.relocate(Math.max(0, lx), Math.max(0, ly));
        hover.setVisible(true);
    }

    private static String value(Axis axis, double v) {
        return switch (axis) {
            case PARAMS, MACS, LENGTH -> TextTable.grouped(Math.round(v));
            case LATENCY -> String.format("%.2f ms", v);
            case ACCURACY -> String.format("%.1f%%", 100 * v);
        };
    }

    /** The point within {@link #HIT_RADIUS} pixels nearest to (x, y), or -1. */
    int nearest(double x, double y) {
        int best = -1;
        double bestD = HIT_RADIUS * HIT_RADIUS;
        for (int i = 0; i < px.length; i++) {
            double d = (px[i] - x) * (px[i] - x) + (py[i] - y) * (py[i] - y);
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private static double min(double[] v, boolean log) {
        double m = Double.MAX_VALUE;
        for (double d : v) {
            m = Math.min(m, AxisScale.plotted(d, log));
        }
        return v.length == 0 ? 0 : m;
    }

    private static double max(double[] v, boolean log) {
        double m = -Double.MAX_VALUE;
        for (double d : v) {
            m = Math.max(m, AxisScale.plotted(d, log));
        }
        return v.length == 0 ? 1 : m;
    }

    // the chart holds no series: its points come from show()
    @Override
    protected void dataItemAdded(Series<Number, Number> series, int itemIndex, Data<Number, Number> item) {
    }

    @Override
    protected void dataItemRemoved(Data<Number, Number> item, Series<Number, Number> series) {
    }

    @Override
    protected void dataItemChanged(Data<Number, Number> item) {
    }

    @Override
    protected void seriesAdded(Series<Number, Number> series, int seriesIndex) {
    }

    @Override
    protected void seriesRemoved(Series<Number, Number> series) {
    }

    @Override
    protected void updateAxisRange() {
        // the ranges are set in show(); the default would fit the (empty) series
    }
}
