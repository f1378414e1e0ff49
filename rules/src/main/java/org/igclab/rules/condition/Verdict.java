package org.igclab.rules.condition;

/** The complementary verdict of a chain. */
public enum Verdict {
    /** Exactly one path between every output and every input channel. */
    STRICT("strictly complementary"),
    /** At least one path between every pair, more than one for some. */
    DENSE("dense, not strict"),
    /** Some output channel does not reach some input channel. */
    NEITHER("not dense");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
