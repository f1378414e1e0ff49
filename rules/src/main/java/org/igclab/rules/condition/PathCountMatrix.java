package org.igclab.rules.condition;

import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;

/**
 * The exact path-count matrix {@code N} of a chain ({@code N[o][i]} paths from output {@code o} to input {@code i},
 * saturating at {@link Long#MAX_VALUE} like {@link ComplementaryCondition#exactPathsFrom}),
 * for drawing heat maps and for inspection at small widths. Costs {@code O(L * Cout * Cin * K)} time and
 * {@code Cout * Cin} longs of memory; {@link ComplementaryCondition} decides the conditions without it.
 */
public final class PathCountMatrix {
    /** Largest matrix built, in entries (2048 x 2048). */
    public static final long MAX_ENTRIES = 2048L * 2048L;

    private final long[][] counts;

    private PathCountMatrix(long[][] counts) {
        this.counts = counts;
    }

    /**
     * Computes {@code N} for the chain.
     *
     * @throws IllegalArgumentException when {@code Cout * Cin} exceeds {@link #MAX_ENTRIES}
     */
    public static PathCountMatrix of(KernelChain chain) {
        long entries = (long) chain.outChannels() * chain.inChannels();
        if (entries > MAX_ENTRIES) {
            throw new IllegalArgumentException("the path-count matrix would have " + entries
                    + " entries (" + chain.outChannels() + " x " + chain.inChannels() + "); the limit is " + MAX_ENTRIES);
        }
        long[][] m = connectivity(chain.kernel(0));
        for (int l = 1; l < chain.length(); l++) {
            m = multiply(chain.kernel(l), permuteRows(m, chain.permutations().get(l - 1).toArray()));
        }
        if (chain.finalPermutation().isPresent()) {
            m = permuteRows(m, chain.finalPermutation().get().toArray());
        }
        return new PathCountMatrix(m);
    }

    private static long[][] connectivity(GroupConv kernel) {
        long[][] b = new long[kernel.outChannels()][kernel.inChannels()];
        int k = kernel.groupSize();
        for (int o = 0; o < b.length; o++) {
            int g = kernel.groupOfOutput(o);
            for (int i = g * k; i < (g + 1) * k; i++) {
                b[o][i] = 1;
            }
        }
        return b;
    }

    private static long[][] permuteRows(long[][] m, int[] source) {
        long[][] moved = new long[m.length][];
        for (int j = 0; j < source.length; j++) {
            moved[j] = m[source[j]];
        }
        return moved;
    }

    private static long[][] multiply(GroupConv kernel, long[][] m) {
        int cols = m[0].length;
        int k = kernel.groupSize();
        long[][] groupRows = new long[kernel.groups()][cols];
        for (int g = 0; g < groupRows.length; g++) {
            for (int i = g * k; i < (g + 1) * k; i++) {
                for (int c = 0; c < cols; c++) {
                    long sum = groupRows[g][c] + m[i][c];
                    groupRows[g][c] = sum < 0 ? Long.MAX_VALUE : sum;
                }
            }
        }
        long[][] out = new long[kernel.outChannels()][];
        for (int o = 0; o < out.length; o++) {
            out[o] = groupRows[kernel.groupOfOutput(o)];
        }
        return out;
    }

    public int rows() {
        return counts.length;
    }

    public int columns() {
        return counts[0].length;
    }

    /** {@code N[output][input]}. */
    public long get(int output, int input) {
        return counts[output][input];
    }

    /** Largest entry. */
    public long max() {
        long max = 0;
        for (long[] row : counts) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    /** Smallest entry. */
    public long min() {
        long min = Long.MAX_VALUE;
        for (long[] row : counts) {
            for (long v : row) {
                min = Math.min(min, v);
            }
        }
        return min;
    }
}
