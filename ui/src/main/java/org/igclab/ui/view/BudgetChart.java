package org.igclab.ui.view;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.Axis;
import org.igclab.ui.model.BudgetCurve;
import org.igclab.ui.model.ExplorationResult;
import org.igclab.ui.model.ExplorerModel;

/** The widest width under the budget for each chain length. */
final class BudgetChart extends VBox {
    private final LineChart<Number, Number> chart = ChartNodes.lineChart("budgetChart", "Widest C under the budget", "kernels L",
            "width C");
    private final Label note = new Label();
    private final javafx.scene.control.Tooltip tip = ChartNodes.sharedTooltip();

    BudgetChart(ExplorerModel model) {
        note.setId("budgetNote");
        note.getStyleClass().add("chart-note");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(chart, note);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getStyleClass().add("chart-box");
        model.resultProperty().addListener((o, was, now) -> update(now));
    }

    private void update(ExplorationResult r) {
        BudgetCurve b = r == null ? null : r.budget();
        chart.getData().clear();
        if (b == null) {
            chart.setTitle("Widest C under the budget");
            note.setText("Set a budget (left) to see the widest C for each L.");
            return;
        }
        String unit = b.kind() == Axis.MACS ? "MACs" : "parameters";
        String scope = r.template().isBlock() ? "block" : "network";
        chart.setTitle("Widest C with at most " + AxisScale.shortNumber(b.budget()) + " " + unit);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName("widest C");
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        int none = 0;
        for (BudgetCurve.Entry e : b.entries()) {
            if (!e.found()) {
                none++;
                continue;
            }
            s.getData().add(ChartNodes.point(e.length(), e.width(), Styles.PALETTE[0], false, String.format(
                    "L = %d: C = %d, K = (%s), %s %s", e.length(), e.width(), e.groupSizes(), TextTable.grouped(e.cost()), unit), tip));
            lo = Math.min(lo, e.length());
            hi = Math.max(hi, e.length());
        }
        chart.getData().add(s);
        ChartNodes.line(s, Styles.PALETTE[0], false, true);
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.setAutoRanging(false);
        x.setLowerBound(s.getData().isEmpty() ? 0 : lo - 1);
        x.setUpperBound(s.getData().isEmpty() ? 1 : hi + 1);
        x.setTickUnit(1);
        note.setText(String.format("The cheapest chain of each L, %s costs, widths in multiples of %d up to %d%s.", scope,
                BudgetCurve.STEP, BudgetCurve.MAX_WIDTH, none == 0 ? "" : String.format("; no width fits for %d of the lengths", none)));
    }
}
