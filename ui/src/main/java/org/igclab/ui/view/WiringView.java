package org.igclab.ui.view;

import java.util.BitSet;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.HeatMap;
import org.igclab.ui.model.WiringLayout;

/**
 * The channel wiring as the paper draws it: a row of dots per stage, input at the top, edges coloured by the group
 * of their kernel (permutations grey), and the paths between the chosen input and output channels in red. Clicking
 * a dot of the first or last row chooses that end. A chain too wide to draw shows its path-count matrix instead.
 */
final class WiringView extends Region {
    private static final double LEFT = 34;
    private static final double PAD = 10;

    private final Canvas canvas = new Canvas();
    private final ImageView heat = new ImageView();
    private final ExplorerModel model;
    private WiringLayout layout;

    WiringView(ExplorerModel model) {
        this.model = model;
        setId("wiring");
        heat.setId("heatMap");
        heat.setPreserveRatio(true);
        heat.setSmooth(false);
        getChildren().addAll(canvas, heat);
        setMinSize(200, 120);
        setPrefSize(520, 260);
        model.pathProperty().addListener(o -> paint());
        model.pathInputProperty().addListener(o -> paint());
        model.pathOutputProperty().addListener(o -> paint());
        canvas.setOnMouseClicked(e -> choose(e.getX(), e.getY()));
    }

    /** Shows a chain's drawing, or its heat map, or nothing. */
    void show(WiringLayout wiring, HeatMap map) {
        layout = wiring;
        heat.setImage(map == null ? null : image(map));
        heat.setVisible(map != null);
        canvas.setVisible(wiring != null);
        requestLayout();
        paint();
    }

    private static WritableImage image(HeatMap map) {
        WritableImage img = new WritableImage(map.width(), map.height());
        img.getPixelWriter().setPixels(0, 0, map.width(), map.height(), PixelFormat.getIntArgbInstance(), map.argb(), 0, map.width());
        return img;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        double side = Math.max(10, Math.min(w, h) - 2 * PAD);
        heat.setFitWidth(side);
        heat.setFitHeight(side);
        heat.relocate((w - side) / 2, PAD);
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

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (layout == null) {
            return;
        }
        BitSet path = model.pathProperty().get();
        g.setLineWidth(0.8);
        for (int e = 0; e < layout.edges(); e++) {
            if (!path.get(e)) {
                int group = layout.edgeGroup(e);
                g.setStroke(group < 0 ? Color.gray(0.55, 0.45) : Styles.palette(group).deriveColor(0, 1, 1, 0.5));
                stroke(g, e);
            }
        }
        g.setStroke(Styles.PATH);
        g.setLineWidth(2.4);
        // a path computed for the design shown before this one may still be set for a moment
        path.stream().filter(e -> e < layout.edges()).forEach(e -> stroke(g, e));
        int in = model.pathInputProperty().get();
        int out = model.pathOutputProperty().get();
        int last = layout.stages() - 1;
        g.setFont(Font.font(11));
        for (int s = 0; s < layout.stages(); s++) {
            g.setFill(Color.gray(0.25));
            g.fillText(layout.label(s), 2, rowY(s) + 4);
            double r = Math.max(1.5, Math.min(3.5, (canvas.getWidth() - LEFT - PAD) / layout.channels(s) / 3));
            for (int c = 0; c < layout.channels(s); c++) {
                boolean end = (s == 0 && c == in) || (s == last && c == out);
                double rr = end ? r + 2 : r;
                g.setFill(end ? Styles.PATH : Color.gray(0.2));
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
        (s == 0 ? model.pathInputProperty() : model.pathOutputProperty()).set(c);
    }
}
