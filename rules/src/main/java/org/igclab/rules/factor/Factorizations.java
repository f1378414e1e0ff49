package org.igclab.rules.factor;

import java.util.ArrayList;
import java.util.List;

/**
 * Ordered factorizations {@code n = K_1 * K_2 * ... * K_L} with every factor at least 2
 * (so {@code n = 1} has only the empty factorization). Order matters: {@code 2 * 4} and {@code 4 * 2}
 * are different chains.
 *
 * <p>The visitor form allocates nothing per factorization, for sweeps over millions of them.
 */
public final class Factorizations {

    /** Receives each factorization in {@code factors[0..length)}; the array is reused, copy what you keep. */
    @FunctionalInterface
    public interface Visitor {
        void visit(int[] factors, int length);
    }

    /**
     * Bounds on a factorization.
     *
     * @param minLength smallest number of factors, at least 0
     * @param maxLength largest number of factors
     * @param minFactor smallest factor allowed, at least 2
     * @param maxFactor largest factor allowed
     */
    public record Bounds(int minLength, int maxLength, int minFactor, int maxFactor) {
        public Bounds {
            if (minLength < 0 || maxLength < minLength) {
                throw new IllegalArgumentException("length range " + minLength + ".." + maxLength + " is empty or negative");
            }
            if (minFactor < 2 || maxFactor < minFactor) {
                throw new IllegalArgumentException("factor range " + minFactor + ".." + maxFactor + " must start at 2 or more and not be empty");
            }
        }

        /** Any number of factors, any factor. */
        public static Bounds any() {
            return new Bounds(0, Integer.MAX_VALUE, 2, Integer.MAX_VALUE);
        }
    }

    private Factorizations() {
    }

    /** All ordered factorizations of {@code n} within the bounds, in lexicographic order of factors. */
    public static List<int[]> ordered(int n, Bounds bounds) {
        List<int[]> all = new ArrayList<>();
        forEachOrdered(n, bounds, (factors, length) -> all.add(java.util.Arrays.copyOf(factors, length)));
        return all;
    }

    /** All ordered factorizations of {@code n}, any length. */
    public static List<int[]> ordered(int n) {
        return ordered(n, Bounds.any());
    }

    /** Visits every ordered factorization of {@code n} within the bounds, in lexicographic order. */
    public static void forEachOrdered(int n, Bounds bounds, Visitor visitor) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + " must be positive");
        }
        int[] divisors = divisorsAtLeastTwo(n);
        int depth = Math.min(bounds.maxLength(), 32 - Integer.numberOfLeadingZeros(n));
        walk(n, divisors, bounds, new int[Math.max(depth, 1)], 0, visitor);
    }

    private static void walk(int remaining, int[] divisors, Bounds bounds, int[] factors, int length, Visitor visitor) {
        if (remaining == 1) {
            if (length >= bounds.minLength()) {
                visitor.visit(factors, length);
            }
            return;
        }
        if (length == factors.length || length >= bounds.maxLength()) {
            return;
        }
        for (int d : divisors) {
            if (d > remaining || d > bounds.maxFactor()) {
                break;
            }
            if (d >= bounds.minFactor() && remaining % d == 0) {
                factors[length] = d;
                walk(remaining / d, divisors, bounds, factors, length + 1, visitor);
            }
        }
    }

    /** Number of ordered factorizations of {@code n} within the bounds, without listing them. */
    public static long count(int n, Bounds bounds) {
        long[] total = {0};
        forEachOrdered(n, bounds, (f, len) -> total[0]++);
        return total[0];
    }

    /** Divisors of {@code n} from 2 to {@code n}, ascending. */
    public static int[] divisorsAtLeastTwo(int n) {
        List<Integer> small = new ArrayList<>();
        List<Integer> large = new ArrayList<>();
        for (int d = 1; (long) d * d <= n; d++) {
            if (n % d == 0) {
                small.add(d);
                if (d != n / d) {
                    large.add(0, n / d);
                }
            }
        }
        small.addAll(large);
        return small.stream().mapToInt(Integer::intValue).filter(d -> d >= 2).toArray();
    }
}
