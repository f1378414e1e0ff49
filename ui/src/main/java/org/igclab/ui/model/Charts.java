package org.igclab.ui.model;

import java.util.Collection;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.igclab.ui.model.plot.Plot;

/**
 * What the charts show, kept in step with the designs shown, the axes and the picks: the Pareto scatter's points and
 * front, the measured chart (latency or accuracy against MACs or parameters, once the store has measured something),
 * parameters against L, and the widest width under the budget.
 */
public final class Charts {
    private final ReadOnlyObjectWrapper<ScatterData> scatter = new ReadOnlyObjectWrapper<>(this, "scatter", ScatterData.EMPTY);
    private final ReadOnlyObjectWrapper<Plot> scatterPlot = new ReadOnlyObjectWrapper<>(this, "scatterPlot");
    private final ReadOnlyObjectWrapper<Plot> measuredPlot = new ReadOnlyObjectWrapper<>(this, "measuredPlot");
    private final ReadOnlyObjectWrapper<Plot> lengthPlot = new ReadOnlyObjectWrapper<>(this, "lengthPlot");
    private final ReadOnlyObjectWrapper<Plot> budgetPlot = new ReadOnlyObjectWrapper<>(this, "budgetPlot");
    private final ReadOnlyBooleanWrapper measured = new ReadOnlyBooleanWrapper(this, "measured", false);
    private List<DesignRow> shown = List.of();
    private ScatterData measuredData = ScatterData.EMPTY;

    /** A new result: its curves. */
    void result(ExplorationResult r, boolean lengthLog) {
        lengthPlot.set(LengthPlot.of(r.curves(), lengthLog));
        budgetPlot.set(BudgetPlot.of(r.budget(), r.template().isBlock()));
    }

    /** New designs shown, or new axes: the scatters' points and fronts. */
    void points(List<DesignRow> designs, ControlForm form, ExplorationResult r, DesignRow selected, Collection<DesignRow> chosen) {
        shown = List.copyOf(designs);
        scatter.set(ScatterData.of(shown, form.axes()));
        measuredData = ScatterData.of(shown, form.measuredAxes());
        if (r != null) {
            lengthPlot.set(LengthPlot.of(r.curves(), form.lengthLog()));
        }
        measured.set(shown.stream().anyMatch(d -> d.latency() != null || d.accuracy() != null));
        picks(selected, chosen);
    }

    /** A new selection: the scatters ring it. */
    void picks(DesignRow selected, Collection<DesignRow> chosen) {
        ScatterData s = scatter.get();
        scatterPlot.set(ScatterPlot.of("Pareto front: " + ScatterPlot.title(s.axes()), s, selected, chosen));
        measuredPlot.set(ScatterPlot.of("Measured: " + ScatterPlot.title(measuredData.axes()), measuredData, selected, chosen));
    }

    public ReadOnlyObjectProperty<ScatterData> scatterProperty() {
        return scatter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Plot> scatterPlotProperty() {
        return scatterPlot.getReadOnlyProperty();
    }

    /** Latency or accuracy against MACs or parameters, for the designs the store has measured. */
    public ReadOnlyObjectProperty<Plot> measuredPlotProperty() {
        return measuredPlot.getReadOnlyProperty();
    }

    /** Whether the store has measured any of the shown designs (the measured chart and columns appear). */
    public ReadOnlyBooleanProperty measuredProperty() {
        return measured.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Plot> lengthPlotProperty() {
        return lengthPlot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Plot> budgetPlotProperty() {
        return budgetPlot.getReadOnlyProperty();
    }
}
