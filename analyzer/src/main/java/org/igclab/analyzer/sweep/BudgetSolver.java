package org.igclab.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.igclab.analyzer.ProgressListener;

/**
 * Width under a budget, the paper's way to compare designs of equal size: for every combination of the other
 * variables, the largest value of one variable (a multiple of {@code step} up to {@code max}) whose network is
 * valid, meets the space's conditions and fits the budget. Assumes the budgeted counts grow with the variable,
 * as parameters and MACs grow with width and depth.
 */
public final class BudgetSolver {

    /**
     * All combinations' answers.
     *
     * @param space   the space as searched: the varied variable last, the budget in its constraints
     * @param answers one per combination of the other variables, in the space's order
     * @param unbuilt when not one design tried could be built (a template broken for every value), the first one's
     *                reason; otherwise null
     */
    public record Solution(Space space, List<Answer> answers, String unbuilt) {
    }

    /**
     * One combination's answer.
     *
     * @param design  the best design's index in the searched space, or the combination's first design when none fits
     * @param value   the best value, or 0 when none fits
     * @param best    the best design's outcome, or null when none fits
     * @param probes  designs evaluated
     * @param note    why none fits, or empty
     */
    public record Answer(long design, int value, SweepRow best, int probes, String note) {
        public boolean found() {
            return best != null;
        }
    }

    private BudgetSolver() {
    }

    /** The candidates {@code step, 2 step, ..., max} (rounded down to a multiple of step). */
    public static List<JsonNode> candidates(int step, int max) {
        if (step < 1) {
            throw new IllegalArgumentException("step = " + step + " must be positive");
        }
        if (max < step) {
            throw new IllegalArgumentException("max = " + max + " must be at least the step " + step);
        }
        List<JsonNode> values = new ArrayList<>();
        for (int v = step; v <= max && v > 0; v += step) {
            values.add(IntNode.valueOf(v));
        }
        return values;
    }

    /**
     * Solves every combination.
     *
     * @param space     the space; {@code variable} may be one of its grid variables (its values are replaced) or unset
     * @param variable  the variable to maximize
     * @param step      the candidates' spacing
     * @param max       the largest candidate
     * @param maxParams a parameter budget, tightening the space's own
     * @param maxMacs   a MAC budget, tightening the space's own
     * @param progress  told after each combination
     */
    public static Solution solve(Space space, String variable, int step, int max, OptionalLong maxParams, OptionalLong maxMacs,
                                     ProgressListener progress) {
        return solve(space, variable, step, max, maxParams, maxMacs, java.util.OptionalDouble.empty(), null, progress);
    }

    /**
     * Solves every combination under a predicted-latency budget too ({@code maxLatencyPred} milliseconds, tightening the
     * space's own), each design's latency predicted by {@code latency}; needed when either budget is given.
     */
    public static Solution solve(Space space, String variable, int step, int max, OptionalLong maxParams, OptionalLong maxMacs,
                                 java.util.OptionalDouble maxLatencyPred, org.igclab.analyzer.latency.OpLatency latency,
                                 ProgressListener progress) {
        List<JsonNode> values = candidates(step, max);
        Space searched = space.varying(variable, values).with(space.constraints().tightened(maxParams, maxMacs).tightenedLatency(maxLatencyPred));
        Constraints constraints = searched.constraints();
        if (constraints.maxLatencyPred().isPresent() && latency == null) {
            throw new IllegalArgumentException("a predicted-latency budget needs a latency model");
        }
        int count = values.size();
        long combinations = searched.size() / count;
        DesignEvaluator evaluator = new DesignEvaluator(searched, latency);
        List<Answer> answers = new ArrayList<>();
        boolean built = false;
        String firstInvalid = null;
        for (long c = 0; c < combinations; c++) {
            long first = c * count;
            Map<Integer, SweepRow> rows = new HashMap<>();
            BudgetSearch.Result r = BudgetSearch.largest(count, m -> {
                SweepRow row = evaluator.evaluate(first + m - 1);
                rows.put(m, row);
                if (row.status() == SweepRow.Status.INVALID || !constraints.shapeHolds(row.figures())) {
                    return BudgetSearch.Outcome.INVALID;
                }
                return constraints.withinBudget(row.figures()) ? BudgetSearch.Outcome.FITS : BudgetSearch.Outcome.EXCEEDS;
            });
            if (r.best() > 0) {
                answers.add(new Answer(first + r.best() - 1, r.best() * step, rows.get(r.best()), r.probes(), ""));
            } else {
                answers.add(new Answer(first, 0, null, r.probes(), whyNone(rows, constraints, step)));
            }
            for (SweepRow row : rows.values()) {
                built |= row.status() != SweepRow.Status.INVALID;
            }
            if (firstInvalid == null && rows.get(1) != null && rows.get(1).status() == SweepRow.Status.INVALID) {
                firstInvalid = searched.describe(first) + ": " + rows.get(1).reason();
            }
            progress.progress(c + 1, combinations);
        }
        return new Solution(searched, answers, built ? null : firstInvalid);
    }

    private static String whyNone(Map<Integer, SweepRow> rows, Constraints constraints, int step) {
        int smallestValid = Integer.MAX_VALUE;
        for (Map.Entry<Integer, SweepRow> e : rows.entrySet()) {
            SweepRow row = e.getValue();
            if (row.status() != SweepRow.Status.INVALID && constraints.shapeHolds(row.figures())) {
                smallestValid = Math.min(smallestValid, e.getKey());
            }
        }
        if (smallestValid != Integer.MAX_VALUE) {
            SweepRow row = rows.get(smallestValid);
            return "over budget at every valid value tried; at " + smallestValid * step + ": "
                    + constraints.reason(row.figures()).orElse("");
        }
        SweepRow smallest = rows.get(1);
        String reason = smallest == null ? "" : smallest.status() == SweepRow.Status.INVALID ? smallest.reason()
                : constraints.reason(smallest.figures()).orElse("");
        return "no value is valid; at " + step + ": " + reason;
    }
}
