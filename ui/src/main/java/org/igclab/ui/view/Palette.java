package org.igclab.ui.view;

import javafx.scene.paint.Color;
import org.igclab.ui.model.HeatMap;
import org.igclab.ui.model.Theme;
import org.igclab.ui.model.plot.Ink;

/**
 * The colours of the charts, the wiring and the legends in a theme. The series palette is ColorBrewer's Set1 (as the DOT
 * export uses), a little lighter on the dark background so it keeps its contrast.
 */
final class Palette {
    private static final String[] SET1 = {"#377eb8", "#e41a1c", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#999999", "#c9b000"};
    static final Palette LIGHT = new Palette(false);
    static final Palette DARK = new Palette(true);

    private final boolean dark;

    private Palette(boolean dark) {
        this.dark = dark;
    }

    static Palette of(Theme theme) {
        return theme == Theme.DARK ? DARK : LIGHT;
    }

    boolean dark() {
        return dark;
    }

    Color series(int i) {
        Color c = Color.web(SET1[Math.floorMod(i, SET1.length)]);
        return dark ? c.deriveColor(0, 0.9, 1.25, 1) : c;
    }

    Color ink(Ink ink) {
        return switch (ink.role()) {
            case SERIES -> series(ink.series());
            case DESIGN -> series(0).deriveColor(0, 1, 1, 0.6);
            case FRONT -> Color.web(dark ? "#ffa040" : "#e8701a");
            case SELECTED -> Color.web(dark ? "#ff5c72" : "#c0142b");
            case OPTIMUM -> dark ? Color.gray(0.92) : Color.gray(0.07);
            case NOISY -> Color.gray(dark ? 0.6 : 0.5);
            case NEUTRAL -> Color.gray(dark ? 0.65 : 0.5);
            case PATHS -> Color.rgb((HeatMap.colours()[ink.series()] >> 16) & 0xff, (HeatMap.colours()[ink.series()] >> 8) & 0xff,
                    HeatMap.colours()[ink.series()] & 0xff);
        };
    }

    /** The outline of a front point, darker than its fill. */
    Color frontEdge() {
        return dark ? Color.web("#ffd2a8") : Color.web("#7a3300");
    }

    Color text() {
        return dark ? Color.gray(0.88) : Color.gray(0.15);
    }

    Color dots() {
        return dark ? Color.gray(0.85) : Color.gray(0.2);
    }

    Color permutation() {
        return Color.gray(dark ? 0.7 : 0.5, 0.45);
    }

    Color path() {
        return ink(Ink.SELECTED);
    }

    Color hoverBackground() {
        return dark ? Color.web("#2b2d30", 0.95) : Color.web("#ffffff", 0.95);
    }

    /** {@code #377eb8}, for inline CSS. */
    static String web(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
