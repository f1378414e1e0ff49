package org.igclab.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.CountOverflowException;
import org.igclab.rules.model.ExactCounts;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The designs of a space: each entry of {@code list} (or one empty entry) combined with every point of the
 * cartesian product of {@code grid}. Design {@code i} is found by arithmetic, never stored, so a sweep over
 * millions of designs keeps only their numbers. The first grid variable varies slowest.
 */
public final class DesignGrid {
    /** More designs than this is surely a mistake in the space, and would not fit in memory anyway. */
    public static final long MAX_DESIGNS = 20_000_000;

    private final List<String> names;
    private final List<JsonNode[]> entries;
    private final List<String> gridNames;
    private final List<List<JsonNode>> gridValues;
    private final long gridSize;

    private DesignGrid(List<String> names, List<JsonNode[]> entries, List<String> gridNames, List<List<JsonNode>> gridValues) {
        this.names = List.copyOf(names);
        this.entries = entries;
        this.gridNames = List.copyOf(gridNames);
        this.gridValues = List.copyOf(gridValues);
        long size = 1;
        for (List<JsonNode> values : gridValues) {
            size = ExactCounts.multiply(size, values.size());
        }
        this.gridSize = size;
    }

    /** Reads {@code grid} and {@code list} from the space's top object; both are optional. */
    static DesignGrid parse(JsonFields top) {
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        if (top.has("grid")) {
            JsonFields g = top.object("grid");
            for (Iterator<String> it = g.node().fieldNames(); it.hasNext(); ) {
                String name = it.next();
                List<JsonNode> values = new ArrayList<>();
                for (JsonFields.Element e : g.array(name)) {
                    values.add(value(e.node(), e.path()));
                }
                if (values.isEmpty()) {
                    throw new InvalidDesignException(g.pathOf(name), "is empty: give at least one value");
                }
                grid.put(name, values);
            }
        }
        List<String> names = new ArrayList<>();
        List<Map<String, JsonNode>> rawEntries = new ArrayList<>();
        if (top.has("list")) {
            List<JsonFields.Element> list = top.array("list");
            if (list.isEmpty()) {
                throw new InvalidDesignException(top.pathOf("list"), "is empty: give at least one entry, or leave it out");
            }
            for (JsonFields.Element e : list) {
                JsonFields entry = e.asObject();
                Map<String, JsonNode> values = new LinkedHashMap<>();
                for (Iterator<String> it = entry.node().fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (grid.containsKey(name)) {
                        throw new InvalidDesignException(entry.pathOf(name), "is also a grid variable; give it in one place");
                    }
                    values.put(name, value(entry.node().get(name), entry.pathOf(name)));
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
                rawEntries.add(values);
            }
            requireSameVariables(list, rawEntries);
        }
        List<JsonNode[]> entries = new ArrayList<>();
        for (Map<String, JsonNode> raw : rawEntries) {
            JsonNode[] slots = new JsonNode[names.size() + grid.size()];
            raw.forEach((name, value) -> slots[names.indexOf(name)] = value);
            entries.add(slots);
        }
        names.addAll(grid.keySet());
        String where = top.has("grid") ? top.pathOf("grid") : top.pathOf("list");
        try {
            DesignGrid designs = new DesignGrid(names, entries, new ArrayList<>(grid.keySet()), new ArrayList<>(grid.values()));
            if (designs.size() > MAX_DESIGNS) {
                throw new InvalidDesignException(where, String.format("makes %,d designs, more than %,d; sweep a coarser grid",
                        designs.size(), MAX_DESIGNS));
            }
            return designs;
        } catch (CountOverflowException e) {
            throw new InvalidDesignException(where, String.format("makes more than %,d designs; sweep a coarser grid", MAX_DESIGNS), e);
        }
    }

    /** Every list entry sets the same variables: a design must have a value for each column of the reports. */
    private static void requireSameVariables(List<JsonFields.Element> list, List<Map<String, JsonNode>> entries) {
        Map<String, JsonNode> first = entries.get(0);
        for (int e = 1; e < entries.size(); e++) {
            for (String name : first.keySet()) {
                if (!entries.get(e).containsKey(name)) {
                    throw new InvalidDesignException(list.get(e).path(), "does not set " + name + ", which " + list.get(0).path()
                            + " sets (= " + first.get(name) + "); every entry must set the same variables");
                }
            }
            for (String name : entries.get(e).keySet()) {
                if (!first.containsKey(name)) {
                    throw new InvalidDesignException(list.get(e).path() + "." + name, "= " + entries.get(e).get(name) + " is set here but not by "
                            + list.get(0).path() + "; every entry must set the same variables");
                }
            }
        }
    }

    private static JsonNode value(JsonNode v, String path) {
        if (v.isNull()) {
            throw new InvalidDesignException(path, "= null is not a value");
        }
        if (v.isNumber() && !v.isIntegralNumber()) {
            throw new InvalidDesignException(path, "= " + v + " must be a whole number (or a string)");
        }
        return v;
    }

    /**
     * A value as written in the space.
     *
     * @param path  where, e.g. {@code grid.width[2]} or {@code list[0].block}
     * @param name  the variable
     * @param entry the list entry it belongs to, or -1 for a grid value
     * @param node  the value
     */
    public record Written(String path, String name, int entry, JsonNode node) {
    }

    /** Every value of every variable, with its place in the space. */
    public List<Written> written() {
        List<Written> all = new ArrayList<>();
        int offset = names.size() - gridNames.size();
        for (int e = 0; e < entries.size(); e++) {
            for (int slot = 0; slot < offset; slot++) {
                JsonNode v = entries.get(e)[slot];
                if (v != null) {
                    all.add(new Written("list[" + e + "]." + names.get(slot), names.get(slot), e, v));
                }
            }
        }
        for (int g = 0; g < gridNames.size(); g++) {
            for (int i = 0; i < gridValues.get(g).size(); i++) {
                all.add(new Written("grid." + gridNames.get(g) + "[" + i + "]", gridNames.get(g), -1, gridValues.get(g).get(i)));
            }
        }
        return all;
    }

    /** Every variable, list variables first, then grid variables in the order written. */
    public List<String> names() {
        return names;
    }

    public List<String> gridNames() {
        return gridNames;
    }

    /** The variables set by list entries. */
    public List<String> listNames() {
        return names.subList(0, names.size() - gridNames.size());
    }

    public int listSize() {
        return entries.size();
    }

    public long size() {
        return ExactCounts.multiply(Math.max(1, entries.size()), gridSize);
    }

    /** Entry {@code e} of the list (absent variables are null). */
    JsonNode[] entry(int e) {
        return entries.get(e);
    }

    /** The values of a grid variable. */
    public List<JsonNode> gridValues(String name) {
        return gridValues.get(gridNames.indexOf(name));
    }

    /** Design {@code index}'s values by slot (the order of {@link #names}). */
    public Assignment assignment(long index) {
        JsonNode[] nodes = entries.isEmpty() ? new JsonNode[names.size()] : entries.get((int) (index / gridSize)).clone();
        long rest = index % gridSize;
        int offset = names.size() - gridNames.size();
        for (int g = gridValues.size() - 1; g >= 0; g--) {
            List<JsonNode> values = gridValues.get(g);
            nodes[offset + g] = values.get((int) (rest % values.size()));
            rest /= values.size();
        }
        return Assignment.of(nodes);
    }

    /**
     * The same designs with {@code name} taking {@code values} as the last (fastest) grid variable: designs
     * {@code c * values.size() + j} for {@code j = 0, 1, ...} then differ only in it. Its own grid values, if any, are dropped.
     */
    public DesignGrid varying(String name, List<JsonNode> values) {
        if (listNames().contains(name)) {
            throw new IllegalArgumentException(name + " is set by the list's entries");
        }
        List<String> newGridNames = new ArrayList<>(gridNames);
        List<List<JsonNode>> newGridValues = new ArrayList<>(gridValues);
        int at = newGridNames.indexOf(name);
        if (at >= 0) {
            newGridNames.remove(at);
            newGridValues.remove(at);
        }
        newGridNames.add(name);
        newGridValues.add(List.copyOf(values));
        List<String> newNames = new ArrayList<>(listNames());
        newNames.addAll(newGridNames);
        List<JsonNode[]> newEntries = new ArrayList<>();
        for (JsonNode[] e : entries) {
            newEntries.add(java.util.Arrays.copyOf(e, newNames.size()));
        }
        return new DesignGrid(newNames, newEntries, newGridNames, newGridValues);
    }
}
