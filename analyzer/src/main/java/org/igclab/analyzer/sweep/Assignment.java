package org.igclab.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One design's variable values, by slot: as written in the space, and as 64-bit integers for arithmetic
 * (0 for a value that is not a whole number; the space is checked so that no expression computes with one).
 *
 * @param nodes   the values as written
 * @param numbers the whole-number values
 */
public record Assignment(JsonNode[] nodes, long[] numbers) {

    public static Assignment of(JsonNode[] nodes) {
        long[] numbers = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            numbers[i] = nodes[i] != null && nodes[i].isIntegralNumber() ? nodes[i].longValue() : 0;
        }
        return new Assignment(nodes, numbers);
    }

    public JsonNode node(int slot) {
        return nodes[slot];
    }

    /** A value as text: a number's digits, a string without quotes, anything else as compact JSON. */
    public static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /**
     * A value for people to read in tables, legends and messages: a number or text as itself, a list as {@code [1,8,8]},
     * an object as its fields {@code K=8 L=3}, led by its type when it has one ({@code {"type":"igcv2","K":8}} is
     * {@code igcv2 K=8}); an object inside one is braced. {@link #text} keeps the compact JSON that names designs.
     */
    public static String readable(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(nested(v)));
            return "[" + String.join(",", items) + "]";
        }
        if (!value.isObject()) {
            return text(value);
        }
        List<String> parts = new ArrayList<>();
        JsonNode type = value.get("type");
        boolean typed = type != null && type.isTextual();
        if (typed) {
            parts.add(type.asText());
        }
        value.fields().forEachRemaining(e -> {
            if (!(typed && e.getKey().equals("type"))) {
                parts.add(e.getKey() + "=" + nested(e.getValue()));
            }
        });
        return String.join(" ", parts);
    }

    private static String nested(JsonNode v) {
        return v.isObject() ? "{" + readable(v) + "}" : readable(v);
    }
}
