package org.igclab.analyzer.sweep;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The largest candidate {@code m} in {@code 1..count} that is valid and fits a budget, when the cost grows with
 * {@code m} but validity does not follow it (a group size must divide the width, so valid widths come and go).
 *
 * <p>Let {@code below(m)} be the largest valid candidate at most {@code m}. Since the cost of valid candidates grows
 * with {@code m}, "{@code below(m)} fits, or there is none" holds for every {@code m} up to some point and for none
 * after: a binary search finds that point {@code m*}, stepping down from each probe to its nearest valid candidate,
 * and the answer is {@code below(m*)}. Any valid candidate above it is above {@code m*}, so it does not fit.
 */
public final class BudgetSearch {

    /** What a candidate is. */
    public enum Outcome { INVALID, FITS, EXCEEDS }

    /**
     * @param best   the answer, or 0 when no candidate is valid and fits
     * @param probes how many candidates were evaluated
     */
    public record Result(int best, int probes) {
    }

    private final IntFunction<Outcome> outcome;
    private final Outcome[] seen;
    private final int[] below;
    private int probes;

    private BudgetSearch(int count, IntFunction<Outcome> outcome) {
        this.outcome = outcome;
        this.seen = new Outcome[count + 1];
        this.below = new int[count + 1];
        Arrays.fill(below, -1);
        below[0] = 0;
    }

    /** Searches {@code 1..count}; {@code outcome} is called at most once per candidate. */
    public static Result largest(int count, IntFunction<Outcome> outcome) {
        if (count < 0) {
            throw new IllegalArgumentException("count = " + count + " must not be negative");
        }
        BudgetSearch s = new BudgetSearch(count, outcome);
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (s.holds(mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Result(s.below(lo), s.probes);
    }

    private boolean holds(int m) {
        int v = below(m);
        return v == 0 || outcomeOf(v) == Outcome.FITS;
    }

    private int below(int m) {
        int at = m;
        while (below[at] < 0 && outcomeOf(at) == Outcome.INVALID) {
            at--;
        }
        int found = below[at] >= 0 ? below[at] : at;
        for (int k = at; k <= m; k++) {
            below[k] = found;
        }
        return found;
    }

    private Outcome outcomeOf(int m) {
        if (seen[m] == null) {
            seen[m] = outcome.apply(m);
            probes++;
        }
        return seen[m];
    }
}
