package org.igclab.ui.view;

import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.ScatterData;

/** The Pareto scatter with its legend, and a note when designs lack the measurement an axis needs. */
final class ScatterPane extends VBox {
    private final ParetoChart chart;
    private final Label note = new Label();

    ScatterPane(ExplorerModel model) {
        chart = new ParetoChart(model::select);
        chart.setTitle("Pareto front");
        Legend legend = new Legend();
        legend.dot(Styles.DESIGN, false, "design");
        legend.line(Styles.FRONT, false, true, "Pareto front");
        legend.dot(Styles.SELECTED, true, "selected");
        note.setId("scatterNote");
        note.getStyleClass().add("chart-note");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.managedProperty().bind(note.visibleProperty());
        getChildren().addAll(chart, legend, note);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getStyleClass().add("chart-box");
        model.scatterProperty().addListener((o, was, now) -> show(now, model));
        model.selectedProperty().addListener((o, was, now) -> chart.select(now));
    }

    private void show(ScatterData data, ExplorerModel model) {
        chart.setTitle("Pareto front: " + data.axes().y().label() + " against " + data.axes().x().label());
        chart.show(data, model.selectedProperty().get());
        note.setText(data.note());
        note.setVisible(data.missing() > 0);
    }

    ParetoChart chart() {
        return chart;
    }
}
