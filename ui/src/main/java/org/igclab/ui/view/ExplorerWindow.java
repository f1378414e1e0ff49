package org.igclab.ui.view;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.Theme;

/**
 * The explorer's window: controls on the left, the charts across the top, the designs and the selected design's
 * detail below them, the evaluation and the status at the bottom. It only arranges the views; what they show comes
 * from the {@link ExplorerModel}.
 */
public final class ExplorerWindow {
    private final BorderPane root = new BorderPane();
    private final ChartsRow charts;
    private final DesignTable table;
    private final DetailPane detail;
    private final StudyPane study;
    private final TabPane lists = new TabPane();
    private final Tab studyTab;
    private final Tab networkTab;
    private final NetworkPane network;
    private final ControlsPane controls;
    private final ExplorerModel model;
    private final FileDialogs dialogs;

    public ExplorerWindow(ExplorerModel model, FileDialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        ControlBindings bindings = new ControlBindings(model.form(), model::commit);
        controls = new ControlsPane(model, bindings);
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(270);
        left.setMinWidth(230);
        left.getStyleClass().add("controls-scroll");

        HBox chartHolder = new HBox();
        ExportActions actions = new ExportActions(model, dialogs, chartHolder);
        charts = new ChartsRow(model, actions);
        chartHolder.getChildren().add(charts);
        HBox.setHgrow(charts, Priority.ALWAYS);

        table = new DesignTable(model, bindings);
        detail = new DetailPane(model, actions);
        study = new StudyPane(model, actions);
        Tab designs = new Tab("Designs", table);
        designs.setId("designsTab");
        studyTab = new Tab("Study", study);
        studyTab.setId("studyTab");
        network = new NetworkPane(model.network());
        networkTab = new Tab("Network", network);
        networkTab.setId("networkTab");
        lists.getTabs().addAll(designs, studyTab, networkTab);
        lists.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.studies().studyProperty().addListener((o, was, now) -> showStudy());
        model.network().overviewProperty().addListener((o, was, now) -> lists.getSelectionModel().select(networkTab));
        SplitPane lower = new SplitPane(lists, detail);
        lower.setDividerPositions(0.5);
        SplitPane center = new SplitPane(chartHolder, lower);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.38);

        root.setTop(new Menus(model, actions, this).bar());
        root.setLeft(left);
        root.setCenter(center);
        root.setBottom(new VBox(new EvaluationBar(model, bindings), status(model)));
        root.getStyleClass().add("explorer");
    }

    /**
     * A background computation's words, bar and Cancel while it runs; {@code onceReported}: only once it reports (a store
     * without a calibration predicts nothing, and then nothing flashes by).
     */
    private static HBox progress(String id, org.igclab.ui.model.ExplorationProgress progress, Runnable cancel, boolean onceReported) {
        Label words = new Label();
        words.setId(id);
        words.getStyleClass().add("computing");
        words.textProperty().bind(progress.phaseProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId(id + "Progress");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(progress.fractionProperty());
        Button stop = new Button("Cancel");
        stop.setId("cancel" + Character.toUpperCase(id.charAt(0)) + id.substring(1));
        stop.setOnAction(e -> cancel.run());
        HBox box = new HBox(6, words, bar, stop);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(onceReported ? progress.computingProperty().and(progress.fractionProperty().greaterThan(0))
                : progress.computingProperty());
        box.managedProperty().bind(box.visibleProperty());
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static HBox status(ExplorerModel model) {
        // a word and a bar that fills, not a spinning indicator: an animation would have the window repainted all the time
        HBox computing = progress("computing", model.progress(), model::cancelExploration, false);
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        Label notice = new Label();
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(model.noticeProperty());
        notice.setWrapText(true);
        notice.setMinWidth(0);
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setAlignment(Pos.CENTER_RIGHT);
        HBox bar2 = new HBox(8, computing, progress("predicting", model.predicting(), model::cancelPredictions, true), status, notice);
        bar2.setAlignment(Pos.CENTER_LEFT);
        bar2.getStyleClass().add("status-bar");
        return bar2;
    }

    public Parent root() {
        return root;
    }

    /** The row of charts, as exported to PNG. */
    public HBox charts() {
        return charts;
    }

    ChartsRow chartsRow() {
        return charts;
    }

    DetailPane detail() {
        return detail;
    }

    /** Brings the study's tab to the front (once a study is open). */
    void showStudy() {
        if (model.studies().studyProperty().get() != null) {
            lists.getSelectionModel().select(studyTab);
        }
    }

    NetworkPane network() {
        return network;
    }

    StudyPane study() {
        return study;
    }

    void focusWidth() {
        controls.focusWidth();
    }

    void focusFilter() {
        table.lookup("#nameFilter").requestFocus();
    }

    void showShortcuts() {
        HelpWindow.show(root.getScene() == null ? null : root.getScene().getWindow(), model.themeProperty().get());
    }

    /** A scene of the window with the explorer's style sheets, dark ones when the theme is dark. */
    public Scene scene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Styles.STYLESHEET);
        theme(scene, model.themeProperty().get());
        model.themeProperty().addListener((o, was, now) -> theme(scene, now));
        // the table takes the first focus: a focused width field would show its text selected, inviting an overwrite
        javafx.application.Platform.runLater(() -> table.table().requestFocus());
        return scene;
    }

    private static void theme(Scene scene, Theme theme) {
        scene.getStylesheets().remove(Styles.DARK);
        if (theme == Theme.DARK) {
            scene.getStylesheets().add(Styles.DARK);
        }
    }

    FileDialogs dialogs() {
        return dialogs;
    }
}
