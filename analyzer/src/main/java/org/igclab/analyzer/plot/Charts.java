package org.igclab.analyzer.plot;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.igclab.analyzer.chain.ClosedForms;
import org.igclab.analyzer.chain.EnumeratedDesign;
import org.igclab.analyzer.sweep.Assignment;
import org.igclab.analyzer.sweep.BudgetSolver;
import org.igclab.analyzer.sweep.DesignGrid;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.rules.condition.IntegerOptimum;
import org.igclab.rules.condition.Verdict;

/** The charts of the analyzer's commands, as data for {@link Plots}: pure functions of the commands' results. */
public final class Charts {

    private Charts() {
    }

    /**
     * A sweep's passing designs on its first two objectives, the Pareto front over all of them marked and joined.
     * Designs the front leaves unranked (a latency measured under interference) are not drawn.
     */
    public static Plots.Chart sweep(Sweep sweep, List<Objective> objectives, BitSet front, String source) {
        if (objectives.size() < 2) {
            throw new IllegalArgumentException("a sweep chart needs two objectives, not " + objectives.size());
        }
        Objective x = objectives.get(0);
        Objective y = objectives.get(1);
        BitSet unranked = Objective.unranked(sweep, objectives);
        DesignGrid grid = sweep.space().grid();
        List<double[]> designs = new ArrayList<>();
        List<double[]> onFront = new ArrayList<>();
        for (int i = 0; i < sweep.rows().size(); i++) {
            SweepRow row = sweep.rows().get(i);
            if (row.status() != SweepRow.Status.PASS || unranked.get(i)) {
                continue;
            }
            Assignment values = grid.assignment(row.design());
            double[] p = {read(x, row, values, grid), read(y, row, values, grid)};
            (front.get(i) ? onFront : designs).add(p);
        }
        String over = objectives.stream().map(Objective::toString).collect(Collectors.joining(", "));
        String title = name(sweep.space(), source) + ": " + (designs.size() + onFront.size()) + " designs, " + onFront.size()
                + " on the Pareto front over " + over;
        List<Plots.Series> series = List.of(new Plots.Series("Pareto front", onFront, Plots.Style.HIGHLIGHT),
                new Plots.Series("designs", designs, Plots.Style.POINTS));
        return new Plots.Chart(title, x.toString(), y.toString(), series, Plots.spansDecades(series, 0), Plots.spansDecades(series, 1));
    }

    private static double read(Objective o, SweepRow row, Assignment values, DesignGrid grid) {
        double v = o.minimized(row, values, grid);
        return o.maximize() ? -v + 0.0 : v;
    }

    /**
     * A budget's answers: the varied variable's largest value against the fastest-varying other whole-number variable
     * with more than one value ({@code width} against {@code L}), one line per combination of the rest ({@code K = 4},
     * {@code K = 8}). Without such a variable, each answer is a point at its position in the table.
     */
    public static Plots.Chart budget(Space space, String variable, String budget, BudgetSolver.Solution solution, String source) {
        DesignGrid grid = solution.space().grid();
        List<String> others = grid.names().stream().filter(n -> !n.equals(variable)).toList();
        List<Assignment> values = solution.answers().stream().map(a -> solution.space().values(a.design())).toList();
        String axis = null;
        for (String name : others) {
            int slot = grid.names().indexOf(name);
            boolean numeric = values.stream().allMatch(v -> v.node(slot) != null && v.node(slot).isNumber());
            if (numeric && values.stream().map(v -> v.node(slot).asDouble()).distinct().count() > 1) {
                axis = name;
            }
        }
        String xName = axis;
        // a combination is named by the other grid variables, and by the list's first text variable (a family's name) when
        // the list has several entries: a list value that spells out the grid's values (a block) would only repeat them
        List<String> rest = new ArrayList<>(grid.gridNames().stream().filter(n -> !n.equals(xName) && !n.equals(variable) && differs(grid, values, n))
                .toList());
        if (grid.listSize() > 1) {
            grid.listNames().stream().filter(n -> textual(grid, values, n)).findFirst()
                    .or(() -> grid.listNames().stream().filter(n -> !n.equals(variable)).findFirst()).ifPresent(n -> rest.add(0, n));
        }
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (int i = 0; i < solution.answers().size(); i++) {
            BudgetSolver.Answer a = solution.answers().get(i);
            Assignment v = values.get(i);
            String label = rest.stream().map(n -> n + " = " + Assignment.readable(v.node(grid.names().indexOf(n)))).collect(Collectors.joining(", "));
            String key = xName == null ? "answer " + (i + 1) + (label.isEmpty() ? "" : ": " + label) : label.isEmpty() ? variable : label;
            List<double[]> line = lines.computeIfAbsent(key, k -> new ArrayList<>());
            if (a.found()) {
                line.add(new double[] {xName == null ? i + 1 : v.node(grid.names().indexOf(xName)).asDouble(), a.value()});
            }
        }
        List<Plots.Series> series = new ArrayList<>();
        lines.forEach((name, points) -> series.add(new Plots.Series(name, points, xName == null ? Plots.Style.MARKED : Plots.Style.LINE)));
        String title = name(space, source) + ": the largest " + variable + " within " + budget;
        return new Plots.Chart(title, xName == null ? "answer (as numbered in the table)" : xName, variable, series);
    }

