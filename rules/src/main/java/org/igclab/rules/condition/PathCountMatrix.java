package org.igclab.rules.condition;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.LongStream;

import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;

/**
 * The path-count matrix {@code N} of a chain ({@code N[o][i]} paths from output {@code o} to input {@code i}), for
 * drawing heat maps and for inspection at small widths. Entries are held as longs saturating at
 * {@link Long#MAX_VALUE} ({@link #get}, enough to tell none, one and many); {@link #exact}, {@link #max} and
 * {@link #min} give the counts themselves, past 64 bits too. Costs {@code O(L * Cout * Cin * K)} time and
 * {@code Cout * Cin} longs of memory; {@link ComplementaryCondition} decides the conditions without it.
 */
public final class PathCountMatrix {
    /** Largest matrix built, in entries (2048 x 2048). */
    public static final long MAX_ENTRIES = 2048L * 2048L;

    private final KernelChain chain;
    private final long[][] counts;

    private PathCountMatrix(KernelChain chain, long[][] counts) {
        this.chain = chain;
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
        return new PathCountMatrix(chain, m);
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

    /** {@code N[output][input]}, saturating at {@link Long#MAX_VALUE}. */
    public long get(int output, int input) {
        return counts[output][input];
    }

    /** {@code N[output][input]}, exactly. */
    public BigInteger exact(int output, int input) {
        long v = counts[output][input];
        return v < Long.MAX_VALUE ? BigInteger.valueOf(v) : ComplementaryCondition.exactPaths(chain, output, input);
    }

    /** Largest entry, exactly. */
    public BigInteger max() {
        return extreme(true);
    }

    /** Smallest entry, exactly. */
    public BigInteger min() {
        return extreme(false);
    }

    /** The largest or smallest entry; rows that hold saturated entries are recounted exactly, each shared row once. */
    private BigInteger extreme(boolean largest) {
        Comparator<BigInteger> order = largest ? Comparator.naturalOrder() : Comparator.reverseOrder();
        long bestFitting = largest ? Long.MIN_VALUE : Long.MAX_VALUE;
        boolean anyFitting = false;
        BigInteger bestRecounted = null;
        Set<long[]> recounted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int o = 0; o < counts.length; o++) {
            long[] row = counts[o];
            if (Arrays.stream(row).noneMatch(v -> v == Long.MAX_VALUE)) {
                LongStream values = Arrays.stream(row);
                long best = largest ? values.max().orElseThrow() : values.min().orElseThrow();
                bestFitting = largest ? Math.max(bestFitting, best) : Math.min(bestFitting, best);
                anyFitting = true;
            } else if (recounted.add(row)) {
                for (BigInteger v : ComplementaryCondition.exactPathsFrom(chain, o)) {
                    bestRecounted = bestRecounted == null || order.compare(v, bestRecounted) > 0 ? v : bestRecounted;
                }
            }
        }
        BigInteger fitting = anyFitting ? BigInteger.valueOf(bestFitting) : null;
        if (fitting == null || bestRecounted == null) {
            return fitting == null ? bestRecounted : fitting;
        }
        return order.compare(fitting, bestRecounted) >= 0 ? fitting : bestRecounted;
    }
}
