package org.igclab.rules.condition;

import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.Permutation;

/**
 * Rows of a partial path-count matrix with counts saturated at two, shared between channels.
 * Row {@code r} is a pair of bit sets over the chain's input channels: {@code ones} (at least one path)
 * and {@code many} (at least two); {@code many} is always a subset of {@code ones}.
 * {@code rowOf[c]} says which row channel position {@code c} has. Instances are never mutated after
 * construction; a new stage makes new arrays.
 */
final class SaturatedRows {
    private final int width;
    private final int words;
    private final long[][] ones;
    private final long[][] many;
    private final int[] rowOf;

    private SaturatedRows(int width, long[][] ones, long[][] many, int[] rowOf) {
        this.width = width;
        this.words = wordsFor(width);
        this.ones = ones;
        this.many = many;
        this.rowOf = rowOf;
    }

    private static int wordsFor(int bits) {
        return (bits + 63) >>> 6;
    }

    /** The rows of the first kernel's 0/1 connectivity {@code B_1}: one row per group. */
    static SaturatedRows firstKernel(GroupConv kernel) {
        int width = kernel.inChannels();
        int words = wordsFor(width);
        int k = kernel.groupSize();
        long[][] ones = new long[kernel.groups()][words];
        long[][] many = new long[kernel.groups()][words];
        for (int g = 0; g < kernel.groups(); g++) {
            setRange(ones[g], g * k, (g + 1) * k);
        }
        int[] rowOf = new int[kernel.outChannels()];
        for (int o = 0; o < rowOf.length; o++) {
            rowOf[o] = kernel.groupOfOutput(o);
        }
        return new SaturatedRows(width, ones, many, rowOf);
    }

    /** Position {@code j} takes the row of position {@code p.sourceOf(j)}; rows themselves are shared. */
    SaturatedRows permute(Permutation p) {
        int[] moved = new int[rowOf.length];
        for (int j = 0; j < moved.length; j++) {
            moved[j] = rowOf[p.sourceOf(j)];
        }
        return new SaturatedRows(width, ones, many, moved);
    }

    /** Multiplies by the kernel's connectivity: each group's row is the saturated sum of its inputs' rows. */
    SaturatedRows applyKernel(GroupConv kernel) {
        int groups = kernel.groups();
        int k = kernel.groupSize();
        long[][] newOnes = new long[groups][];
        long[][] newMany = new long[groups][];
        for (int g = 0; g < groups; g++) {
            long[] accOnes = new long[words];
            long[] accMany = new long[words];
            for (int i = g * k; i < (g + 1) * k; i++) {
                long[] rOnes = ones[rowOf[i]];
                long[] rMany = many[rowOf[i]];
                for (int w = 0; w < words; w++) {
                    accMany[w] |= rMany[w] | (accOnes[w] & rOnes[w]);
                    accOnes[w] |= rOnes[w];
                }
            }
            newOnes[g] = accOnes;
            newMany[g] = accMany;
        }
        int[] newRowOf = new int[kernel.outChannels()];
        for (int o = 0; o < newRowOf.length; o++) {
            newRowOf[o] = kernel.groupOfOutput(o);
        }
        return new SaturatedRows(width, newOnes, newMany, newRowOf);
    }

    int rowOf(int position) {
        return rowOf[position];
    }

    long countAtLeastOne(int row) {
        return popcount(ones[row]);
    }

    long countAtLeastTwo(int row) {
        return popcount(many[row]);
    }

    /** First input channel the row does not reach, or -1. */
    int firstMissing(int row) {
        long[] r = ones[row];
        for (int w = 0; w < words; w++) {
            long missing = ~r[w];
            if (missing != 0) {
                int bit = (w << 6) + Long.numberOfTrailingZeros(missing);
                return bit < width ? bit : -1;
            }
        }
        return -1;
    }

    /** First input channel the row reaches by two or more paths, or -1. */
    int firstRedundant(int row) {
        long[] r = many[row];
        for (int w = 0; w < words; w++) {
            if (r[w] != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(r[w]);
            }
        }
        return -1;
    }

    /** Whether some input channel is reached by exactly one path. */
    boolean hasExactlyOne(int row) {
        for (int w = 0; w < words; w++) {
            if ((ones[row][w] & ~many[row][w]) != 0) {
                return true;
            }
        }
        return false;
    }

    private static long popcount(long[] bits) {
        long n = 0;
        for (long b : bits) {
            n += Long.bitCount(b);
        }
        return n;
    }

    private static void setRange(long[] bits, int from, int to) {
        for (int i = from; i < to; i++) {
            bits[i >>> 6] |= 1L << (i & 63);
        }
    }
}
