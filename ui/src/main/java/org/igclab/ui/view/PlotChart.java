package org.igclab.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.igclab.ui.model.AxisLabel;
import org.igclab.ui.model.plot.Mark;
import org.igclab.ui.model.plot.Plot;
import org.igclab.ui.model.plot.Range;
import org.igclab.ui.model.plot.Viewport;

/**
 * A chart of a {@link Plot}: JavaFX's chart with its axes ({@link NiceAxis}), the marks painted on one canvas inside
 * the plot area (a node per point would cost the FX thread tens of milliseconds per thousand designs). Scroll to zoom
 * about the pointer, drag to pan, Shift+drag a box to select what is in it, double-click to show everything again;
 * hovering a point names it and clicking picks it.
 */
final class PlotChart extends XYChart<Number, Number> {
    /** The canvas's property that paints its marks elsewhere (the SVG writer looks it up). */
    static final String PAINTER = "igc.markPainter";
    private static final double HIT_RADIUS = 8;
    /** A press that moves less than this is a click, not a drag. */
    private static final double DRAG_SLOP = 3;

    /** A mark's place on the canvas, for hovering and clicking. */
    record Hit(double x, double y, Mark mark) {
    }

    private final NiceAxis x;
    private final NiceAxis y;
    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final Rectangle box = new Rectangle();
    private final Viewport viewport = new Viewport();
    private final List<Hit> hits = new ArrayList<>();
    /** Where count labels were written in this painting: a label that would overlap one is left out (hover tells). */
    private final List<double[]> labels = new ArrayList<>();
    /** The boxes of the dots painted, and the count labels waiting for them all to be painted. */
    private final List<double[]> discs = new ArrayList<>();
    private final List<CountLabel> pending = new ArrayList<>();

    private record CountLabel(double[] box, String text) {
    }
    private Plot plot = Plot.empty("", new Plot.PlotAxis("", false, false), new Plot.PlotAxis("", false, false), "");
    private Palette palette = Palette.LIGHT;
    private Consumer<List<?>> onPick = keys -> { };
    private Consumer<Range> onBox;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private boolean boxing;

    PlotChart(String id) {
        this(id, new NiceAxis(), new NiceAxis());
    }

