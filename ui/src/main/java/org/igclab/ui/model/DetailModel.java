package org.igclab.ui.model;

import java.util.BitSet;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * What the detail pane shows of one design: its verdicts, reports and wiring ({@link DesignDetail}, computed off the FX
 * thread), and the path the user traces through the wiring between a chosen input and output channel.
 */
public final class DetailModel {
    private final Background background;
    private final DoubleSupplier tolerance;
    private final Consumer<String> notice;
    private final ReadOnlyObjectWrapper<Subject> subject = new ReadOnlyObjectWrapper<>(this, "subject");
    private final ReadOnlyObjectWrapper<DesignDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final IntegerProperty pathInput = new SimpleIntegerProperty(this, "pathInput");
    private final IntegerProperty pathOutput = new SimpleIntegerProperty(this, "pathOutput");
    private final ReadOnlyObjectWrapper<BitSet> path = new ReadOnlyObjectWrapper<>(this, "path", new BitSet());
    private final ReadOnlyStringWrapper pathText = new ReadOnlyStringWrapper(this, "pathText", "");

    DetailModel(Background background, DoubleSupplier tolerance, Consumer<String> notice) {
        this.background = background;
        this.tolerance = tolerance;
        this.notice = notice;
        subject.addListener((o, was, now) -> describe());
        pathInput.addListener(o -> retrace());
        pathOutput.addListener(o -> retrace());
    }

    /** Shows a design; null shows nothing. */
    void show(Subject s) {
        subject.set(s);
        if (s == null) {
            detail.set(null);
            retrace();
        }
    }

    /** Computes the detail again (the balance tolerance changed). */
    void describe() {
        Subject s = subject.get();
        if (s == null) {
            return;
        }
        double t = tolerance.getAsDouble();
        background.latest("detail", 0, stale -> DesignDetail.of(s, t), d -> {
            path.set(new BitSet());
            detail.set(d);
            int[] ends = d.defaultPath();
            pathInput.set(ends[0]);
            pathOutput.set(ends[1]);
            retrace();
        }, e -> notice.accept("could not describe " + s.name() + ": " + Failures.message(e)));
    }

    private void retrace() {
        DesignDetail d = detail.get();
        if (d == null || d.wiring() == null) {
            path.set(new BitSet());
            pathText.set("");
            return;
        }
        WiringLayout w = d.wiring();
        int in = w.clamp(pathInput.get(), 0);
        int out = w.clamp(pathOutput.get(), w.stages() - 1);
        path.set(w.path(in, out));
        java.math.BigInteger n = w.pathCount(in, out);
        pathText.set(String.format("input %d to output %d: %,d path%s", in, out, n, n.equals(java.math.BigInteger.ONE) ? "" : "s"));
    }

    public ReadOnlyObjectProperty<Subject> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DesignDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public IntegerProperty pathInputProperty() {
        return pathInput;
    }

    public IntegerProperty pathOutputProperty() {
        return pathOutput;
    }

    /** The wiring edges on the paths between the chosen input and output channels. */
    public ReadOnlyObjectProperty<BitSet> pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pathTextProperty() {
        return pathText.getReadOnlyProperty();
    }
}
