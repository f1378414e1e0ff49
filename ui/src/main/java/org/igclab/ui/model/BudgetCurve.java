package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.chain.ChainCosts;
import org.igclab.analyzer.chain.ChainShape;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.sweep.BudgetSearch;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The widest design under a budget for each chain length, the papers' way of comparing designs of equal size: for
 * each {@code L}, the largest width, a multiple of {@link #STEP} up to {@link #MAX_WIDTH}, whose cheapest chain of
 * {@code L} kernels (alone, or as the template network's block) fits the budget. {@link BudgetSearch} does the
 * search: cost grows with width, but not every width has a chain of {@code L} kernels within the group-size bounds.
 *
 * @param kind    what the budget limits (parameters or MACs)
 * @param budget  the budget
 * @param entries one per length
 */
public record BudgetCurve(Axis kind, long budget, List<Entry> entries) {
    public static final int STEP = 8;
    public static final int MAX_WIDTH = ControlForm.MAX_CHANNELS;
    static final int MAX_LENGTH = 12;

    /**
     * @param length     {@code L}
     * @param width      the widest width that fits, or 0 when none does
     * @param cost       its cost under the budget's measure
     * @param groupSizes its cheapest chain, like {@code 1,8,8}, or empty
     */
    public record Entry(int length, int width, long cost, String groupSizes) {
        public boolean found() {
            return width > 0;
        }
    }

    public BudgetCurve {
        entries = List.copyOf(entries);
    }

    public static BudgetCurve of(EnumerationOptions o, NetworkTemplate template, Axis kind, long budget) {
        List<Entry> entries = new ArrayList<>();
        for (int length = Math.max(1, o.minLayers()); length <= Math.min(o.maxLayers(), MAX_LENGTH); length++) {
            int l = length;
            long[] costs = new long[MAX_WIDTH / STEP + 1];
            String[] shapes = new String[costs.length];
            BudgetSearch.Result r = BudgetSearch.largest(MAX_WIDTH / STEP, m -> {
                Optional<Cheapest.Best> best = Cheapest.of(o, m * STEP, l);
                if (best.isEmpty()) {
                    return BudgetSearch.Outcome.INVALID;
                }
                ChainShape shape = Cheapest.shape(m * STEP, o.firstKernelSize(), best.get());
                Optional<Long> cost = cost(shape, best.get().weights(), o.resolution(), template, kind);
                if (cost.isEmpty()) {
                    return BudgetSearch.Outcome.INVALID;
                }
                costs[m] = cost.get();
                shapes[m] = shape.groupSizeList();
                return cost.get() <= budget ? BudgetSearch.Outcome.FITS : BudgetSearch.Outcome.EXCEEDS;
            });
            entries.add(r.best() > 0 ? new Entry(l, r.best() * STEP, costs[r.best()], shapes[r.best()]) : new Entry(l, 0, 0, ""));
        }
        return new BudgetCurve(kind, budget, entries);
    }

    /** The chain's cost alone (its MACs at the controls' resolution), or its network's; empty when the network cannot be built. */
    private static Optional<Long> cost(ChainShape shape, long weights, int side, NetworkTemplate template, Axis kind) {
        if (template.isBlock()) {
            return Optional.of(kind == Axis.MACS ? ChainCosts.macs(weights, side) : weights);
        }
        try {
            NetworkCost cost = CostModel.of(template.network(shape, ""));
            return Optional.of(kind == Axis.MACS ? cost.macs() : cost.params().total());
        } catch (InvalidDesignException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
