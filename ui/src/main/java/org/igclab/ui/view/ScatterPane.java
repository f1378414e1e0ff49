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
        note.setText(note(data));
        note.setVisible(data.missing() > 0);
    }

    /** Why shown designs are not on the chart: not measured yet, or measured noisy (never plotted as if true). */
    static String note(ScatterData data) {
        String axis = data.axes().x().measured() ? data.axes().x().label() : data.axes().y().label();
        int unmeasured = data.missing() - data.noisy();
        String s = unmeasured == 0 ? "" : String.format("%,d shown designs have no %s yet: evaluate them to place them here", unmeasured, axis);
        if (data.noisy() > 0) {
            s += (s.isEmpty() ? "" : ". ") + String.format("%,d designs are left out because their latency was measured under "
                    + "interference (noisy): evaluate them again on a quieter machine", data.noisy());
        }
        return s;
    }

    ParetoChart chart() {
        return chart;
    }
}
