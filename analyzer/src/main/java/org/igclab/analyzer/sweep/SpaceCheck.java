package org.igclab.analyzer.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The checks that make a space's own mistakes errors before any design is built: every expression's variables
 * set for every design, only whole numbers in arithmetic, no unused grid variable (it would only repeat designs),
 * no variable named like a report column, and expressions in values one level deep.
 */
final class SpaceCheck {

    /** An expression and where it stands: in the template, or in a variable's value. */
    private record Site(SpaceTemplate.Hole hole, boolean inValue) {
    }

    private SpaceCheck() {
    }

    static void check(com.fasterxml.jackson.databind.JsonNode template, DesignGrid grid) {
        List<Site> sites = new ArrayList<>();
        SpaceTemplate.holes(template, Space.TEMPLATE).forEach(h -> sites.add(new Site(h, false)));
        Set<String> templated = new LinkedHashSet<>();
        for (DesignGrid.Written w : grid.written()) {
            List<SpaceTemplate.Hole> holes = SpaceTemplate.holes(w.node(), w.path());
            if (!holes.isEmpty()) {
                templated.add(w.name());
            }
            holes.forEach(h -> sites.add(new Site(h, true)));
        }
        Set<String> used = new LinkedHashSet<>();
        for (Site site : sites) {
            for (String v : site.hole().expr().variables()) {
                used.add(v);
                requireDefined(grid, v, site);
                if (site.inValue() && templated.contains(v)) {
                    throw new InvalidDesignException(site.hole().path(), "= \"" + site.hole().written() + "\" uses " + v
                            + ", whose own values hold expressions; a value's expressions may only use plain variables");
                }
                if (site.hole().arithmetic()) {
                    requireWholeNumbers(grid, v, site.hole());
                }
            }
        }
        for (String v : grid.names()) {
            if (Space.FIGURE_NAMES.contains(v)) {
                throw new InvalidDesignException(firstPlace(grid, v), "is the name of a report column; call the variable something else");
            }
        }
        for (String v : grid.gridNames()) {
            if (!used.contains(v)) {
                throw new InvalidDesignException("grid." + v, "is not used by the template (write \"${" + v + "}\" where it goes)");
            }
        }
    }

    /** The variables the template's expressions and the values' own expressions use. */
    static Set<String> usedVariables(com.fasterxml.jackson.databind.JsonNode template, DesignGrid grid) {
        Set<String> used = new LinkedHashSet<>();
        SpaceTemplate.holes(template, Space.TEMPLATE).forEach(h -> used.addAll(h.expr().variables()));
        for (DesignGrid.Written w : grid.written()) {
            SpaceTemplate.holes(w.node(), w.path()).forEach(h -> used.addAll(h.expr().variables()));
        }
        return used;
    }

    private static String firstPlace(DesignGrid grid, String v) {
        if (grid.gridNames().contains(v)) {
            return "grid." + v;
        }
        return grid.written().stream().filter(w -> w.name().equals(v)).findFirst().map(DesignGrid.Written::path).orElse(v);
    }

    /** Set by the grid or by the list (whose entries all set the same variables, see {@link DesignGrid}). */
    private static void requireDefined(DesignGrid grid, String v, Site site) {
        if (!grid.names().contains(v)) {
            throw new InvalidDesignException(site.hole().path(), "= \"" + site.hole().written() + "\" uses the variable " + v
                    + ", which neither \"grid\" nor \"list\" sets");
        }
    }

    private static void requireWholeNumbers(DesignGrid grid, String v, SpaceTemplate.Hole hole) {
        for (DesignGrid.Written w : grid.written()) {
            if (w.name().equals(v) && !w.node().isIntegralNumber()) {
                throw new InvalidDesignException(w.path(), "= " + w.node() + " must be a whole number (" + hole.path() + " = \""
                        + hole.written() + "\" computes with it)");
            }
        }
    }
}
