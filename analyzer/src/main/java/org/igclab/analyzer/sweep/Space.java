package org.igclab.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/**
 * A design space: a network template with {@code ${expr}} holes, the designs that fill them ({@link DesignGrid})
 * and the constraints a design must meet. A variable's value may hold expressions too (a block whose group size
 * is another variable), filled in before the template. Checked when built, so that a sweep meets no error of the
 * space's own (an unknown variable, a string in arithmetic), only those of single designs.
 */
public final class Space {
    /** The template's errors are named under this path. */
    public static final String TEMPLATE = "template";
    /** Names the reports use for the figures; a variable may not take one. */
    public static final Set<String> FIGURE_NAMES = Set.of("params", "macs", "activations", "peak_activation", "traffic",
            "complementary", "imbalance", "pareto", "status", "reason", "design");

    private final String name;
    private final JsonNode template;
    private final DesignGrid grid;
    private final Constraints constraints;
    private final SpaceTemplate compiled;
    /** Values that hold expressions of their own ({@code "block": {"type": "igcv2", "K": "${K}"}}), by identity. */
    private final Map<JsonNode, SpaceTemplate> valueTemplates = new IdentityHashMap<>();

    private Space(String name, JsonNode template, DesignGrid grid, Constraints constraints) {
        this.name = name;
        this.template = template;
        this.grid = grid;
        this.constraints = constraints;
        Map<String, Integer> slots = new HashMap<>();
        for (int i = 0; i < grid.names().size(); i++) {
            slots.put(grid.names().get(i), i);
        }
        this.compiled = SpaceTemplate.compile(template, TEMPLATE, slots);
        for (DesignGrid.Written w : grid.written()) {
            if (!SpaceTemplate.holes(w.node(), w.path()).isEmpty()) {
                valueTemplates.put(w.node(), SpaceTemplate.compile(w.node(), w.path(), slots));
            }
        }
    }

    /** The values with their own expressions filled in. */
    private Assignment filled(Assignment values) {
        if (valueTemplates.isEmpty()) {
            return values;
        }
        JsonNode[] nodes = values.nodes().clone();
        for (int i = 0; i < nodes.length; i++) {
            SpaceTemplate t = valueTemplates.get(nodes[i]);
            if (t != null) {
                nodes[i] = t.build(values);
            }
        }
        return new Assignment(nodes, values.numbers());
    }

    /** Checks the space (see {@link SpaceCheck}) and builds it. */
    public static Space of(String name, JsonNode template, DesignGrid grid, Constraints constraints) {
        SpaceCheck.check(template, grid);
        return new Space(name, template, grid, constraints);
    }

    public String name() {
        return name;
    }

    public DesignGrid grid() {
        return grid;
    }

    public Constraints constraints() {
        return constraints;
    }

    public long size() {
        return grid.size();
    }

    /**
     * A design's values for reports: those that hold expressions filled in, or as written where they cannot be (a division
     * that is not whole, say). Such a design is invalid, and {@link #network} throws the same error, which its sweep row
     * reports as its reason; here only the values' text is at stake.
     */
    public Assignment values(long design) {
        Assignment a = grid.assignment(design);
        try {
            return filled(a);
        } catch (InvalidDesignException reportedByTheRow) {
            return a;
        }
    }

    /** Design {@code index}'s values as text, {@code width = 48, K = 8}, for messages. */
    public String describe(long design) {
        Assignment a = values(design);
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < grid.names().size(); i++) {
            parts.add(grid.names().get(i) + " = " + Assignment.readable(a.node(i)));
        }
        return parts.isEmpty() ? "the only design" : String.join(", ", parts);
    }

    /** Design {@code index}'s network; an error of this design (a field out of range, an inexact division) names the field. */
    public Network network(Assignment values) {
        return NetworkJson.fromJson(JsonFields.of(compiled.build(filled(values)), TEMPLATE));
    }

    /** The template filled in for one design, as JSON (what {@code igc cost} would read). */
    public JsonNode filledIn(Assignment values) {
        return compiled.build(filled(values));
    }

    /** The same space with other constraints. */
    public Space with(Constraints other) {
        return new Space(name, template, grid, other);
    }

    /** The same space with {@code variable} taking {@code values} as its last grid variable (see {@link DesignGrid#varying}). */
    public Space varying(String variable, List<JsonNode> values) {
        return of(name, template, grid.varying(variable, values), constraints);
    }

    /** Whether the template reads the variable. */
    public boolean uses(String variable) {
        return SpaceCheck.usedVariables(template, grid).contains(variable);
    }
}
