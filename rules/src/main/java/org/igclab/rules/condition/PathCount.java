package org.igclab.rules.condition;

/**
 * A path count saturated at two: only "none", "exactly one" and "more than one" decide the conditions. As a number it
 * is 0, 1 or 2, the last {@link #saturated()}: two or more.
 */
public enum PathCount {
    NONE,
    ONE,
    MANY;

    /** 0, 1 or 2 (for two or more). */
    public int count() {
        return ordinal();
    }

    /** True for {@link #MANY}: the count is at least {@link #count()}, not exactly it. */
    public boolean saturated() {
        return this == MANY;
    }

    /** {@code 0}, {@code 1} or {@code 2+}, for text. */
    public String label() {
        return count() + (saturated() ? "+" : "");
    }

    public static PathCount of(long exact) {
        return exact <= 0 ? NONE : exact == 1 ? ONE : MANY;
    }
}
