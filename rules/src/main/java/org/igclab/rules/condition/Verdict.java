package org.igclab.rules.condition;

import java.util.Locale;

/** The complementary verdict of a chain; its one word, {@link #label()}, is the same in every output and document. */
public enum Verdict {
    /** Exactly one path between every output and every input channel. */
    STRICT,
    /** At least one path between every pair, more than one for some. */
    DENSE,
    /** Some output channel does not reach some input channel. */
    NEITHER;

    /** {@code strict}, {@code dense} or {@code neither}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
