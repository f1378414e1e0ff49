package org.igclab.ui.view;

import javafx.css.PseudoClass;
import javafx.scene.paint.Color;

/** Colours and style hooks shared by the views, so the charts, the wiring and the legend agree. */
final class Styles {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final String STYLESHEET = Styles.class.getResource("explorer.css").toExternalForm();

    /** One hue per width in the L chart and per group in the wiring (ColorBrewer Set1, as the DOT export uses). */
    static final Color[] PALETTE = {
        Color.web("#377eb8"), Color.web("#e41a1c"), Color.web("#4daf4a"), Color.web("#984ea3"), Color.web("#ff7f00"),
        Color.web("#a65628"), Color.web("#f781bf"), Color.web("#999999"), Color.web("#c9b000")};
    static final Color DESIGN = Color.web("#4a78a8");
    static final Color FRONT = Color.web("#e8701a");
    static final Color SELECTED = Color.web("#c0142b");
    static final Color PATH = Color.web("#c0142b");
    static final Color OPTIMUM = Color.web("#111111");

    private Styles() {
    }

    static Color palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** {@code #377eb8}, for inline CSS. */
    static String web(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
