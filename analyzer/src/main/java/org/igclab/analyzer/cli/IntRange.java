package org.igclab.analyzer.cli;

import picocli.CommandLine;

/**
 * An inclusive integer range written {@code 3}, {@code 2..5}, {@code 2..} or {@code ..5} on the command line.
 *
 * @param min smallest value
 * @param max largest value ({@link Integer#MAX_VALUE} when open)
 */
public record IntRange(int min, int max) {

    public boolean isSingle() {
        return min == max;
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + ".." + (max == Integer.MAX_VALUE ? "" : Integer.toString(max));
    }

    /** Picocli converter; lower bound of an open start is 1. */
    public static final class Converter implements CommandLine.ITypeConverter<IntRange> {
        @Override
        public IntRange convert(String value) {
            String v = value.trim();
            try {
                int dots = v.indexOf("..");
                if (dots < 0) {
                    int n = Integer.parseInt(v);
                    return checked(n, n, value);
                }
                String lo = v.substring(0, dots).trim();
                String hi = v.substring(dots + 2).trim();
                return checked(lo.isEmpty() ? 1 : Integer.parseInt(lo), hi.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(hi), value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a number or a range like 2..5");
            }
        }

        private static IntRange checked(int min, int max, String value) {
            if (min < 1) {
                throw new CommandLine.TypeConversionException("'" + value + "': values must be positive");
            }
            if (max < min) {
                throw new CommandLine.TypeConversionException("'" + value + "' is an empty range");
            }
            return new IntRange(min, max);
        }
    }
}
