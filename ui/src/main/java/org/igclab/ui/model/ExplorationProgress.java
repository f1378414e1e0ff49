package org.igclab.ui.model;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How far the computation of new values has got, for the status bar's progress and its Cancel: a phase in words
 * ({@code costing the designs as ...: 1,200 of 3,302}) and a fraction. Workers report as often as they like; the FX
 * thread hears the newest at most once per update it has handled.
 */
public final class ExplorationProgress {
    private record Step(String phase, long done, long total) {
    }

    private final Executor fx;
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing", false);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", 0);
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", "");
    private final AtomicReference<Step> pending = new AtomicReference<>();

    ExplorationProgress(Executor fx) {
        this.fx = fx;
    }

    void start() {
        computing.set(true);
        fraction.set(0);
        phase.set("computing...");
    }

    void stop() {
        computing.set(false);
        fraction.set(0);
        phase.set("");
    }

    /** From any thread. */
    void report(String what, long done, long total) {
        if (pending.getAndSet(new Step(what, done, total)) == null) {
            fx.execute(() -> {
                Step s = pending.getAndSet(null);
                if (s != null && computing.get()) {
                    fraction.set(s.total() <= 0 ? 0 : Math.min(1, (double) s.done() / s.total()));
                    phase.set(text(s.phase(), s.done(), s.total()));
                }
            });
        }
    }

    /** {@code costing the designs: 1,200 of 3,302}. */
    static String text(String phase, long done, long total) {
        return total <= 1 ? phase + "..." : String.format("%s: %,d of %,d", phase, done, total);
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }
}
