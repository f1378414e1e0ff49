package org.igclab.ui.model.plot;

import java.util.function.Consumer;

/**
 * What one chart shows of its points: all of them with a margin, until the user zooms (scroll) or pans (drag); a
 * double-click resets it. New points keep a zoom the user made on the same axes, and reset it when the axes change.
 */
public final class Viewport {
    /** Each notch of the wheel zooms by this much. */
    static final double ZOOM_STEP = 1.2;
    /** Deeper than this the ticks of a log axis would repeat one label: zooming stops there. */
    static final double SMALLEST = 1e-6;

    private Range full;
    private Range view;
    private Object axes;
    private Consumer<Range> listener = r -> { };

    /** Whom to tell of a new view (the chart, which moves its axes). */
    public void onChange(Consumer<Range> listener) {
        this.listener = listener;
    }

    /**
     * Takes the range of new points on axes described by {@code axes} (any value that is equal for the same axes: the
     * axis kinds and their log flags). Keeps a zoom on the same axes; otherwise shows everything.
     */
    public void fit(Range all, Object axesNow) {
        boolean sameAxes = axes != null && axes.equals(axesNow);
        boolean keep = sameAxes && zoomed();
        full = all;
        axes = axesNow;
        set(keep ? view : all);
    }

    public Range view() {
        return view;
    }

    public Range full() {
        return full;
    }

    public boolean zoomed() {
        return view != null && !view.equals(full);
    }

    /** Zooms in ({@code notches > 0}) or out about the point at fractions {@code (fx, fy)} of the view. */
    public void zoom(double notches, double fx, double fy) {
        if (view == null) {
            return;
        }
        Range next = view.zoom(Math.pow(ZOOM_STEP, -notches), fx, fy);
        if (next.width() >= SMALLEST && next.height() >= SMALLEST) {
            set(next);
        }
    }

    /** Pans by fractions of the view: the content follows a drag of {@code (fx, fy)}. */
    public void drag(double fx, double fy) {
        if (view != null) {
            set(view.pan(-fx, -fy));
        }
    }

    public void reset() {
        if (full != null) {
            set(full);
        }
    }

    private void set(Range r) {
        view = r;
        listener.accept(r);
    }
}
