package org.igclab.ui.view;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.ControlForm;
import org.igclab.ui.model.Glossary;

/**
 * Makes controls that edit one of the form's texts, each with its error shown right under it. Ids are the controls'
 * settings keys ({@code #channels}, and {@code #channelsError} for its message), which the tests look up.
 */
final class ControlBindings {
    private final ControlForm form;
    private final Runnable commit;

    /** @param commit applies the values typed so far (Enter, or a field losing the focus) */
    ControlBindings(ControlForm form, Runnable commit) {
        this.form = form;
        this.commit = commit;
    }

    /** A text field; {@code prompt} shows while it is empty. Enter or leaving it applies what was typed. */
    TextField field(Control c, String prompt) {
        TextField f = new TextField();
        f.setId(c.key());
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(form.text(c));
        form.error(c).addListener((o, was, now) -> f.pseudoClassStateChanged(Styles.INVALID, !now.isEmpty()));
        f.pseudoClassStateChanged(Styles.INVALID, !form.error(c).get().isEmpty());
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        tip(f, c);
        return f;
    }

    /** The control's explanation as its tooltip. */
    static void tip(javafx.scene.control.Control node, Control c) {
        String text = Glossary.control(c);
        if (!text.isEmpty()) {
            node.setTooltip(Styles.tooltip(text));
        }
    }

    /** The control's error message, hidden (and taking no room) while there is none. */
    Label error(Control c) {
        Label l = new Label();
        l.setId(c.key() + "Error");
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.textProperty().bind(form.error(c));
        l.visibleProperty().bind(form.error(c).isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** A labelled text field with its error under it. */
    VBox labelled(String label, Control c, String prompt) {
        Label caption = new Label(label);
        TextField f = field(c, prompt);
        caption.setLabelFor(f);
        VBox box = new VBox(2, caption, f, error(c));
        box.getStyleClass().add("control");
        return box;
    }

    /** A choice among keys shown by their labels, kept in step with the control's text. */
    ChoiceBox<String> choice(Control c, Map<String, String> labels) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId(c.key());
        box.setMaxWidth(Double.MAX_VALUE);
        tip(box, c);
        relabel(box, labels);
        StringProperty text = form.text(c);
        box.setValue(text.get());
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(text.get())) {
                text.set(now);
            }
        });
        text.addListener((o, was, now) -> box.setValue(now));
        return box;
    }

    /** Offers other choices (a template opened from a file joins the list), keeping the chosen one. */
    static void relabel(ChoiceBox<String> box, Map<String, String> labels) {
        Map<String, String> byKey = new LinkedHashMap<>(labels);
        String chosen = box.getValue();
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String key) {
                return key == null ? "" : byKey.getOrDefault(key, key);
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        box.getItems().setAll(byKey.keySet());
        box.setValue(chosen);
    }

    /** Keys and labels in the order given: {@code ordered("params", "parameters", "macs", "MACs")}. */
    static Map<String, String> ordered(String... keysAndLabels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            m.put(keysAndLabels[i], keysAndLabels[i + 1]);
        }
        return m;
    }

    /** A check box for a {@code true}/{@code false} control. */
    CheckBox check(Control c, String label) {
        CheckBox box = new CheckBox(label);
        box.setId(c.key());
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        tip(box, c);
        StringProperty text = form.text(c);
        box.setSelected(Boolean.parseBoolean(text.get().trim()));
        box.selectedProperty().addListener((o, was, now) -> text.set(Boolean.toString(now)));
        text.addListener((o, was, now) -> box.setSelected(Boolean.parseBoolean(now.trim())));
        return box;
    }
}
