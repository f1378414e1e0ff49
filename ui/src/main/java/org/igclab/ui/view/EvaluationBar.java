package org.igclab.ui.view;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.EvaluationModel;
import org.igclab.ui.model.ExplorerModel;

/** Evaluate the selected design (latency, or training on a data set) with a progress bar and a cancel button. */
final class EvaluationBar extends HBox {

    EvaluationBar(ExplorerModel model, ControlBindings c) {
        super(8);
        setId("evaluationBar");
        getStyleClass().add("evaluation-bar");
        setAlignment(Pos.CENTER_LEFT);
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

        HBox timing = new HBox(6, small(c, "max passes", Control.RUNS, 5));
        HBox learning = new HBox(6, c.choice(Control.DATASET, ControlBindings.ordered("fashion-mnist", "Fashion-MNIST", "cifar10", "CIFAR-10")),
                small(c, "epochs", Control.EPOCHS, 3), small(c, "images", Control.TRAIN_IMAGES, 6), small(c, "data folder", Control.DATA_DIR, 12));
        timing.setAlignment(Pos.CENTER_LEFT);
        learning.setAlignment(Pos.CENTER_LEFT);
        timing.visibleProperty().bind(latency.selectedProperty());
        learning.visibleProperty().bind(training.selectedProperty());
        timing.managedProperty().bind(timing.visibleProperty());
        learning.managedProperty().bind(learning.visibleProperty());

        Button run = new Button("Evaluate");
        run.setId("evaluate");
        run.setDefaultButton(false);
        run.disableProperty().bind(evaluation.runningProperty());
        run.setOnAction(e -> model.evaluate());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("evaluationProgress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(evaluation.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelEvaluation");
        cancel.disableProperty().bind(evaluation.runningProperty().not());
        cancel.setOnAction(e -> evaluation.cancel());
        Label message = new Label();
        message.setId("evaluationMessage");
        message.textProperty().bind(evaluation.messageProperty());
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);

        getChildren().addAll(new Label("Evaluate the selected design:"), latency, training, timing, learning, run, progress, cancel, message);
    }

    /** A narrow labelled field whose error appears under it. */
    private static Node small(ControlBindings c, String label, Control control, int columns) {
        TextField f = c.field(control, "");
        f.setPrefColumnCount(columns);
        HBox line = new HBox(4, new Label(label), f);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(1, line, c.error(control));
    }
}
