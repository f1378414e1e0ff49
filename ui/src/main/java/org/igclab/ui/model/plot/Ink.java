package org.igclab.ui.model.plot;

/**
 * What a mark's colour means; the view picks the colour for its theme, so every chart, the legend and the wiring agree.
 *
 * @param role   the meaning
 * @param series for {@link Role#SERIES}, which one: 0 is the width {@code C} everywhere, the others keep their place
 */
public record Ink(Role role, int series) {
    /** The meanings of colour on the charts. */
    public enum Role {
        /** One of several curves (a width): the palette. */
        SERIES,
        /** A design on the scatter. */
        DESIGN,
        /** On the Pareto front. */
        FRONT,
        /** The selected design, or the designs chosen for a comparison. */
        SELECTED,
        /** A closed-form optimum. */
        OPTIMUM,
        /** Shown but not counted: a latency measured under interference. */
        NOISY,
        /** What stands for every series at once (a legend's sample of the dashed bound): grey. */
        NEUTRAL,
        /** A path count of the heat map: series 0 none, 1 exactly one, 2 several (the map's own colours). */
        PATHS
    }

    public static final Ink DESIGN = new Ink(Role.DESIGN, 0);
    public static final Ink FRONT = new Ink(Role.FRONT, 0);
    public static final Ink SELECTED = new Ink(Role.SELECTED, 0);
    public static final Ink OPTIMUM = new Ink(Role.OPTIMUM, 0);
    public static final Ink NOISY = new Ink(Role.NOISY, 0);
    public static final Ink NEUTRAL = new Ink(Role.NEUTRAL, 0);
    /** The width {@code C}: the first colour of the palette, in every chart. */
    public static final Ink PRIMARY = series(0);

    /** The heat map's colours of no path, one path and several. */
    public static Ink paths(int count) {
        return new Ink(Role.PATHS, Math.min(2, count));
    }

    public static Ink series(int i) {
        return new Ink(Role.SERIES, i);
    }
}
