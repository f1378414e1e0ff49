package org.igclab.ui.view;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.NetworkTemplate;
import org.igclab.ui.model.NetworkTemplates;

/** The controls column: the block, the network template, the budget and the charts' axes. */
final class ControlsPane extends VBox {

    /** Puts the focus in the width field, its text selected to be typed over (View > Go to the width). */
    void focusWidth() {
        javafx.scene.Node width = lookup("#" + Control.CHANNELS.key());
        width.requestFocus();
        ((TextField) width).selectAll();
    }

    ControlsPane(ExplorerModel model, ControlBindings c) {
        super(6);
        setId("controls");
        getStyleClass().add("controls");
        ChoiceBox<String> template = c.choice(Control.TEMPLATE, labels(model.templatesProperty().get()));
        model.templatesProperty().addListener((o, was, now) -> ControlBindings.relabel(template, labels(now)));
        getChildren().addAll(
                heading("Block"),
                c.labelled("Width C (channels in = out)", Control.CHANNELS, "64"),
                pair(c.labelled("First kernel side", Control.KERNEL, "3"), c.labelled("Input side", Control.RESOLUTION, "32")),
                range(c, "Kernels L", Control.MIN_LAYERS, Control.MAX_LAYERS, "any"),
                range(c, "Group sizes K (channels per group)", Control.MIN_GROUP, Control.MAX_GROUP, "any"),
                labelled("First kernel", c.choice(Control.FIRST_KERNEL, ControlBindings.ordered("any", "channel-wise or grouped",
                        "channel-wise", "channel-wise (K1 = 1)", "grouped", "grouped (K1 >= 2)"))),
                c.error(Control.FIRST_KERNEL),
                c.check(Control.LOOSE, "also dense chains with prod K > C"),
                heading("Network"),
                labelled("Costs in the table and scatter", template),
                heading("Budget"),
                pair(labelled("Limit", c.choice(Control.BUDGET_KIND, ControlBindings.ordered("params", "parameters", "macs", "MACs"))),
                        c.labelled("At most", Control.BUDGET, "none")),
                heading("Charts"),
                c.labelled("More widths for the L chart", Control.WIDTHS, "e.g. 16, 256"),
                c.check(Control.LOG_WEIGHTS, "weights on decades"),
                axis("Scatter x", c.choice(Control.X_AXIS, axes()), logFor(c, model, Control.LOG_X, Control.X_AXIS)),
                axis("Scatter y", c.choice(Control.Y_AXIS, axes()), logFor(c, model, Control.LOG_Y, Control.Y_AXIS)),
                pair(labelled("Measured", c.choice(Control.MEASURED_Y, ControlBindings.ordered("latency", "latency", "accuracy", "accuracy"))),
                        labelled("against", c.choice(Control.MEASURED_X, ControlBindings.ordered("macs", "MACs", "params", "parameters")))));
    }

    private static Map<String, String> labels(NetworkTemplates templates) {
        Map<String, String> m = new LinkedHashMap<>();
        for (NetworkTemplate t : templates.all()) {
            m.put(t.key(), t.label());
        }
        return m;
    }

    /** The log check box of an axis, disabled while the axis takes no decades (kernels L, accuracy). */
    private static Node logFor(ControlBindings c, ExplorerModel model, Control log, Control axis) {
        javafx.scene.control.CheckBox box = c.check(log, "log");
        var text = model.form().text(axis);
        box.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            try {
                return !org.igclab.ui.model.Axis.byKey(text.get().trim()).loggable();
            } catch (IllegalArgumentException e) {
                return true;
            }
        }, text));
        return box;
    }

    /** An axis choice with its log check box beside it. */
    private static VBox axis(String text, Node choice, Node log) {
        HBox line = new HBox(6, choice, log);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(choice, Priority.ALWAYS);
        VBox box = new VBox(2, new Label(text), line);
        box.getStyleClass().add("control");
        return box;
    }

    private static Map<String, String> axes() {
        return ControlBindings.ordered("params", "parameters", "macs", "MACs", "length", "kernels L", "latency", "latency (measured)",
                "latency_pred", "latency (predicted)", "accuracy", "accuracy (trained)");
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heading");
        return l;
    }

    private static VBox labelled(String text, Node control) {
        VBox box = new VBox(2, new Label(text), control);
        box.getStyleClass().add("control");
        return box;
    }

    private static HBox pair(Node a, Node b) {
        HBox box = new HBox(8, a, b);
        HBox.setHgrow(a, Priority.ALWAYS);
        HBox.setHgrow(b, Priority.ALWAYS);
        return box;
    }

    /** A min..max pair of fields on one line, their errors under it. */
    private static VBox range(ControlBindings c, String text, Control min, Control max, String maxPrompt) {
        TextField lo = c.field(min, "1");
        TextField hi = c.field(max, maxPrompt);
        lo.setPrefColumnCount(4);
        hi.setPrefColumnCount(4);
        HBox line = new HBox(6, lo, new Label("to"), hi);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(lo, Priority.ALWAYS);
        HBox.setHgrow(hi, Priority.ALWAYS);
        VBox box = new VBox(2, new Label(text), line, c.error(min), c.error(max));
        box.getStyleClass().add("control");
        return box;
    }
}