    private PlotChart(String id, NiceAxis x, NiceAxis y) {
        super(x, y);
        this.x = x;
        this.y = y;
        // an XYChart without a data list skips its layout altogether, axes included
        setData(FXCollections.observableArrayList());
        setId(id);
        setAnimated(false);
        setLegendVisible(false);
        // zero lines would mark 1 (log10 of it is 0) on a decade axis: a line at 1 ms that means nothing
        setHorizontalZeroLineVisible(false);
        setVerticalZeroLineVisible(false);
        setMinSize(180, 150);
        hover.getStyleClass().add("chart-hover");
        hover.setId(id + "Hover");
        hover.setVisible(false);
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        box.getStyleClass().add("selection-box");
        box.setVisible(false);
        box.setManaged(false);
        box.setMouseTransparent(true);
        getPlotChildren().addAll(canvas, box, hover);
        canvas.getProperties().put(PAINTER, (Consumer<MarkPainter>) this::paint);
        viewport.onChange(this::showRange);
        x.widthProperty().addListener((o, was, now) -> labelAxes());
        y.heightProperty().addListener((o, was, now) -> labelAxes());
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> hover.setVisible(false));
        canvas.setOnScroll(this::zoom);
        canvas.setOnMousePressed(this::press);
        canvas.setOnMouseDragged(this::drag);
        canvas.setOnMouseReleased(this::release);
        canvas.setOnMouseClicked(this::click);
    }

    /** Shows a new plot, keeping a zoom the user made on the same axes. */
    void show(Plot p) {
        plot = p;
        setTitle(p.title());
        labelAxes();
        viewport.fit(p.range(), p.axesKey());
    }

    /** Each axis's label as long as its axis has room for: a short chart's vertical axis says less than the title. */
    private void labelAxes() {
        if (plot == null) {
            return;
        }
        x.setLabel(AxisLabel.fit(plot.x().label(), plot.x().log(), x.getWidth(), this::labelWidth));
        y.setLabel(AxisLabel.fit(plot.y().label(), plot.y().log(), y.getHeight(), this::labelWidth));
    }

    private double labelWidth(String text) {
        Text probe = new Text(text);
        if (y.lookup(".axis-label") instanceof Label l) {
            probe.setFont(l.getFont());
        }
        // the label's own padding
        return probe.getLayoutBounds().getWidth() + 6;
    }

    void palette(Palette p) {
        palette = p;
        paint();
    }

    /** Clicking a point gives its keys (designs). */
    void onPick(Consumer<List<?>> pick) {
        onPick = pick;
    }

    /** Shift+drag gives the range of the box; without this, Shift+drag pans like a drag. */
    void onBox(Consumer<Range> selectBox) {
        onBox = selectBox;
    }

    Viewport viewport() {
        return viewport;
    }

    Plot plot() {
        return plot;
    }

    Canvas canvas() {
        return canvas;
    }

    NiceAxis xAxis() {
        return x;
    }

    NiceAxis yAxis() {
        return y;
    }

    /** The marks with something to say when hovered, where they are painted (canvas coordinates). */
    List<Hit> hits() {
        return List.copyOf(hits);
    }

    private void showRange(Range r) {
        x.show(r.xLo(), r.xHi(), plot.x().log(), plot.x().whole());
        y.show(r.yLo(), r.yHi(), plot.y().log(), plot.y().whole());
        requestChartLayout();
        paint();
    }

    @Override
    protected void layoutPlotChildren() {
        canvas.setWidth(x.getWidth());
        canvas.setHeight(y.getHeight());
        paint();
    }

    private void paint() {
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        hits.clear();
        paint(MarkPainter.on(g));
    }

    /** Paints the marks at the axes' current scale. */
    private void paint(MarkPainter p) {
        labels.clear();
        discs.clear();
        pending.clear();
        for (Mark m : plot.marks()) {
            if (m instanceof Mark.Raster r) {
                double left = px(r.x0());
                double top = py(r.y1());
                p.image(left, top, px(r.x1()) - left, py(r.y0()) - top, r.columns(), r.rows(), r.argb());
            } else if (m instanceof Mark.Line l) {
                line(p, l);
            } else if (m instanceof Mark.Diamond d && places(d.x(), d.y())) {
                double cx = px(d.x());
                double cy = py(d.y());
                p.polygon(new double[] {cx, cx + 6, cx, cx - 6}, new double[] {cy - 6, cy, cy + 6, cy}, palette.ink(d.ink()));
                hits.add(new Hit(cx, cy, d));
            } else if (m instanceof Mark.Dot d && places(d.x(), d.y())) {
                dot(p, d);
            }
        }
        // counts after every dot: one that would cover another count or another dot is left out (hovering tells)
        for (CountLabel label : pending) {
            double[] box = label.box();
            if (labels.stream().noneMatch(b -> overlap(b, box)) && discs.stream().noneMatch(b -> overlap(b, box))) {
                labels.add(box);
                p.text(box[0], box[1] + 9, label.text(), palette.text(), 10);
            }
        }
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    private void dot(MarkPainter p, Mark.Dot d) {
        double cx = px(d.x());
        double cy = py(d.y());
        Color c = palette.ink(d.ink());
        if (d.hollow()) {
            p.ring(cx, cy, d.radius(), c, d.radius() >= 8 ? 2.5 : 1.5);
        } else {
            p.disc(cx, cy, d.radius(), c, d.ink().role() == org.igclab.ui.model.plot.Ink.Role.FRONT ? palette.frontEdge() : null);
        }
        discs.add(new double[] {cx - d.radius(), cy - d.radius(), cx + d.radius(), cy + d.radius()});
        if (d.count() > 1) {
            String text = "\u00d7" + d.count();
            pending.add(new CountLabel(new double[] {cx + d.radius() + 2, cy - 5, cx + d.radius() + 4 + 6 * text.length(), cy + 5}, text));
        }
        if (!d.hover().isEmpty()) {
            hits.add(new Hit(cx, cy, d));
        }
    }

    private void line(MarkPainter p, Mark.Line l) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < l.xs().length; i++) {
            if (!places(l.xs()[i], l.ys()[i])) {
                continue;
            }
            double lx = px(l.xs()[i]);
            double ly = py(l.ys()[i]);
            if (l.stepped() && !points.isEmpty()) {
                points.add(new double[] {lx, points.get(points.size() - 1)[1]});
            }
            points.add(new double[] {lx, ly});
        }
        if (points.size() >= 2) {
            p.polyline(points.stream().mapToDouble(q -> q[0]).toArray(), points.stream().mapToDouble(q -> q[1]).toArray(),
                    palette.ink(l.ink()), l.dashed() ? 1.6 : 2, l.dashed());
        }
    }

    private boolean places(double vx, double vy) {
        return plot.x().places(vx) && plot.y().places(vy);
    }

    private double px(double v) {
        return x.getDisplayPosition(plot.x().plotted(v));
    }

    private double py(double v) {
        return y.getDisplayPosition(plot.y().plotted(v));
    }

    /** The hoverable mark within reach of a canvas point, nearest first; null when none. */
    Hit nearest(double cx, double cy) {
        Hit best = null;
        double bestD = HIT_RADIUS * HIT_RADIUS;
        for (Hit h : hits) {
            double d = (h.x() - cx) * (h.x() - cx) + (h.y() - cy) * (h.y() - cy);
            if (d <= bestD) {
                bestD = d;
                best = h;
            }
        }
        return best;
    }

    private void hover(MouseEvent e) {
        Hit h = nearest(e.getX(), e.getY());
        String text = h == null ? "" : h.mark() instanceof Mark.Dot d ? d.hover() : ((Mark.Diamond) h.mark()).hover();
        if (text.isEmpty()) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        // inside the plot: flip to the left of (or above) the point near the far edges
        double lx = h.x() + 10 + hover.getWidth() > canvas.getWidth() ? h.x() - 10 - hover.getWidth() : h.x() + 10;
        double ly = h.y() + 10 + hover.getHeight() > canvas.getHeight() ? h.y() - 10 - hover.getHeight() : h.y() + 10;
        hover.relocate(Math.max(0, lx), Math.max(0, ly));
        hover.setVisible(true);
    }

    private void zoom(ScrollEvent e) {
        double notches = e.getDeltaY() / (e.getMultiplierY() > 0 ? e.getMultiplierY() : 40);
        if (notches != 0 && canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            viewport.zoom(notches, e.getX() / canvas.getWidth(), 1 - e.getY() / canvas.getHeight());
        }
        e.consume();
    }

    private void press(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        lastX = pressX;
        lastY = pressY;
        dragged = false;
        boxing = e.getButton() == MouseButton.PRIMARY && e.isShiftDown() && onBox != null;
    }

    private void drag(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        dragged |= Math.hypot(e.getX() - pressX, e.getY() - pressY) > DRAG_SLOP;
        if (boxing) {
            box.setX(Math.min(pressX, e.getX()));
            box.setY(Math.min(pressY, e.getY()));
            box.setWidth(Math.abs(e.getX() - pressX));
            box.setHeight(Math.abs(e.getY() - pressY));
            box.setVisible(dragged);
        } else if (dragged && canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            viewport.drag((e.getX() - lastX) / canvas.getWidth(), -(e.getY() - lastY) / canvas.getHeight());
            lastX = e.getX();
            lastY = e.getY();
        }
        hover.setVisible(false);
    }

    private void release(MouseEvent e) {
        if (boxing && dragged && viewport.view() != null) {
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            onBox.accept(viewport.view().box(pressX / w, 1 - pressY / h, e.getX() / w, 1 - e.getY() / h));
        }
        box.setVisible(false);
        boxing = false;
    }

    private void click(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || dragged) {
            return;
        }
        if (e.getClickCount() == 2) {
            viewport.reset();
            return;
        }
        Hit h = nearest(e.getX(), e.getY());
        if (h != null && h.mark() instanceof Mark.Dot d && !d.keys().isEmpty()) {
            onPick.accept(d.keys());
        }
    }

    // the chart holds no series: its marks come from show()
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
        // the ranges come from the viewport; the default would fit the (empty) series
    }
}
