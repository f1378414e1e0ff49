package org.igclab.ui.model;

import java.math.BigInteger;
import org.igclab.rules.condition.PathCountMatrix;
import org.igclab.rules.model.KernelChain;

/**
 * The path-count matrix {@code N} of a chain too wide to draw, as an image: a pixel per entry, or per square block
 * of entries beyond {@link #MAX_SIDE}, coloured by what decides the complementary condition: no path (red), exactly
 * one (green), two or more (blue, darker with more). A block shows red if any entry in it has no path, else blue if
 * any has more than one: failures stay visible when the image shrinks.
 *
 * @param width   pixels across (input channels)
 * @param height  pixels down (output channels)
 * @param argb    the pixels, row by row
 * @param block   entries per pixel side
 * @param max     the largest path count, exactly
 * @param min     the smallest path count, exactly
 */
public record HeatMap(int width, int height, int[] argb, int block, BigInteger max, BigInteger min) {
    static final int MAX_SIDE = 512;
    static final int NONE = 0xffd73027;
    static final int ONE = 0xff66bd63;
    private static final int[] MANY = {0xff9ecae1, 0xff6baed6, 0xff4292c6, 0xff2171b5, 0xff08519c, 0xff08306b};

    /** The colours of no path, one path, and several (the middle shade), as ARGB. */
    public static int[] colours() {
        return new int[] {NONE, ONE, MANY[MANY.length / 2]};
    }

    public static boolean fits(KernelChain chain) {
        return (long) chain.outChannels() * chain.inChannels() <= PathCountMatrix.MAX_ENTRIES;
    }

    public static HeatMap of(KernelChain chain) {
        PathCountMatrix n = PathCountMatrix.of(chain);
        int block = Math.max(1, (Math.max(n.rows(), n.columns()) + MAX_SIDE - 1) / MAX_SIDE);
        int w = (n.columns() + block - 1) / block;
        int h = (n.rows() + block - 1) / block;
        BigInteger max = n.max();
        double top = max.doubleValue();
        int[] argb = new int[w * h];
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                long lo = Long.MAX_VALUE;
                long hi = 0;
                for (int o = py * block; o < Math.min(n.rows(), (py + 1) * block); o++) {
                    for (int i = px * block; i < Math.min(n.columns(), (px + 1) * block); i++) {
                        long v = n.get(o, i);
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                argb[py * w + px] = colour(lo, hi, top);
            }
        }
        return new HeatMap(w, h, argb, block, max, n.min());
    }

    /**
     * The colour of a block whose entries lie in {@code [lo, hi]} (saturating at {@link Long#MAX_VALUE}, which still
     * shades darkest), when the largest entry anywhere is {@code max}.
     */
    static int colour(long lo, long hi, double max) {
        if (lo == 0) {
            return NONE;
        }
        if (hi <= 1) {
            return ONE;
        }
        double shade = max <= 2 ? 0 : Math.log(hi - 1) / Math.log(max - 1);
        return MANY[(int) Math.min(MANY.length - 1, Math.round(shade * (MANY.length - 1)))];
    }
}
