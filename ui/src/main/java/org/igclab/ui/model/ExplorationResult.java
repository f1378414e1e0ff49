package org.igclab.ui.model;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.chain.ClosedForms;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.rules.condition.IntegerOptimum;

/**
 * Everything the controls' values produce, computed together off the FX thread.
 *
 * @param request  the values
 * @param template where the chains were costed
 * @param rows     the designs, cheapest first
 * @param closed   the balance optimum of the width in both forms
 * @param curves   parameters against L
 * @param budget   widths under the budget, or null without a budget
 * @param notice   what the user should know about this result (designs left out, too many designs), or empty
 * @param millis   how long it took
 */
public record ExplorationResult(Requests.Exploration request, NetworkTemplate template, List<DesignRow> rows, ClosedForms closed,
                                LengthCurves curves, BudgetCurve budget, String notice, long millis) {

    public ExplorationResult {
        rows = List.copyOf(rows);
    }

    /**
     * The row to select: the one the user had selected (by group sizes, like {@code 1,8,8}), else the integer
     * optimum of the applicable balance form, else the cheapest.
     */
    public Optional<DesignRow> preferred(String groupSizes) {
        Optional<DesignRow> chosen = byGroupSizes(groupSizes);
        if (chosen.isPresent() || closed == null) {
            return chosen.or(() -> rows.stream().findFirst());
        }
        IntegerOptimum optimum = request.options().firstKernel() == FirstKernel.CHANNEL_WISE
                ? closed.channelWiseIntegerOptimum() : closed.integerOptimum();
        String sizes = String.join(",", optimum.groupSizes().stream().map(String::valueOf).toList());
        return byGroupSizes(sizes).or(() -> rows.stream().findFirst());
    }

    public Optional<DesignRow> byGroupSizes(String groupSizes) {
        String wanted = groupSizes == null ? "" : groupSizes.replace(" ", "");
        return rows.stream().filter(r -> r.groupSizes().equals(wanted)).findFirst();
    }
}
