package org.igclab.ui.view;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** How wide a text is in the tables' 12 px font (explorer.css), in bold for a header: what a column needs to show it whole. */
final class TextWidths {
    private static final Font PLAIN = Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, 12);
    private static final Font BOLD = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);

    private TextWidths() {
    }

    static double of(String text, boolean bold) {
        Text probe = new Text(text);
        probe.setFont(bold ? BOLD : PLAIN);
        return probe.getLayoutBounds().getWidth();
    }
}
