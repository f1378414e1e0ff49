package org.igclab.ui.view;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.igclab.ui.model.Charts;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignRow;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.ScatterData;
import org.igclab.ui.model.plot.Plot;

/**
 * The charts across the top: parameters against L, the Pareto scatter, the measured chart (once the store has measured
 * one of the designs shown) and the widest width under the budget. Each draws the plot the model computed.
 */
final class ChartsRow extends HBox {
    private final ChartPane length;
    private final ChartPane scatter;
    private final ChartPane measured;
    private final ChartPane budget;

    ChartsRow(ExplorerModel model, ChartPane.Saves saves) {
        super(4);
        setId("charts");
        getStyleClass().add("charts");
        Charts charts = model.charts();
        length = new ChartPane("lengthChart", saves, log(model, Control.LOG_WEIGHTS, "Weights on decades"));
        scatter = new ChartPane("paretoChart", saves, log(model, Control.LOG_X, "x on decades"), log(model, Control.LOG_Y, "y on decades"));
        measured = new ChartPane("measuredChart", saves, log(model, Control.LOG_X, "x on decades"), log(model, Control.LOG_Y, "y on decades"));
        budget = new ChartPane("budgetChart", saves);
        bind(length, charts.lengthPlotProperty());
        bind(scatter, charts.scatterPlotProperty());
        bind(measured, charts.measuredPlotProperty());
        bind(budget, charts.budgetPlotProperty());
        measured.visibleProperty().bind(charts.measuredProperty());
        measured.managedProperty().bind(measured.visibleProperty());
        for (ChartPane p : panes()) {
            HBox.setHgrow(p, Priority.ALWAYS);
            p.setPrefWidth(400);
        }
        for (ChartPane p : List.of(scatter, measured)) {
            p.chart().onPick(keys -> model.select((DesignRow) keys.get(0)));
        }
        scatter.chart().onBox(box -> model.choose(charts.scatterProperty().get().within(box)));
        measured.chart().onBox(box -> model.choose(ScatterData.of(model.shown(), model.form().measuredAxes()).within(box)));
        getChildren().addAll(length, scatter, measured, budget);
        model.themeProperty().addListener((o, was, now) -> panes().forEach(p -> p.palette(Palette.of(now))));
        panes().forEach(p -> p.palette(Palette.of(model.themeProperty().get())));
    }

    private static void bind(ChartPane pane, javafx.beans.value.ObservableValue<Plot> plot) {
        plot.addListener((o, was, now) -> {
            if (now != null) {
                pane.show(now);
            }
        });
        if (plot.getValue() != null) {
            pane.show(plot.getValue());
        }
    }

    /** A menu item that puts an axis on decades, in step with its control. */
    private static MenuItem log(ExplorerModel model, Control c, String text) {
        CheckMenuItem item = new CheckMenuItem(text);
        StringProperty flag = model.form().text(c);
        item.setSelected(Boolean.parseBoolean(flag.get().trim()));
        item.selectedProperty().addListener((o, was, now) -> flag.set(Boolean.toString(now)));
        flag.addListener((o, was, now) -> item.setSelected(Boolean.parseBoolean(now.trim())));
        return item;
    }

    List<ChartPane> panes() {
        return List.of(length, scatter, measured, budget);
    }

    ChartPane scatter() {
        return scatter;
    }

    ChartPane measured() {
        return measured;
    }

    /** Shows everything in every chart again. */
    void resetViews() {
        panes().forEach(p -> p.chart().viewport().reset());
    }
}
