package org.igclab.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/** What a user would see cut: labels and buttons whose text is elided, fields too narrow for their text. */
final class Layouts {

    private Layouts() {
    }

    /** Every visible label, button or header under {@code root} whose text is drawn shorter than it is (an ellipsis). */
    static List<String> elided(Parent root) {
        List<String> cut = new ArrayList<>();
        visit(root, n -> {
            if (n instanceof Labeled l && !(n instanceof TableCell) && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
                Text drawn = (Text) l.lookup(".text");
                if (drawn != null && drawn.getParent() == l && !drawn.getText().equals(l.getText())) {
                    cut.add((l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + " '" + l.getText() + "' drawn as '"
                            + drawn.getText() + "'");
                }
            }
        });
        return cut;
    }

    /** Every visible text field narrower than its text (a spinner showing "6." of 63). */
    static List<String> narrowFields(Parent root) {
        List<String> narrow = new ArrayList<>();
        visit(root, n -> {
            if (n instanceof TextField f && f.isVisible() && !f.getText().isEmpty()) {
                Text probe = new Text(f.getText());
                probe.setFont(f.getFont());
                double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
                if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                    narrow.add((f.getId() == null ? "field" : "#" + f.getId()) + " '" + f.getText() + "' in " + room + " px");
                }
            }
        });
        return narrow;
    }

    /** Whether a node lies wholly inside another on the screen. */
    static boolean inside(Node inner, Node outer) {
        Bounds i = inner.localToScene(inner.getLayoutBounds());
        Bounds o = outer.localToScene(outer.getLayoutBounds());
        return i.getMinX() >= o.getMinX() - 0.5 && i.getMaxX() <= o.getMaxX() + 0.5 && i.getMinY() >= o.getMinY() - 0.5
                && i.getMaxY() <= o.getMaxY() + 0.5;
    }

    private static void visit(Node n, java.util.function.Consumer<Node> f) {
        if (!n.isVisible()) {
            return;
        }
        f.accept(n);
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> visit(c, f));
        }
    }
}
