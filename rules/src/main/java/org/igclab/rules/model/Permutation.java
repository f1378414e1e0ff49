package org.igclab.rules.model;

import java.util.Arrays;

/**
 * A channel permutation {@code P}: output position {@code j} carries input channel {@link #sourceOf(int) sourceOf(j)}.
 * As a 0/1 matrix, {@code P[j][sourceOf(j)] = 1}. Immutable.
 *
 * <p>Besides explicit maps, it knows the two families used between interleaved kernels: the
 * reshape-transpose {@link #shuffle(int, int) shuffle} (ShuffleNet's channel shuffle, IGCV1's "reorder")
 * and the {@link #canonical(int, int) canonical interleaving} (src/site/markdown/concepts.md), which is a shuffle.
 */
public final class Permutation {
    private final int size;
    /** For a shuffle, its row count (its map is arithmetic, built only when asked for); 0 for an explicit map. */
    private final int rows;
    private volatile int[] source;
    private final String description;

    private Permutation(int[] source, String description) {
        this.size = source.length;
        this.rows = 0;
        this.source = source;
        this.description = description;
    }

    /** A shuffle, kept as its row count: a wide network's cost model builds many and reads none of their entries. */
    private Permutation(int size, int rows, String description) {
        this.size = size;
        this.rows = rows;
        this.description = description;
    }

    /** The map, built once for a shuffle. */
    private int[] map() {
        int[] m = source;
        if (m == null) {
            m = new int[size];
            int cols = size / rows;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    m[c * rows + r] = r * cols + c;
                }
            }
            source = m;
        }
        return m;
    }

    /** The identity on {@code size} channels. */
    public static Permutation identity(int size) {
        InvalidDesignException.requirePositive("size", size);
        int[] map = new int[size];
        Arrays.setAll(map, j -> j);
        return new Permutation(map, "identity");
    }

    /**
     * Reshape the {@code channels} into a {@code rows x (channels / rows)} matrix (row-major),
     * transpose it and flatten: position {@code c * rows + r} takes channel {@code r * (channels / rows) + c}.
     * With {@code rows = g} this is ShuffleNet's shuffle for {@code g} groups.
     */
    public static Permutation shuffle(int channels, int rows) {
        InvalidDesignException.requirePositive("size", channels);
        InvalidDesignException.requirePositive("shuffle", rows);
        if (channels % rows != 0) {
            throw new InvalidDesignException("shuffle", "= " + rows + " does not divide " + channels + " channels");
        }
        int cols = channels / rows;
        return new Permutation(channels, rows, rows == 1 || cols == 1 ? "identity" : "shuffle(" + rows + ")");
    }

    /**
     * The canonical permutation after a kernel with group size {@code K} on {@code channels} channels:
     * it moves the kernel's mixed-radix digit (the fastest) to the slowest place, so the next digit
     * becomes the fastest. It is {@code shuffle(channels, channels / K)}.
     */
    public static Permutation canonical(int channels, int groupSize) {
        InvalidDesignException.requirePositive("groupSize", groupSize);
        if (channels % groupSize != 0) {
            throw new InvalidDesignException("groupSize", "= " + groupSize + " does not divide " + channels + " channels");
        }
        return shuffle(channels, channels / groupSize);
    }

    /**
     * An explicit map; {@code source[j]} is the input channel that lands at position {@code j}.
     *
     * @throws InvalidDesignException naming the entry ({@code [5]}) that is out of range or repeated
     */
    public static Permutation of(int... source) {
        if (source.length == 0) {
            throw new InvalidDesignException("", "a permutation needs at least one channel");
        }
        int[] copy = source.clone();
        int[] firstSeenAt = new int[copy.length];
        Arrays.fill(firstSeenAt, -1);
        for (int j = 0; j < copy.length; j++) {
            int s = copy[j];
            if (s < 0 || s >= copy.length) {
                throw new InvalidDesignException("[" + j + "]", "= " + s + " is outside 0.." + (copy.length - 1));
            }
            if (firstSeenAt[s] >= 0) {
                throw new InvalidDesignException("[" + j + "]", "= " + s + " repeats the value of [" + firstSeenAt[s] + "]: not a bijection");
            }
            firstSeenAt[s] = j;
        }
        return new Permutation(copy, isIdentity(copy) ? "identity" : "explicit");
    }

    /** Number of channels. */
    public int size() {
        return size;
    }

    /** The input channel that lands at position {@code j}. */
    public int sourceOf(int j) {
        if (rows > 0) {
            if (j < 0 || j >= size) {
                throw new ArrayIndexOutOfBoundsException("position " + j + " of " + size);
            }
            return (j % rows) * (size / rows) + j / rows;
        }
        return source[j];
    }

    /** The map as a fresh array. */
    public int[] toArray() {
        return map().clone();
    }

    /** {@code identity}, {@code shuffle(r)} or {@code explicit}: how it was made, for reports. */
    public String description() {
        return description;
    }

    /** The reshape-transpose row count when this is a shuffle (1 for the identity), else -1. */
    public int shuffleRows() {
        if (rows > 0) {
            return rows == size || rows == 1 ? 1 : rows;
        }
        if (isIdentity(source)) {
            return 1;
        }
        int n = source.length;
        // A shuffle with r rows sends position 1 to channel n / r.
        int cols = n > 1 ? source[1] : 0;
        if (cols <= 0 || n % cols != 0) {
            return -1;
        }
        int rows = n / cols;
        return equals(shuffle(n, rows)) ? rows : -1;
    }

    public boolean isIdentity() {
        return rows > 0 ? rows == 1 || rows == size : isIdentity(source);
    }

    /** The permutation that undoes this one. */
    public Permutation inverse() {
        int[] source = map();
        int[] inv = new int[source.length];
        for (int j = 0; j < source.length; j++) {
            inv[source[j]] = j;
        }
        return new Permutation(inv, isIdentity(inv) ? "identity" : "explicit");
    }

    /** {@code next} applied after this one: position {@code j} of the result carries {@code sourceOf(next.sourceOf(j))}. */
    public Permutation then(Permutation next) {
        if (next.size() != size()) {
            throw new InvalidDesignException("size", "= " + next.size() + " does not match " + size() + " channels");
        }
        int[] source = map();
        int[] after = next.map();
        int[] map = new int[source.length];
        for (int j = 0; j < map.length; j++) {
            map[j] = source[after[j]];
        }
        return new Permutation(map, isIdentity(map) ? "identity" : "explicit");
    }

    private static boolean isIdentity(int[] map) {
        for (int j = 0; j < map.length; j++) {
            if (map[j] != j) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Permutation other) || other.size != size) {
            return false;
        }
        if (rows > 0 && other.rows > 0) {
            return rows == other.rows || isIdentity() && other.isIdentity();
        }
        return Arrays.equals(map(), other.map());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(map());
    }

    @Override
    public String toString() {
        return size <= 16 ? description + Arrays.toString(map()) : description + "[" + size + " channels]";
    }
}
