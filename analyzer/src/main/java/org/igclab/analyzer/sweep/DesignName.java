package org.igclab.analyzer.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.rules.io.JsonFields;

/**
 * A space's design as the results store names it, and that name as people read it. The stored name keeps each value as
 * compact JSON ({@code cifar [block={"type":"igcv2","K":8} width=64]}), so that it stays one-to-one with the design and
 * {@code igc results --name} finds it; tables, legends and tooltips show it with each value {@link Assignment#readable
 * readable}: {@code cifar [block=igcv2 K=8, width=64]}.
 */
public final class DesignName {

    private DesignName() {
    }

    /** The design's name in the store: the space's name (or {@code design N}) and its variables as compact JSON. */
    public static String stored(Space space, long design) {
        Assignment values = space.values(design);
        List<String> names = space.grid().names();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + "=" + Assignment.text(values.node(i)));
        }
        return (space.name().isEmpty() ? "design " + design : space.name()) + " [" + String.join(" ", parts) + "]";
    }

    /** The design's variables as the tables show them: {@code block=igcv2 K=8 L=3 widen=last, width=64}. */
    public static String variables(Space space, long design) {
        List<String> names = space.grid().names();
        List<String> values = values(space, design);
        List<Variable> variables = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            variables.add(new Variable(names.get(i), values.get(i)));
        }
        return joined(variables);
    }

    /** Each variable's value as a table's cell shows it, in the grid's order ({@code igcv2 K=8 widen=last}, {@code 64}). */
    public static List<String> values(Space space, long design) {
        Assignment a = space.values(design);
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < space.grid().names().size(); i++) {
            cells.add(Assignment.readable(a.node(i)));
        }
        return cells;
    }

    /**
     * A stored name as people read it, {@code cifar [block=igcv2 K=8, width=64]}; a name that is not a space's design
     * (a network's own name, a name written by hand) is returned as it is.
     */
    public static String readable(String stored) {
        if (stored == null || !stored.endsWith("]")) {
            return stored;
        }
        // the space's name may itself hold " [": the variables start at the first one after which the rest reads whole
        for (int open = stored.indexOf(" ["); open >= 0; open = stored.indexOf(" [", open + 1)) {
            Optional<List<Variable>> variables = variables(stored.substring(open + 2, stored.length() - 1));
            if (variables.isPresent()) {
                return stored.substring(0, open) + " [" + joined(variables.get()) + "]";
            }
        }
        return stored;
    }

    /** One variable of a design and its value as people read it. */
    private record Variable(String name, String value) {
        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    private static String joined(List<Variable> variables) {
        return String.join(", ", variables.stream().map(Variable::toString).toList());
    }

    /** {@code a=1 block={...} b=last} as written by {@link #stored}, or empty when the text is not in that form. */
    private static Optional<List<Variable>> variables(String body) {
        List<Variable> variables = new ArrayList<>();
        int at = 0;
        while (at < body.length()) {
            int equals = body.indexOf('=', at);
            if (equals <= at || body.substring(at, equals).contains(" ")) {
                return Optional.empty();
            }
            String name = body.substring(at, equals);
            int start = equals + 1;
            int end;
            JsonNode value;
            if (start < body.length() && (body.charAt(start) == '{' || body.charAt(start) == '[')) {
                try (JsonParser p = JsonFields.MAPPER.createParser(body.substring(start))) {
                    // one value, the next variable after it
                    value = JsonFields.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(p);
                    end = start + (int) p.currentLocation().getCharOffset();
                } catch (IOException notJson) {
                    return Optional.empty();
                }
            } else {
                end = body.indexOf(' ', start) < 0 ? body.length() : body.indexOf(' ', start);
                value = JsonFields.MAPPER.getNodeFactory().textNode(body.substring(start, end));
            }
            variables.add(new Variable(name, Assignment.readable(value)));
            if (end < body.length() && body.charAt(end) != ' ') {
                return Optional.empty();
            }
            at = end + 1;
        }
        return Optional.of(variables);
    }
}
