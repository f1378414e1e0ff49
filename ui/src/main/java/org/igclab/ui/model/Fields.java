package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the text of one control into a value or a message to show beside it. Messages are short and say what
 * would be accepted, because they appear under the field, not in a dialog.
 */
final class Fields {

    /** A parsed value, or why the text is not one. */
    record Parsed<T>(T value, String error) {
        static <T> Parsed<T> ok(T value) {
            return new Parsed<>(value, null);
        }

        static <T> Parsed<T> fail(String error) {
            return new Parsed<>(null, error);
        }

        boolean ok() {
            return error == null;
        }
    }

    private Fields() {
    }

    /** A whole number in {@code [min, max]}. */
    static Parsed<Integer> integer(String text, int min, int max) {
        Parsed<Long> p = whole(text, min, max);
        return p.ok() ? Parsed.ok(p.value().intValue()) : Parsed.fail(p.error());
    }

    /** A whole number in {@code [min, max]}; grouping commas and underscores are allowed ({@code 1,000,000}). */
    static Parsed<Long> whole(String text, long min, long max) {
        String t = text == null ? "" : text.trim().replace("_", "").replace(",", "");
        if (t.isEmpty()) {
            return Parsed.fail("enter a whole number");
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return Parsed.fail("'" + text.trim() + "' is not a whole number");
        }
        if (v < min) {
            return Parsed.fail("must be at least " + min);
        }
        if (v > max) {
            return Parsed.fail("must be at most " + max);
        }
        return Parsed.ok(v);
    }

    /** Blank for none, else a whole number in {@code [min, max]}. */
    static Parsed<Long> optionalWhole(String text, long min, long max) {
        return text == null || text.isBlank() ? Parsed.ok(null) : whole(text, min, max);
    }

    /** A finite number, 0 or more. */
    static Parsed<Double> nonNegative(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!(v >= 0) || Double.isInfinite(v)) {
                return Parsed.fail("must be 0 or more");
            }
            return Parsed.ok(v);
        } catch (NumberFormatException | NullPointerException e) {
            return Parsed.fail("'" + (text == null ? "" : text.trim()) + "' is not a number");
        }
    }

    /** Whole numbers separated by commas or spaces, each in {@code [min, max]}, at most {@code most} of them. */
    static Parsed<List<Integer>> integerList(String text, int min, int max, int most) {
        List<Integer> values = new ArrayList<>();
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return Parsed.ok(values);
        }
        for (String part : t.split("[,\\s]+")) {
            Parsed<Integer> p = integer(part, min, max);
            if (!p.ok()) {
                return Parsed.fail(p.error().startsWith("must") ? part + " " + p.error() : p.error());
            }
            values.add(p.value());
        }
        if (values.size() > most) {
            return Parsed.fail("at most " + most + " values");
        }
        return Parsed.ok(values);
    }

    /** One of the given words (case-insensitive). */
    static Parsed<String> choice(String text, List<String> words) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return words.contains(t) ? Parsed.ok(t) : Parsed.fail("choose one of " + String.join(", ", words));
    }

    static boolean flag(String text) {
        return "true".equalsIgnoreCase(text == null ? "" : text.trim());
    }
}
