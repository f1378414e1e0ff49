package org.igclab.ui.model.plot;

import java.util.List;

/** Something a chart draws at data coordinates (the values themselves; a log axis is the chart's business). */
public sealed interface Mark {

    /**
     * A point, or several that coincide.
     *
     * @param radius in pixels
     * @param hollow a ring (the selection) rather than a disc
     * @param count  how many designs share this point; above 1 the chart writes the count beside it
     * @param hover  what hovering it says, or empty for nothing
     * @param keys   what clicking it picks (designs), first first; empty for nothing
     */
    record Dot(double x, double y, Ink ink, double radius, boolean hollow, int count, String hover, List<?> keys) implements Mark {
        public Dot {
            keys = List.copyOf(keys);
        }

        public static Dot plain(double x, double y, Ink ink, double radius, String hover) {
            return new Dot(x, y, ink, radius, false, 1, hover, List.of());
        }
    }

    /** A diamond: a closed-form optimum. */
    record Diamond(double x, double y, Ink ink, String hover) implements Mark {
    }

    /**
     * A line through points in order.
     *
     * @param stepped as a staircase (across, then up or down): the boundary of what a Pareto front dominates
     */
    record Line(double[] xs, double[] ys, Ink ink, boolean dashed, boolean stepped) implements Mark {
        public Line {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException(xs.length + " x values for " + ys.length + " y values");
            }
            xs = xs.clone();
            ys = ys.clone();
        }
    }

    /**
     * An image spread over a rectangle: a pixel per cell, row 0 the top row (at {@code y1}).
     *
     * @param argb {@code columns x rows} colours, row by row
     */
    record Raster(double x0, double y0, double x1, double y1, int columns, int rows, int[] argb) implements Mark {
        public Raster {
            if (argb.length != columns * rows) {
                throw new IllegalArgumentException(argb.length + " pixels for " + columns + " x " + rows);
            }
        }
    }
}
