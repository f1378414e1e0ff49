package org.igclab.ui.view;

import java.util.BitSet;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.igclab.ui.model.DetailModel;
import org.igclab.ui.model.WiringLayout;
import org.igclab.ui.model.plot.Ink;

/**
 * The channel wiring as the paper draws it: a row of dots per stage, input at the top, a kernel's edges coloured by
 * group, a permutation's grey, and the paths between the chosen input and output channels in red. Where a kernel has
 * more edges than the row has pixels to show them apart, its groups are drawn as bands (a band joins the channels a
 * group reads to those it writes) instead of a grey blur of lines. Clicking a dot of the first or last row chooses
 * that end.
 */
final class WiringView extends Region {
    private static final double LEFT = 34;
    private static final double PAD = 10;

    private final Canvas canvas = new Canvas();
    private final ObservableValue<BitSet> path;
    private final IntegerProperty input;
    private final IntegerProperty output;
    private WiringLayout layout;
    private Palette palette = Palette.LIGHT;

    /** The detail pane's drawing: its path follows the chosen ends, and clicking a first or last row's dot chooses one. */
    WiringView(DetailModel model) {
        this(model.pathProperty(), model.pathInputProperty(), model.pathOutputProperty());
        setId("wiring");
        canvas.setOnMouseClicked(e -> choose(e.getX(), e.getY()));
    }

    /** A drawing without a path (a comparison's). */
    WiringView(WiringLayout layout) {
        this(new SimpleObjectProperty<>(new BitSet()), new SimpleIntegerProperty(-1), new SimpleIntegerProperty(-1));
        this.layout = layout;
        setPrefSize(260, 200);
    }

    private WiringView(ObservableValue<BitSet> path, IntegerProperty input, IntegerProperty output) {
        this.path = path;
        this.input = input;
        this.output = output;
        getChildren().add(canvas);
        setMinSize(160, 120);
        setPrefSize(520, 260);
        path.addListener(o -> paint());
        input.addListener(o -> paint());
        output.addListener(o -> paint());
    }

    void show(WiringLayout wiring) {
        layout = wiring;
        paint();
    }

    void palette(Palette p) {
        palette = p;
        paint();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        paint();
    }

    private double rowY(int s) {
        double h = canvas.getHeight() - 2 * PAD;
        return PAD + (layout.stages() == 1 ? 0 : s * h / (layout.stages() - 1));
    }

    private double colX(int s, int c) {
        double w = canvas.getWidth() - LEFT - PAD;
        return LEFT + (c + 0.5) * w / layout.channels(s);
    }

    /** Pixels between two rows of channels. */
    double rowSpacing() {
        return layout == null || layout.stages() < 2 ? 0 : rowY(1) - rowY(0);
    }

    /** Whether the kernel leaving stage {@code s} has too many edges to tell apart: then its groups are bands. */
    boolean banded(int s) {
        return layout.edgesFrom(s) > (canvas.getWidth() - LEFT - PAD) * 1.5 && !layout.spans(s).isEmpty();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (layout == null) {
            return;
        }
        boolean[] bands = new boolean[layout.stages()];
        for (int s = 0; s + 1 < layout.stages(); s++) {
            bands[s] = banded(s);
            if (bands[s]) {
                band(g, s);
            }
        }
        BitSet path = this.path.getValue();
        g.setLineWidth(0.8);
        for (int e = 0; e < layout.edges(); e++) {
            if (!path.get(e) && !bands[layout.edgeStage(e)]) {
                int group = layout.edgeGroup(e);
                g.setStroke(group < 0 ? palette.permutation() : palette.series(group).deriveColor(0, 1, 1, 0.5));
                stroke(g, e);
            }
        }
        g.setStroke(palette.path());
        g.setLineWidth(2.4);
        // a path computed for the design shown before this one may still be set for a moment
        path.stream().filter(e -> e < layout.edges()).forEach(e -> stroke(g, e));
        dots(g);
    }

    /** Each group of the kernel leaving stage {@code s} as a band from the channels it reads to those it writes. */
    private void band(GraphicsContext g, int s) {
        double half = (canvas.getWidth() - LEFT - PAD) / layout.channels(s) / 2;
        for (WiringLayout.GroupSpan span : layout.spans(s)) {
            Color c = palette.series(span.group());
            double[] xs = {colX(s, span.fromLo()) - half * 0.8, colX(s, span.fromHi()) + half * 0.8,
                colX(s + 1, span.toHi()) + half * 0.8, colX(s + 1, span.toLo()) - half * 0.8};
            double[] ys = {rowY(s), rowY(s), rowY(s + 1), rowY(s + 1)};
            g.setFill(c.deriveColor(0, 1, 1, 0.35));
            g.fillPolygon(xs, ys, 4);
            g.setStroke(c.deriveColor(0, 1, 1, 0.8));
            g.setLineWidth(0.8);
            g.strokePolygon(xs, ys, 4);
        }
    }

    private void dots(GraphicsContext g) {
        int in = input.get();
        int out = output.get();
        int last = layout.stages() - 1;
        g.setFont(Font.font(11));
        for (int s = 0; s < layout.stages(); s++) {
            g.setFill(palette.text());
            g.fillText(layout.label(s), 2, rowY(s) + 4);
            double r = Math.max(1.2, Math.min(3.5, (canvas.getWidth() - LEFT - PAD) / layout.channels(s) / 3));
            for (int c = 0; c < layout.channels(s); c++) {
                boolean end = (s == 0 && c == in) || (s == last && c == out);
                double rr = end ? r + 2 : r;
                g.setFill(end ? palette.ink(Ink.SELECTED) : palette.dots());
                g.fillOval(colX(s, c) - rr, rowY(s) - rr, 2 * rr, 2 * rr);
            }
        }
    }

    private void stroke(GraphicsContext g, int e) {
        int s = layout.edgeStage(e);
        g.strokeLine(colX(s, layout.edgeFrom(e)), rowY(s), colX(s + 1, layout.edgeTo(e)), rowY(s + 1));
    }

    /** A click near the first row chooses the input channel; near the last row, the output channel. */
    private void choose(double x, double y) {
        if (layout == null) {
            return;
        }
        int last = layout.stages() - 1;
        int s = Math.abs(y - rowY(0)) < 10 ? 0 : Math.abs(y - rowY(last)) < 10 ? last : -1;
        if (s < 0) {
            return;
        }
        double w = (canvas.getWidth() - LEFT - PAD) / layout.channels(s);
        int c = layout.clamp((int) Math.floor((x - LEFT) / w), s);
        (s == 0 ? input : output).set(c);
    }
}
