package org.igclab.ui.view;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.EvaluationModel;
import org.igclab.ui.model.ExplorerModel;

/**
 * Evaluate the selected design (latency, or training on a data set): the choices and the buttons on one line, which
 * wraps rather than squeezes them, and the progress with its message on the next, so that neither a label nor a
 * button is ever cut. While a run starts or ends the focus moves between Evaluate and Cancel, never into a field.
 */
final class EvaluationBar extends VBox {
    private final Button run = new Button("Evaluate");
    private final Button cancel = new Button("Cancel");

    EvaluationBar(ExplorerModel model, ControlBindings c) {
        super(4);
        setId("evaluationBar");
        getStyleClass().add("evaluation-bar");
        EvaluationModel evaluation = model.evaluation();

        ToggleGroup kind = new ToggleGroup();
        RadioButton latency = new RadioButton("latency");
        RadioButton training = new RadioButton("training");
        latency.setId("evalLatency");
        training.setId("evalTraining");
        latency.setToggleGroup(kind);
        training.setToggleGroup(kind);
        var text = model.form().text(Control.EVALUATION);
        (text.get().trim().equals("train") ? training : latency).setSelected(true);
        kind.selectedToggleProperty().addListener((o, was, now) -> text.set(now == training ? "train" : "latency"));
        text.addListener((o, was, now) -> (now.trim().equals("train") ? training : latency).setSelected(true));

        HBox timing = new HBox(6, small(c, "max passes", Control.RUNS, 6));
        HBox learning = new HBox(6, c.choice(Control.DATASET, ControlBindings.ordered("fashion-mnist", "Fashion-MNIST", "cifar10", "CIFAR-10")),
                small(c, "epochs", Control.EPOCHS, 3), small(c, "images", Control.TRAIN_IMAGES, 7), small(c, "data folder", Control.DATA_DIR, 12));
        for (HBox box : new HBox[] {timing, learning}) {
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMinWidth(Region.USE_PREF_SIZE);
        }
        timing.visibleProperty().bind(latency.selectedProperty());
        learning.visibleProperty().bind(training.selectedProperty());
        timing.managedProperty().bind(timing.visibleProperty());
        learning.managedProperty().bind(learning.visibleProperty());

        run.setId("evaluate");
        run.disableProperty().bind(evaluation.runningProperty());
        run.setOnAction(e -> model.evaluate());
        cancel.setId("cancelEvaluation");
        cancel.disableProperty().bind(evaluation.runningProperty().not());
        cancel.setOnAction(e -> evaluation.cancel());
        // a focused button that becomes disabled hands the focus to the next control in the window, the width field,
        // whose text is then selected for the next keystroke to replace: hand it to the other button instead
        evaluation.runningProperty().addListener((o, was, now) -> {
            Button from = now ? run : cancel;
            Button to = now ? cancel : run;
            if (from.isFocused()) {
                to.requestFocus();
            }
        });
        ProgressBar progress = new ProgressBar(0);
        progress.setId("evaluationProgress");
        progress.setPrefWidth(160);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        progress.progressProperty().bind(evaluation.progressProperty());
        Label message = new Label();
        message.setId("evaluationMessage");
        message.textProperty().bind(evaluation.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);

        Label caption = new Label("Evaluate the selected design:");
        FlowPane choices = new FlowPane(8, 4, caption, latency, training, timing, learning, run, cancel);
        choices.setAlignment(Pos.CENTER_LEFT);
        for (Node n : choices.getChildren()) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        HBox status = new HBox(8, progress, message);
        status.setAlignment(Pos.CENTER_LEFT);
        // an idle bar is not drawn, but keeps its line: the table must not move when an evaluation starts or ends
        status.visibleProperty().bind(evaluation.runningProperty().or(evaluation.messageProperty().isNotEmpty()));
        getChildren().addAll(choices, status);
    }

    /** A narrow labelled field whose error appears under it. */
    private static Node small(ControlBindings c, String label, Control control, int columns) {
        TextField f = c.field(control, "");
        f.setPrefColumnCount(columns);
        f.setMinWidth(Region.USE_PREF_SIZE);
        Label caption = new Label(label);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(4, caption, f);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(1, line, c.error(control));
    }

    Button evaluate() {
        return run;
    }
}
