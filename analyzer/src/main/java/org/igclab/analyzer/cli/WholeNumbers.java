package org.igclab.analyzer.cli;

import picocli.CommandLine;

/**
 * Converters for options that count something: {@code converter = WholeNumbers.Positive.class} on an {@code int} or
 * {@code Integer} option refuses 0 and negatives while parsing, and picocli reports it with the option:
 * {@code Invalid value for option '--top': '0' must be positive} (exit code 2). Bounds that depend on the command (a
 * largest batch, another option) stay in the command.
 */
public final class WholeNumbers {
    private WholeNumbers() {
    }

    /** 1 or more. */
    public static final class Positive implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) atLeast(value, 1, "must be positive", Integer.MAX_VALUE);
        }
    }

    /** 0 or more (0 usually meaning "all" or "none"). */
    public static final class NonNegative implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) atLeast(value, 0, "must not be negative", Integer.MAX_VALUE);
        }
    }

    /** 1 or more, up to 2^63 - 1 (parameter and MAC budgets). */
    public static final class PositiveLong implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return atLeast(value, 1, "must be positive", Long.MAX_VALUE);
        }
    }

    private static long atLeast(String value, long least, String complaint, long most) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
        if (n > most) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large (at most " + most + ")");
        }
        if (n < least) {
            throw new CommandLine.TypeConversionException("'" + value + "' " + complaint);
        }
        return n;
    }
}
