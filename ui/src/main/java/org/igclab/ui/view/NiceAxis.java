package org.igclab.ui.view;

import java.util.List;
import javafx.scene.chart.ValueAxis;
import org.igclab.ui.model.plot.Ticks;

/**
 * A JavaFX value axis whose bounds are set by the chart (the points' range with a margin, or the user's zoom) and
 * whose ticks fall on round values inside them ({@link Ticks}): whole decades on a log axis, labelled with the values
 * they stand for. {@code NumberAxis} puts a tick on each bound, which then reads as an arbitrary number.
 */
final class NiceAxis extends ValueAxis<Number> {
    private boolean log;
    private boolean whole;

    NiceAxis() {
        setAutoRanging(false);
        setAnimated(false);
    }

    /** Shows {@code [lo, hi]} (plotted values), on decades or not. */
    void show(double lo, double hi, boolean onDecades, boolean wholeValues) {
        log = onDecades;
        whole = wholeValues;
        setLowerBound(lo);
        setUpperBound(hi);
        // minor ticks between whole decades mark 2..9 times a decade, not an even split of it
        setMinorTickCount(1);
        invalidateRange();
        requestAxisLayout();
    }

    boolean isLog() {
        return log;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.copyOf(Ticks.minor(getLowerBound(), getUpperBound(), log, whole));
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        return List.copyOf(Ticks.major(r[0], r[1], log, whole));
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return Ticks.label(value.doubleValue(), log);
    }
}
