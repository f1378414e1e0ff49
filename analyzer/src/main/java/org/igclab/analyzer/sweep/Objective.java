package org.igclab.analyzer.sweep;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.ToDoubleBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column the Pareto front optimizes: minimized unless written {@code name:max}.
 *
 * @param name     a figure ({@code params}, {@code macs}, ...) or a variable whose values are whole numbers
 * @param maximize whether larger is better
 */
public record Objective(String name, boolean maximize) {

    /** {@code latency_b<N>}: the median latency at batch {@code N}, measured by {@code igc sweep --evaluate latency}. */
    private static final Pattern LATENCY = Pattern.compile("latency_b([1-9][0-9]{0,6})");

    /** The latency predicted from a calibration, as an objective's name. */
    public static final String LATENCY_PRED = "latency_pred";

    /** How the measured objectives are written, for messages. */
    public static final String MEASURED_NAMES = "latency_b<N> (the median latency at batch N, e.g. latency_b1, latency_b32), accuracy";

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
        // predicted from this machine's calibration (igc calibrate); NaN where the sweep predicted none
        m.put(LATENCY_PRED, (r, a) -> r.figures().latencyPredMs());
        // measured by igc sweep --evaluate; NaN (never on the front) where a design was not measured
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
            if (!FIGURES.containsKey(p) && !numericVariables.contains(p) && !LATENCY.matcher(p).matches()) {
                List<String> known = new ArrayList<>(FIGURES.keySet());
                known.remove("accuracy");
                known.add(MEASURED_NAMES);
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

    /** The batch size of a {@code latency_b<N>} objective. */
    public OptionalInt latencyBatch() {
        Matcher m = LATENCY.matcher(name);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The value to minimize for a row that passed (a maximized value is negated); NaN for a measurement missing or noisy. */
    public double minimized(SweepRow row, Assignment values, DesignGrid grid) {
        ToDoubleBiFunction<SweepRow, Assignment> figure = FIGURES.get(name);
        OptionalInt batch = latencyBatch();
        double v;
        if (batch.isPresent()) {
            v = row.measured() == null ? Double.NaN : row.measured().rankedLatencyMs(batch.getAsInt());
        } else {
            v = figure != null ? figure.applyAsDouble(row, values) : values.numbers()[grid.names().indexOf(name)];
        }
        return maximize ? -v : v;
    }

    /**
     * The passing rows left out of the front because a measured objective is missing for them or was taken under
     * interference (noisy): a figure that cannot be trusted is never ranked, not even as the worst.
     */
    public static BitSet unranked(Sweep sweep, List<Objective> objectives) {
        BitSet out = new BitSet(sweep.rows().size());
        List<Objective> measured = objectives.stream().filter(Objective::measured).toList();
        if (measured.isEmpty()) {
            return out;
        }
        for (int i = 0; i < sweep.rows().size(); i++) {
            SweepRow row = sweep.rows().get(i);
            if (row.status() == SweepRow.Status.PASS && measured.stream().anyMatch(o -> Double.isNaN(o.minimized(row, null, null)))) {
                out.set(i);
            }
        }
        return out;
    }

    /** Which of the sweep's passing rows are on the front, as a set over all rows' positions; {@link #unranked} rows never are. */
    public static BitSet front(Sweep sweep, List<Objective> objectives) {
        BitSet unranked = unranked(sweep, objectives);
        List<Integer> passing = new ArrayList<>();
        for (int i = 0; i < sweep.rows().size(); i++) {
            if (sweep.rows().get(i).status() == SweepRow.Status.PASS && !unranked.get(i)) {
                passing.add(i);
            }
        }
        DesignGrid grid = sweep.space().grid();
        double[][] points = new double[passing.size()][objectives.size()];
        boolean needsValues = objectives.stream().anyMatch(o -> !FIGURES.containsKey(o.name) && !o.measured());
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

    /** Whether it is the latency predicted from a calibration: the sweep needs a latency model. */
    public boolean predicted() {
        return name.equals(LATENCY_PRED);
    }

    /** Whether only a measurement gives it (igc sweep --evaluate, with the runtime). */
    public boolean measured() {
        return name.equals("accuracy") || latencyBatch().isPresent();
    }

    @Override
    public String toString() {
        return name + (maximize ? ":max" : "");
    }
}
