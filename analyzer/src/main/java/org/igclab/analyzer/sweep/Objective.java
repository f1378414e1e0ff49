package org.igclab.analyzer.sweep;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * A column the Pareto front optimizes: minimized unless written {@code name:max}.
 *
 * @param name     a figure ({@code params}, {@code macs}, ...) or a variable whose values are whole numbers
 * @param maximize whether larger is better
 */
public record Objective(String name, boolean maximize) {

    /** The objectives only a measurement gives (igc sweep --evaluate, with the runtime). */
    public static final java.util.Set<String> MEASURED = java.util.Set.of("latency_b1", "latency_b32", "accuracy");

    /** The figures that can be objectives, with how to read each from a row. */
    private static final Map<String, ToDoubleBiFunction<SweepRow, Assignment>> FIGURES = figures();

    private static Map<String, ToDoubleBiFunction<SweepRow, Assignment>> figures() {
        Map<String, ToDoubleBiFunction<SweepRow, Assignment>> m = new LinkedHashMap<>();
        m.put("params", (r, a) -> r.figures().params());
        m.put("macs", (r, a) -> r.figures().macs());
        m.put("activations", (r, a) -> r.figures().activations());
        m.put("peak_activation", (r, a) -> r.figures().peakActivation());
        m.put("traffic", (r, a) -> r.figures().traffic());
        m.put("imbalance", (r, a) -> r.figures().imbalance());
        // measured by igc sweep --evaluate; NaN (never on the front) where a design was not measured
        m.put("latency_b1", (r, a) -> r.measured() == null ? Double.NaN : Measurement.orNaN(r.measured().latencyB1Ms()));
        m.put("latency_b32", (r, a) -> r.measured() == null ? Double.NaN : Measurement.orNaN(r.measured().latencyB32Ms()));
        m.put("accuracy", (r, a) -> r.measured() == null ? Double.NaN : Measurement.orNaN(r.measured().accuracy()));
        return m;
    }

    /**
     * Parses {@code params,macs:max}; a name must be a figure or one of {@code numericVariables}. Errors list the
     * names that would do.
     */
    public static List<Objective> parseList(String text, List<String> numericVariables) {
        List<Objective> objectives = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            boolean max = false;
            int colon = p.indexOf(':');
            if (colon >= 0) {
                String direction = p.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                if (!direction.equals("max") && !direction.equals("min")) {
                    throw new IllegalArgumentException("'" + p + "': the direction after ':' must be min or max");
                }
                max = direction.equals("max");
                p = p.substring(0, colon).trim();
            }
            if (!FIGURES.containsKey(p) && !numericVariables.contains(p)) {
                List<String> known = new ArrayList<>(FIGURES.keySet());
                known.addAll(numericVariables);
                throw new IllegalArgumentException("'" + (p.isEmpty() ? part : p) + "' is not an objective (known: "
                        + String.join(", ", known) + "; add :max to maximize)");
            }
            for (Objective o : objectives) {
                if (o.name.equals(p)) {
                    throw new IllegalArgumentException("'" + p + "' is named twice");
                }
            }
            objectives.add(new Objective(p, max));
        }
        return objectives;
    }

    /** The variables of a space that can be objectives: those whose every value is a whole number. */
    public static List<String> numericVariables(DesignGrid grid) {
        List<String> names = new ArrayList<>();
        for (String v : grid.names()) {
            boolean numeric;
            if (grid.gridNames().contains(v)) {
                numeric = grid.gridValues(v).stream().allMatch(n -> n.isIntegralNumber());
            } else {
                int slot = grid.names().indexOf(v);
                numeric = true;
                for (int e = 0; e < grid.listSize(); e++) {
                    numeric &= grid.entry(e)[slot] != null && grid.entry(e)[slot].isIntegralNumber();
                }
            }
            if (numeric) {
                names.add(v);
            }
        }
        return names;
    }

    /** The value to minimize for a row that passed (a maximized value is negated). */
    double minimized(SweepRow row, Assignment values, DesignGrid grid) {
        ToDoubleBiFunction<SweepRow, Assignment> figure = FIGURES.get(name);
        double v = figure != null ? figure.applyAsDouble(row, values) : values.numbers()[grid.names().indexOf(name)];
        return maximize ? -v : v;
    }

    /** Which of the sweep's passing rows are on the front, as a set over all rows' positions. */
    public static BitSet front(Sweep sweep, List<Objective> objectives) {
        List<Integer> passing = new ArrayList<>();
        for (int i = 0; i < sweep.rows().size(); i++) {
            if (sweep.rows().get(i).status() == SweepRow.Status.PASS) {
                passing.add(i);
            }
        }
        DesignGrid grid = sweep.space().grid();
        double[][] points = new double[passing.size()][objectives.size()];
        boolean needsValues = objectives.stream().anyMatch(o -> !FIGURES.containsKey(o.name));
        for (int k = 0; k < passing.size(); k++) {
            SweepRow row = sweep.rows().get(passing.get(k));
            Assignment values = needsValues ? grid.assignment(row.design()) : null;
            for (int d = 0; d < objectives.size(); d++) {
                points[k][d] = objectives.get(d).minimized(row, values, grid);
            }
        }
        BitSet onFront = Pareto.front(points);
        BitSet rows = new BitSet(sweep.rows().size());
        onFront.stream().forEach(k -> rows.set(passing.get(k)));
        return rows;
    }

    public boolean measured() {
        return MEASURED.contains(name);
    }

    @Override
    public String toString() {
        return name + (maximize ? ":max" : "");
    }
}
