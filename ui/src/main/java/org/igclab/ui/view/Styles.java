package org.igclab.ui.view;

import javafx.css.PseudoClass;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** Style hooks shared by the views: the style sheets (light, and the dark one laid over it), the invalid field, tooltips. */
final class Styles {
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final String STYLESHEET = Styles.class.getResource("explorer.css").toExternalForm();
    static final String DARK = Styles.class.getResource("explorer-dark.css").toExternalForm();

    private Styles() {
    }

    /** A tooltip that wraps long explanations and shows soon. */
    static Tooltip tooltip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        return tip;
    }
}
