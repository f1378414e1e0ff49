package org.igclab.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;

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
}
