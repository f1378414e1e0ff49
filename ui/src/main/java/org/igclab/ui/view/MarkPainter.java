package org.igclab.ui.view;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import org.igclab.ui.model.plot.Svg;

/**
 * Where a chart paints its marks, in pixels of its plot area: the screen's canvas, or an SVG document. One painting
 * routine serves both, so the saved SVG shows what the window shows.
 */
interface MarkPainter {
    double[] DASH = {6, 4};

    void disc(double x, double y, double r, Color fill, Color edge);

    void ring(double x, double y, double r, Color stroke, double width);

    void polyline(double[] xs, double[] ys, Color stroke, double width, boolean dashed);

    void polygon(double[] xs, double[] ys, Color fill);

    void text(double x, double y, String text, Color fill, double size);

    void image(double x, double y, double w, double h, int columns, int rows, int[] argb);

    /** Paints on a canvas's graphics context. */
    static MarkPainter on(GraphicsContext g) {
        return new MarkPainter() {
            @Override
            public void disc(double x, double y, double r, Color fill, Color edge) {
                g.setFill(fill);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                if (edge != null) {
                    g.setStroke(edge);
                    g.setLineWidth(1);
                    g.setLineDashes();
                    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                }
            }

            @Override
            public void ring(double x, double y, double r, Color stroke, double width) {
                g.setStroke(stroke);
                g.setLineWidth(width);
                g.setLineDashes();
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }

            @Override
            public void polyline(double[] xs, double[] ys, Color stroke, double width, boolean dashed) {
                g.setStroke(stroke);
                g.setLineWidth(width);
                g.setLineCap(StrokeLineCap.BUTT);
                if (dashed) {
                    g.setLineDashes(DASH);
                } else {
                    g.setLineDashes();
                }
                g.strokePolyline(xs, ys, xs.length);
                g.setLineDashes();
            }

            @Override
            public void polygon(double[] xs, double[] ys, Color fill) {
                g.setFill(fill);
                g.fillPolygon(xs, ys, xs.length);
            }

            @Override
            public void text(double x, double y, String text, Color fill, double size) {
                g.setFill(fill);
                g.setFont(Font.font(size));
                g.fillText(text, x, y);
            }

            @Override
            public void image(double x, double y, double w, double h, int columns, int rows, int[] argb) {
                g.setImageSmoothing(false);
                g.drawImage(fxImage(columns, rows, argb), x, y, w, h);
            }
        };
    }

    /** Writes into an SVG document. */
    static MarkPainter on(Svg svg) {
        return new MarkPainter() {
            @Override
            public void disc(double x, double y, double r, Color fill, Color edge) {
                svg.circle(x, y, r, paint(fill), edge == null ? null : new Svg.Stroke(paint(edge), 1));
            }

            @Override
            public void ring(double x, double y, double r, Color stroke, double width) {
                svg.circle(x, y, r, Svg.Paint.NONE, new Svg.Stroke(paint(stroke), width));
            }

            @Override
            public void polyline(double[] xs, double[] ys, Color stroke, double width, boolean dashed) {
                svg.poly(xs, ys, false, Svg.Paint.NONE, dashed ? new Svg.Stroke(paint(stroke), width, DASH) : new Svg.Stroke(paint(stroke), width));
            }

            @Override
            public void polygon(double[] xs, double[] ys, Color fill) {
                svg.poly(xs, ys, true, paint(fill), null);
            }

            @Override
            public void text(double x, double y, String text, Color fill, double size) {
                svg.text(x, y, text, size, "System", false, paint(fill), "start");
            }

            @Override
            public void image(double x, double y, double w, double h, int columns, int rows, int[] argb) {
                svg.image(x, y, w, h, png(fxImage(columns, rows, argb)));
            }
        };
    }

    static Svg.Paint paint(Color c) {
        return Svg.Paint.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity());
    }

    static WritableImage fxImage(int columns, int rows, int[] argb) {
        WritableImage img = new WritableImage(columns, rows);
        img.getPixelWriter().setPixels(0, 0, columns, rows, PixelFormat.getIntArgbInstance(), argb, 0, columns);
        return img;
    }

    static byte[] png(javafx.scene.image.Image image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
