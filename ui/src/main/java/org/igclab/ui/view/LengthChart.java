package org.igclab.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.ExplorationResult;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.LengthCurves;

/** Parameters against the chain length for the chosen widths: the cheapest chains, the AM-GM bound and its optimum. */
final class LengthChart extends VBox {
    private final LineChart<Number, Number> chart = ChartNodes.lineChart("lengthChart", "Parameters against L", "kernels L",
            "block weights");
    private final Legend legend = new Legend();
    private final javafx.scene.control.Tooltip tip = ChartNodes.sharedTooltip();
    private final ExplorerModel model;

    LengthChart(ExplorerModel model) {
        this.model = model;
        getChildren().addAll(chart, legend);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getStyleClass().add("chart-box");
        model.resultProperty().addListener(o -> update());
        model.form().text(Control.LOG_SCALE).addListener(o -> update());
    }

    private void update() {
        ExplorationResult r = model.resultProperty().get();
        boolean log = model.form().axes().log();
        legend.clear();
        if (r == null) {
            chart.getData().clear();
            return;
        }
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        XYChart.Series<Number, Number> optima = new XYChart.Series<>();
        optima.setName("closed-form optimum");
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double maxL = 1;
        double minL = Double.MAX_VALUE;
        List<LengthCurves.Curve> curves = r.curves().curves();
        for (int i = 0; i < curves.size(); i++) {
            LengthCurves.Curve c = curves.get(i);
            var color = Styles.palette(i);
            XYChart.Series<Number, Number> best = new XYChart.Series<>();
            best.setName("C = " + c.channels() + " cheapest");
            for (int k = 0; k < c.best().size(); k++) {
                LengthCurves.Point p = c.best().get(k);
                best.getData().add(ChartNodes.point(p.length(), AxisScale.plotted(p.weights(), log), color, false,
                        String.format("C = %d, L = %d: K = (%s), %s weights", c.channels(), (int) p.length(), c.bestGroupSizes().get(k),
                                TextTable.grouped(Math.round(p.weights()))), tip));
            }
            XYChart.Series<Number, Number> bound = new XYChart.Series<>();
            bound.setName("C = " + c.channels() + " bound");
            for (LengthCurves.Point p : c.bound()) {
                bound.getData().add(new XYChart.Data<>(p.length(), AxisScale.plotted(p.weights(), log)));
            }
            for (LengthCurves.Point p : concat(c.best(), c.bound())) {
                lo = Math.min(lo, AxisScale.plotted(p.weights(), log));
                hi = Math.max(hi, AxisScale.plotted(p.weights(), log));
                maxL = Math.max(maxL, p.length());
                minL = Math.min(minL, p.length());
            }
            LengthCurves.Point o = c.optimum();
            optima.getData().add(ChartNodes.point(o.length(), AxisScale.plotted(o.weights(), log), Styles.OPTIMUM, true,
                    String.format("C = %d: %s = %.2f, Q* = %s", c.channels(), c.formula(), o.length(), TextTable.grouped(Math.round(o.weights()))), tip));
            all.add(bound);
            all.add(best);
            legend.line(color, false, true, "C = " + c.channels());
        }
        all.add(optima);
        chart.getData().setAll(all);
        for (int i = 0; i < curves.size(); i++) {
            ChartNodes.line(all.get(2 * i), Styles.palette(i), true, true);
            ChartNodes.line(all.get(2 * i + 1), Styles.palette(i), false, true);
        }
        ChartNodes.line(optima, Styles.OPTIMUM, false, false);
        legend.line(javafx.scene.paint.Color.GRAY, true, false, "AM-GM bound");
        Polygon diamond = new Polygon(5, 0, 10, 5, 5, 10, 0, 5);
        diamond.setFill(Styles.OPTIMUM);
        legend.shape(diamond, "optimum (L*, Q*)");
        AxisScale.range((NumberAxis) chart.getYAxis(), lo, hi, log);
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.setAutoRanging(false);
        // whole-number ticks, with half a kernel of room at both ends so no point sits on the frame
        x.setLowerBound(Math.floor(minL - 0.5));
        x.setUpperBound(Math.ceil(maxL + 0.5));
        x.setTickUnit(1);
        chart.getYAxis().setLabel(log ? "block weights (log scale)" : "block weights");
    }

    private static List<LengthCurves.Point> concat(List<LengthCurves.Point> a, List<LengthCurves.Point> b) {
        List<LengthCurves.Point> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
