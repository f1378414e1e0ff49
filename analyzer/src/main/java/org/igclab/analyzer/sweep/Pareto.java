package org.igclab.analyzer.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The Pareto front of points, every coordinate minimized: a point is on the front when no other point is at
 * least as good in every coordinate and better in one. Equal points do not dominate each other, so all copies
 * of a front point are on the front. NaN counts as worse than any number (a missing figure never wins).
 *
 * <p>Two coordinates: sort, then one pass keeping the best second coordinate seen, {@code O(n log n)}. More: sort
 * lexicographically (a point's dominators all come before it) and compare each point with the front so far,
 * {@code O(n * front)}.
 */
public final class Pareto {

    private Pareto() {
    }

    /** Which points are on the front; {@code points[i]} are point {@code i}'s coordinates, all of one length. */
    public static BitSet front(double[][] points) {
        int n = points.length;
        BitSet front = new BitSet(n);
        if (n == 0) {
            return front;
        }
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = points[i].clone();
            for (int d = 0; d < p[i].length; d++) {
                // -0.0 (a maximized 0) must group with 0.0
                p[i][d] = Double.isNaN(p[i][d]) ? Double.POSITIVE_INFINITY : p[i][d] + 0.0;
            }
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Arrays.compare(p[a], p[b]));
        int dims = p[0].length;
        if (dims == 0) {
            front.set(0, n);
        } else if (dims <= 2) {
            twoDimensional(p, order, dims, front);
        } else {
            skyline(p, order, front);
        }
        return front;
    }

    /** Sorted by (x, y): a point is on the front when its y is its x-group's least and below every earlier group's least. */
    private static void twoDimensional(double[][] p, Integer[] order, int dims, BitSet front) {
        double bestBefore = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i < order.length) {
            int j = i;
            double x = p[order[i]][0];
            while (j < order.length && Double.compare(p[order[j]][0], x) == 0) {
                j++;
            }
            // the group [i, j) shares x; sorted by y, its least y comes first
            double groupBest = dims == 1 ? 0 : p[order[i]][1];
            if (i == 0 || groupBest < bestBefore) {
                for (int k = i; k < j && (dims == 1 || Double.compare(p[order[k]][1], groupBest) == 0); k++) {
                    front.set(order[k]);
                }
            }
            if (dims == 1) {
                return;
            }
            bestBefore = Math.min(bestBefore, groupBest);
            i = j;
        }
    }

    private static void skyline(double[][] p, Integer[] order, BitSet front) {
        List<double[]> kept = new ArrayList<>();
        for (Integer i : order) {
            boolean dominated = false;
            for (double[] q : kept) {
                if (dominates(q, p[i])) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                kept.add(p[i]);
                front.set(i);
            }
        }
    }

    /** Whether {@code a} is at least as good as {@code b} everywhere and better somewhere (minimizing). */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int d = 0; d < a.length; d++) {
            if (a[d] > b[d]) {
                return false;
            }
            better |= a[d] < b[d];
        }
        return better;
    }
}