    private static boolean textual(DesignGrid grid, List<Assignment> values, String name) {
        int slot = grid.names().indexOf(name);
        return values.stream().allMatch(v -> v.node(slot) != null && v.node(slot).isTextual());
    }

    private static boolean differs(DesignGrid grid, List<Assignment> values, String name) {
        int slot = grid.names().indexOf(name);
        return values.stream().map(v -> v.node(slot) == null ? "" : Assignment.text(v.node(slot))).distinct().count() > 1;
    }

    /**
     * An enumeration's chains: parameters (the weights {@code Q}) against the number of kernels {@code L}, strict chains
     * apart from the others, with the balance optimum: the AM-GM bound {@code C L (C S_1)^(1/L)} over {@code L}, its
     * closed-form minimum {@code (L*, Q*)} and the integer optimum found by enumeration, in both forms.
     */
    public static Plots.Chart enumeration(List<EnumeratedDesign> designs, ClosedForms closed, int kernelSide) {
        List<double[]> strict = new ArrayList<>();
        List<double[]> other = new ArrayList<>();
        int longest = 1;
        for (EnumeratedDesign d : designs) {
            double[] p = {d.shape().length(), d.params()};
            (d.complementary().verdict() == Verdict.STRICT ? strict : other).add(p);
            longest = Math.max(longest, d.shape().length());
        }
        int c = closed.channels();
        List<double[]> bound = new ArrayList<>();
        for (int l = 1; l <= Math.max(longest, (int) Math.ceil(closed.optimalLength())); l++) {
            bound.add(new double[] {l, c * l * Math.pow((double) c * closed.firstKernelArea(), 1.0 / l)});
        }
        List<Plots.Series> series = new ArrayList<>();
        series.add(new Plots.Series(optimum("integer optimum, all kernels", closed.integerOptimum()),
                List.of(point(closed.integerOptimum())), Plots.Style.HIGHLIGHT));
        series.add(new Plots.Series(optimum("integer optimum, channel-wise first", closed.channelWiseIntegerOptimum()),
                List.of(point(closed.channelWiseIntegerOptimum())), Plots.Style.MARKED));
        series.add(new Plots.Series(String.format("closed form L* = ln(C*S_1) = %.2f, Q* = %,.0f", closed.optimalLength(), closed.optimalWeights()),
                List.of(new double[] {closed.optimalLength(), closed.optimalWeights()}), Plots.Style.MARKED));
        series.add(new Plots.Series("AM-GM bound C*L*(C*S_1)^(1/L)", bound, Plots.Style.LINE));
        series.add(new Plots.Series("strict chains", strict, Plots.Style.POINTS));
        if (!other.isEmpty()) {
            series.add(new Plots.Series("dense or neither", other, Plots.Style.POINTS));
        }
        String title = String.format("C = %d, first kernel %dx%d: %,d chains' weights against L, with the balance optimum", c, kernelSide,
                kernelSide, designs.size());
        return new Plots.Chart(title, "L (kernels in the chain)", "parameters (weights Q = C * sum S_l K_l)", series);
    }

    private static double[] point(IntegerOptimum o) {
        return new double[] {o.length(), o.weights()};
    }

    private static String optimum(String what, IntegerOptimum o) {
        return what + " K = " + o.groupSizes() + ", Q = " + String.format("%,d", o.weights());
    }

    /** Several runs' learning curves overlaid: one line a run, {@code y} against the epoch. */
    public static Plots.Chart curves(String title, String yLabel, Map<String, List<double[]>> runs) {
        List<Plots.Series> series = new ArrayList<>();
        runs.forEach((name, points) -> series.add(new Plots.Series(name, points, Plots.Style.LINE)));
        return new Plots.Chart(title, "epoch", yLabel, series);
    }

    private static String name(Space space, String source) {
        return space.name().isEmpty() ? source : space.name();
    }
}
