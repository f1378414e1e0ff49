package org.igclab.rules.condition;

/** A path count saturated at two: only "none", "exactly one" and "more than one" decide the conditions. */
public enum PathCount {
    NONE("0"),
    ONE("1"),
    MANY("2+");

    private final String label;

    PathCount(String label) {
        this.label = label;
    }

    /** {@code 0}, {@code 1} or {@code 2+}. */
    public String label() {
        return label;
    }

    public static PathCount of(long exact) {
        return exact <= 0 ? NONE : exact == 1 ? ONE : MANY;
    }
}
