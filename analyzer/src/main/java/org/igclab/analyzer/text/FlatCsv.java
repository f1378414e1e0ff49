package org.igclab.analyzer.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV without JSON in its cells: a JSON value (a block, a run's settings) becomes one column per leaf, named by its
 * path ({@code block.type}, {@code block.groupSizes[1]}, {@code settings.epochs}); numbers stay numbers.
 */
public final class FlatCsv {

    /**
     * A row: the cells before the flattened columns, the flattened values by column, the cells after.
     *
     * @param before cells before the flattened columns
     * @param flat   each flattened column's value ({@link #flatten})
     * @param after  cells after them
     */
    public record Row(List<Object> before, Map<String, Object> flat, List<Object> after) {
    }

    private FlatCsv() {
    }

    /** The leaves of {@code node} by column, under {@code column}: itself for a number, text or boolean; blank for null. */
    public static Map<String, Object> flatten(String column, JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten(column, node, out);
        return out;
    }

    private static void flatten(String column, JsonNode node, Map<String, Object> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.put(column, "");
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(column + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(column + "[" + i + "]", node.get(i), out);
            }
        } else if (node.isIntegralNumber()) {
            out.put(column, node.longValue());
        } else if (node.isNumber()) {
            out.put(column, node.doubleValue());
        } else if (node.isBoolean()) {
            out.put(column, node.booleanValue());
        } else {
            out.put(column, node.asText());
        }
    }

    /**
     * The CSV of the rows: the flattened columns are those of every row, in the order first seen ({@code flatNames} when
     * there is no row); a row without a column leaves it blank.
     */
    public static String of(List<String> before, List<String> flatNames, List<String> after, List<Row> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.flat().keySet()));
        if (rows.isEmpty()) {
            columns.addAll(flatNames);
        }
        List<String> header = new ArrayList<>(before);
        header.addAll(columns);
        header.addAll(after);
        List<List<?>> cells = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Object> row = new ArrayList<>(r.before());
            columns.forEach(c -> row.add(r.flat().getOrDefault(c, "")));
            row.addAll(r.after());
            cells.add(row);
        }
        return Csv.of(header, cells);
    }
}
