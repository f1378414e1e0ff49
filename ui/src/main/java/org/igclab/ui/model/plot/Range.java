package org.igclab.ui.model.plot;

/**
 * A rectangle of a chart in plotted values ({@code log10} on a log axis): what the axes show. Zooming and panning
 * make new ranges; nothing here knows about pixels but the fractions a caller gives.
 *
 * @param xLo left
 * @param xHi right
 * @param yLo bottom
 * @param yHi top
 */
public record Range(double xLo, double xHi, double yLo, double yHi) {
    /** Room around the points, as a fraction of the span on each side, so a point at the edge is drawn whole. */
    static final double MARGIN = 0.06;

    public Range {
        if (!(xHi > xLo) || !(yHi > yLo)) {
            throw new IllegalArgumentException("an empty range: x " + xLo + ".." + xHi + ", y " + yLo + ".." + yHi);
        }
    }

    /**
     * The range that shows every point whole: the extremes with a margin on each side. A single value gets half a
     * decade on a log axis, half a unit on a whole one, or a tenth of itself.
     */
    public static Range around(double xMin, double xMax, double yMin, double yMax, boolean wholeX, boolean wholeY,
                               boolean logX, boolean logY) {
        double[] x = span(xMin, xMax, wholeX, logX);
        double[] y = span(yMin, yMax, wholeY, logY);
        return new Range(x[0], x[1], y[0], y[1]);
    }

    static double[] span(double min, double max, boolean whole, boolean log) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            return new double[] {0, 1};
        }
        if (max == min) {
            double half = log ? 0.5 : whole ? 0.5 : Math.max(Math.abs(min) * 0.1, 0.5);
            return new double[] {min - half, max + half};
        }
        double pad = (max - min) * MARGIN;
        if (whole && !log) {
            pad = Math.max(pad, 0.5);
        }
        return new double[] {min - pad, max + pad};
    }

    public double width() {
        return xHi - xLo;
    }

    public double height() {
        return yHi - yLo;
    }

    /** Zoomed by {@code factor} (below 1 zooms in) about the point at fractions {@code (fx, fy)} of the width and height. */
    public Range zoom(double factor, double fx, double fy) {
        double cx = xLo + fx * width();
        double cy = yLo + fy * height();
        return new Range(cx - (cx - xLo) * factor, cx + (xHi - cx) * factor, cy - (cy - yLo) * factor, cy + (yHi - cy) * factor);
    }

    /** Moved by fractions of its width and height (a drag to the right shows what lies to the left: pass minus the drag). */
    public Range pan(double fx, double fy) {
        double dx = fx * width();
        double dy = fy * height();
        return new Range(xLo + dx, xHi + dx, yLo + dy, yHi + dy);
    }

    /** The part between two points given as fractions of the width and height, in any order (a dragged box). */
    public Range box(double fx0, double fy0, double fx1, double fy1) {
        double ax = xLo + Math.min(fx0, fx1) * width();
        double bx = xLo + Math.max(fx0, fx1) * width();
        double ay = yLo + Math.min(fy0, fy1) * height();
        double by = yLo + Math.max(fy0, fy1) * height();
        return new Range(ax, Math.max(bx, Math.nextUp(ax)), ay, Math.max(by, Math.nextUp(ay)));
    }

    public boolean contains(double x, double y) {
        return x >= xLo && x <= xHi && y >= yLo && y <= yHi;
    }
}
