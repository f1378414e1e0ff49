package org.igclab.ui.model.plot;

import java.util.Base64;
import java.util.Locale;

/**
 * A small SVG 1.1 writer for charts: the primitives a chart is made of (rectangles, lines, paths, circles, text and
 * embedded PNG images), each written with its own attributes, text escaped, numbers rounded to hundredths. Colours
 * are {@code #rrggbb} with an opacity. Groups carry a transform and an optional clip.
 */
public final class Svg {
    private final double width;
    private final double height;
    private final StringBuilder defs = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private int clips;
    private int open;

    public Svg(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** Opens a group with an affine transform {@code matrix(a b c d e f)}. */
    public Svg group(double a, double b, double c, double d, double e, double f) {
        body.append("<g transform=\"matrix(").append(n(a)).append(' ').append(n(b)).append(' ').append(n(c)).append(' ')
                .append(n(d)).append(' ').append(n(e)).append(' ').append(n(f)).append(")\">\n");
        open++;
        return this;
    }

    /** Opens a group whose content is clipped to a rectangle (in the group's coordinates). */
    public Svg clipped(double x, double y, double w, double h) {
        String id = "clip" + (++clips);
        defs.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n");
        body.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        open++;
        return this;
    }

    public Svg end() {
        if (open == 0) {
            throw new IllegalStateException("no group is open");
        }
        body.append("</g>\n");
        open--;
        return this;
    }

    public Svg rect(double x, double y, double w, double h, double rx, Paint fill, Stroke stroke) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"');
        if (rx > 0) {
            body.append(" rx=\"").append(n(rx)).append('"');
        }
        return close(fill, stroke);
    }

    public Svg circle(double cx, double cy, double r, Paint fill, Stroke stroke) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r)).append('"');
        return close(fill, stroke);
    }

    /** A path in SVG's path syntax ({@code M0 0 L10 0 Z}). */
    public Svg path(String d, Paint fill, Stroke stroke) {
        body.append("<path d=\"").append(escape(d)).append('"');
        return close(fill, stroke);
    }

    /** A polyline ({@code closed}: a polygon) through the points. */
    public Svg poly(double[] xs, double[] ys, boolean closed, Paint fill, Stroke stroke) {
        body.append(closed ? "<polygon" : "<polyline").append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        body.append('"');
        return close(closed ? fill : Paint.NONE, stroke);
    }

    /**
     * Text with its baseline at {@code y}.
     *
     * @param anchor {@code start}, {@code middle} or {@code end}
     */
    public Svg text(double x, double y, String text, double size, String family, boolean bold, Paint fill, String anchor) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" font-family=\"").append(escape(family)).append(", sans-serif\"");
        if (bold) {
            body.append(" font-weight=\"bold\"");
        }
        if (!"start".equals(anchor)) {
            body.append(" text-anchor=\"").append(anchor).append('"');
        }
        body.append(" fill=\"").append(fill.colour()).append('"');
        if (fill.opacity() < 1) {
            body.append(" fill-opacity=\"").append(n(fill.opacity())).append('"');
        }
        body.append(" xml:space=\"preserve\">").append(escape(text)).append("</text>\n");
        return this;
    }

    /** A PNG image spread over a rectangle, pixels kept sharp. */
    public Svg image(double x, double y, double w, double h, byte[] png) {
        body.append("<image x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"")
                .append(n(h)).append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"/>\n");
        return this;
    }

    private Svg close(Paint fill, Stroke stroke) {
        body.append(" fill=\"").append(fill.colour()).append('"');
        if (fill != Paint.NONE && fill.opacity() < 1) {
            body.append(" fill-opacity=\"").append(n(fill.opacity())).append('"');
        }
        if (stroke != null) {
            body.append(" stroke=\"").append(stroke.paint().colour()).append("\" stroke-width=\"").append(n(stroke.width())).append('"');
            if (stroke.paint().opacity() < 1) {
                body.append(" stroke-opacity=\"").append(n(stroke.paint().opacity())).append('"');
            }
            if (stroke.dash().length > 0) {
                body.append(" stroke-dasharray=\"");
                for (int i = 0; i < stroke.dash().length; i++) {
                    body.append(i == 0 ? "" : " ").append(n(stroke.dash()[i]));
                }
                body.append('"');
            }
        }
        body.append("/>\n");
        return this;
    }

    /** The whole document. */
    @Override
    public String toString() {
        if (open != 0) {
            throw new IllegalStateException(open + " groups are still open");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"" + n(width) + "\" height=\"" + n(height)
                + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\">\n"
                + (defs.length() == 0 ? "" : "<defs>\n" + defs + "</defs>\n") + body + "</svg>\n";
    }

    /** A fill or stroke colour: {@code #rrggbb} and an opacity in [0, 1]; {@link #NONE} for no fill. */
    public record Paint(String colour, double opacity) {
        public static final Paint NONE = new Paint("none", 1);

        public Paint {
            if (!colour.equals("none") && !colour.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("colour = " + colour + " is not #rrggbb");
            }
        }

        /** From components in [0, 1]. */
        public static Paint rgb(double r, double g, double b, double opacity) {
            return new Paint(String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(r * 255), Math.round(g * 255), Math.round(b * 255)),
                    opacity);
        }
    }

    /** A stroke: its paint, width and dash pattern (empty for solid). */
    public record Stroke(Paint paint, double width, double... dash) {
    }

    /** Hundredths, without trailing zeros and without a locale's comma. */
    static String n(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
