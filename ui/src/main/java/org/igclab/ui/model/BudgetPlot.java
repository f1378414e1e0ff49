package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.plot.Ink;
import org.igclab.ui.model.plot.Mark;
import org.igclab.ui.model.plot.Plot;
import org.igclab.ui.model.plot.Ticks;

/** The widest width under the budget for each chain length, as marks. */
public final class BudgetPlot {

    private BudgetPlot() {
    }

    public static Plot of(BudgetCurve b, boolean blockOnly) {
        Plot.PlotAxis x = new Plot.PlotAxis("kernels L", false, true);
        Plot.PlotAxis y = new Plot.PlotAxis("width C", false, true);
        if (b == null) {
            return Plot.empty("Widest C under the budget", x, y, "Set a budget (left) to see the widest C for each L.");
        }
        String unit = b.kind() == Axis.MACS ? "MACs" : "parameters";
        List<Mark> marks = new ArrayList<>();
        List<BudgetCurve.Entry> found = b.entries().stream().filter(BudgetCurve.Entry::found).toList();
        marks.add(new Mark.Line(found.stream().mapToDouble(BudgetCurve.Entry::length).toArray(),
                found.stream().mapToDouble(BudgetCurve.Entry::width).toArray(), Ink.PRIMARY, false, false));
        for (BudgetCurve.Entry e : found) {
            marks.add(Mark.Dot.plain(e.length(), e.width(), Ink.PRIMARY, 4, String.format("L = %d: C = %d, K = (%s), %s %s",
                    e.length(), e.width(), e.groupSizes(), TextTable.grouped(e.cost()), unit)));
        }
        int none = b.entries().size() - found.size();
        String note = String.format("The cheapest chain of each L, %s costs, widths in multiples of %d up to %d%s.", blockOnly ? "block" : "network",
                BudgetCurve.STEP, BudgetCurve.MAX_WIDTH, none == 0 ? "" : String.format("; no width fits for %d of the lengths", none));
        return new Plot("Widest C with at most " + Ticks.shortNumber(b.budget()) + " " + unit, x, y, marks,
                List.of(new Plot.LegendEntry(Ink.PRIMARY, Plot.Sample.LINE_WITH_DOT, "widest C")), note);
    }
}
