package org.igclab.ui.view;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.shape.VLineTo;
import javafx.scene.text.Text;
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.transform.Transform;
import org.igclab.ui.model.plot.Svg;

/**
 * Writes a chart as SVG from what the window draws: the chart's own nodes (its axes' tick marks and labels, grid lines,
 * title, legend, background) each become the SVG element of the same shape at the same place, and the canvas of marks
 * is painted again through {@link MarkPainter} into the document. Nothing is drawn twice by hand.
 */
final class ChartSvg {

    private ChartSvg() {
    }

    static String of(Node root) {
        Bounds b = root.getLayoutBounds();
        Svg svg = new Svg(b.getWidth(), b.getHeight());
        Transform toRoot;
        try {
            toRoot = root.getLocalToSceneTransform().createInverse();
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("the chart is not drawn: " + e.getMessage(), e);
        }
        write(root, toRoot, svg);
        return svg.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Node node, Transform toRoot, Svg svg) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Transform t = toRoot.createConcatenation(node.getLocalToSceneTransform());
        boolean leaf = node instanceof Shape || node instanceof Canvas;
        if (node instanceof Region || leaf) {
            svg.group(t.getMxx(), t.getMyx(), t.getMxy(), t.getMyy(), t.getTx(), t.getTy());
            if (node instanceof Region r2) {
                region(r2, svg);
            } else if (node instanceof Canvas c && c.getProperties().get(PlotChart.PAINTER) instanceof Consumer<?> painter) {
                svg.clipped(0, 0, c.getWidth(), c.getHeight());
                ((Consumer<MarkPainter>) painter).accept(MarkPainter.on(svg));
                svg.end();
            } else if (node instanceof Shape s) {
                shape(s, svg);
            }
            svg.end();
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                write(child, toRoot, svg);
            }
        }
    }

    private static void region(Region r, Svg svg) {
        if (r.getBackground() != null) {
            for (BackgroundFill f : r.getBackground().getFills()) {
                if (f.getFill() instanceof Color c && c.getOpacity() > 0) {
                    Insets in = f.getInsets();
                    double w = r.getWidth() - in.getLeft() - in.getRight();
                    double h = r.getHeight() - in.getTop() - in.getBottom();
                    if (w > 0 && h > 0) {
                        svg.rect(in.getLeft(), in.getTop(), w, h, f.getRadii().getTopLeftHorizontalRadius(), MarkPainter.paint(c), null);
                    }
                }
            }
        }
        if (r.getBorder() != null && !r.getBorder().getStrokes().isEmpty()) {
            BorderStroke s = r.getBorder().getStrokes().get(0);
            if (s.getTopStroke() instanceof Color c && c.getOpacity() > 0 && s.getWidths().getTop() > 0) {
                double w = s.getWidths().getTop();
                svg.rect(w / 2, w / 2, r.getWidth() - w, r.getHeight() - w, 0, Svg.Paint.NONE, new Svg.Stroke(MarkPainter.paint(c), w));
            }
        }
    }

    private static void shape(Shape s, Svg svg) {
        Svg.Paint fill = s.getFill() instanceof Color c && c.getOpacity() > 0 ? MarkPainter.paint(c) : Svg.Paint.NONE;
        Svg.Stroke stroke = s.getStroke() instanceof Color c && c.getOpacity() > 0 && s.getStrokeWidth() > 0
                ? new Svg.Stroke(MarkPainter.paint(c), s.getStrokeWidth(), s.getStrokeDashArray().stream().mapToDouble(Double::doubleValue).toArray())
                : null;
        if (s instanceof Text t) {
            if (!t.getText().isEmpty()) {
                double baseline = t.getLayoutBounds().getMinY() + t.getBaselineOffset();
                svg.text(t.getX(), baseline, t.getText(), t.getFont().getSize(), t.getFont().getFamily(),
                        t.getFont().getStyle().toLowerCase().contains("bold"), fill, "start");
            }
        } else if (s instanceof Line l) {
            svg.poly(new double[] {l.getStartX(), l.getEndX()}, new double[] {l.getStartY(), l.getEndY()}, false, Svg.Paint.NONE, stroke);
        } else if (s instanceof Rectangle r) {
            svg.rect(r.getX(), r.getY(), r.getWidth(), r.getHeight(), r.getArcWidth() / 2, fill, stroke);
        } else if (s instanceof Circle c) {
            svg.circle(c.getCenterX(), c.getCenterY(), c.getRadius(), fill, stroke);
        } else if (s instanceof Polygon p) {
            List<Double> pts = p.getPoints();
            double[] xs = new double[pts.size() / 2];
            double[] ys = new double[pts.size() / 2];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = pts.get(2 * i);
                ys[i] = pts.get(2 * i + 1);
            }
            svg.poly(xs, ys, true, fill, stroke);
        } else if (s instanceof SVGPath p) {
            svg.path(p.getContent(), fill, stroke);
        } else if (s instanceof Path p && !p.getElements().isEmpty()) {
            svg.path(d(p.getElements()), fill, stroke);
        }
    }

    /** A path's elements in SVG's syntax. */
    static String d(List<PathElement> elements) {
        StringBuilder d = new StringBuilder();
        for (PathElement e : elements) {
            String rel = e.isAbsolute() ? "" : "rel";
            if (e instanceof MoveTo m) {
                d.append(rel.isEmpty() ? "M" : "m").append(m.getX()).append(' ').append(m.getY());
            } else if (e instanceof LineTo l) {
                d.append(rel.isEmpty() ? "L" : "l").append(l.getX()).append(' ').append(l.getY());
            } else if (e instanceof HLineTo h) {
                d.append(rel.isEmpty() ? "H" : "h").append(h.getX());
            } else if (e instanceof VLineTo v) {
                d.append(rel.isEmpty() ? "V" : "v").append(v.getY());
            } else if (e instanceof CubicCurveTo c) {
                d.append(rel.isEmpty() ? "C" : "c").append(c.getControlX1()).append(' ').append(c.getControlY1()).append(' ')
                        .append(c.getControlX2()).append(' ').append(c.getControlY2()).append(' ').append(c.getX()).append(' ').append(c.getY());
            } else if (e instanceof QuadCurveTo q) {
                d.append(rel.isEmpty() ? "Q" : "q").append(q.getControlX()).append(' ').append(q.getControlY()).append(' ')
                        .append(q.getX()).append(' ').append(q.getY());
            } else if (e instanceof ArcTo a) {
                d.append(rel.isEmpty() ? "A" : "a").append(a.getRadiusX()).append(' ').append(a.getRadiusY()).append(' ')
                        .append(a.getXAxisRotation()).append(' ').append(a.isLargeArcFlag() ? 1 : 0).append(' ')
                        .append(a.isSweepFlag() ? 1 : 0).append(' ').append(a.getX()).append(' ').append(a.getY());
            } else if (e instanceof ClosePath) {
                d.append('Z');
            }
            d.append(' ');
        }
        return d.toString().trim();
    }
}
