package org.igclab.ui.view;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/** The pieces the line charts share: an unanimated chart, and data points drawn and named by the chart's owner. */
final class ChartNodes {

    private ChartNodes() {
    }

    /** A line chart without animation (it would lag behind the controls) and without the built-in legend. */
    static LineChart<Number, Number> lineChart(String id, String title, String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        x.setLabel(xLabel);
        y.setLabel(yLabel);
        x.setAnimated(false);
        y.setAnimated(false);
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setMinSize(200, 180);
        return chart;
    }

    /**
     * A tooltip to share among a chart's points. A tooltip is a popup window; one per point made every update of
     * the charts cost the FX thread several milliseconds per point.
     */
    static Tooltip sharedTooltip() {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(150));
        return tip;
    }

    /** A data point drawn as a dot of the colour (or a diamond), named by the shared tooltip while hovered. */
    static XYChart.Data<Number, Number> point(double x, double y, Color color, boolean diamond, String name, Tooltip tip) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
        StackPane symbol = new StackPane();
        symbol.setStyle(diamond
                ? "-fx-shape: \"M5,0 L10,5 L5,10 L0,5 Z\"; -fx-background-color: " + Styles.web(color) + "; -fx-padding: 6px;"
                : "-fx-background-color: " + Styles.web(color) + ", white; -fx-background-insets: 0, 2; "
                        + "-fx-background-radius: 5px; -fx-padding: 4px;");
        symbol.setOnMouseEntered(e -> tip.setText(name));
        Tooltip.install(symbol, tip);
        d.setNode(symbol);
        return d;
    }

    /** Styles a series' line once it is in the chart (the chart makes the line node when the series is added). */
    static void line(XYChart.Series<Number, Number> s, Color color, boolean dashed, boolean visible) {
        if (s.getNode() != null) {
            s.getNode().setStyle("-fx-stroke: " + Styles.web(color) + "; -fx-stroke-width: 2px;"
                    + (dashed ? " -fx-stroke-dash-array: 6 4;" : ""));
            s.getNode().setVisible(visible);
        }
    }
}
