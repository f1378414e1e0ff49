package org.igclab.rules.model;

import java.math.BigInteger;

/**
 * Exact arithmetic for counts (parameters, MACs, activations): {@link Math}'s exact operations, failing with a
 * {@link CountOverflowException} (a design too large, exit code 2) rather than a bare {@link ArithmeticException}, which
 * the command line reports as a bug.
 */
public final class ExactCounts {
    private ExactCounts() {
    }

    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new CountOverflowException(e);
        }
    }

    public static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new CountOverflowException(e);
        }
    }

    public static int multiply(int a, int b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new CountOverflowException(e);
        }
    }

    public static int toInt(long value) {
        try {
            return Math.toIntExact(value);
        } catch (ArithmeticException e) {
            throw new CountOverflowException(e);
        }
    }

    public static long toLong(BigInteger value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new CountOverflowException(e);
        }
    }
}
