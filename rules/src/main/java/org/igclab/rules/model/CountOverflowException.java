package org.igclab.rules.model;

/**
 * A design too large to count: a parameter, MAC or activation count past 64 bits. Thrown by {@link ExactCounts}, the
 * deliberate overflow checks of the counting code, and so told apart from an {@link ArithmeticException}, which is a bug.
 */
public final class CountOverflowException extends InvalidDesignException {
    private static final long serialVersionUID = 1L;

    /** What the command line says of it. */
    public static final String REASON = "the counts do not fit in 64-bit integers: a width or resolution is too large";

    CountOverflowException(ArithmeticException overflow) {
        super("", REASON, overflow);
    }
}
