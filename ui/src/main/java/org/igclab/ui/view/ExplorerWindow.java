package org.igclab.ui.view;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.igclab.ui.model.DesignExport;
import org.igclab.ui.model.ExplorerModel;

/**
 * The explorer's window: controls on the left, the three charts across the top, the designs and the selected
 * design's detail below them, the evaluation and the status at the bottom. It only arranges the views; what they
 * show comes from the {@link ExplorerModel}.
 */
public final class ExplorerWindow {
    private final BorderPane root = new BorderPane();
    private final HBox charts;
    private final DesignTable table;

    public ExplorerWindow(ExplorerModel model, FileDialogs dialogs) {
        ControlBindings bindings = new ControlBindings(model.form());
        ControlsPane controls = new ControlsPane(model, bindings);
        ScrollPane left = new ScrollPane(controls);
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefWidth(270);
        left.setMinWidth(230);
        left.getStyleClass().add("controls-scroll");

        LengthChart length = new LengthChart(model);
        ScatterPane scatter = new ScatterPane(model);
        BudgetChart budget = new BudgetChart(model);
        charts = new HBox(4, length, scatter, budget);
        charts.setId("charts");
        charts.getStyleClass().add("charts");
        for (Region r : new Region[] {length, scatter, budget}) {
            HBox.setHgrow(r, Priority.ALWAYS);
            r.setPrefWidth(400);
        }

        table = new DesignTable(model, bindings);
        DetailPane detail = new DetailPane(model);
        SplitPane lower = new SplitPane(table, detail);
        lower.setDividerPositions(0.52);
        SplitPane center = new SplitPane(charts, lower);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.36);

        ExportActions actions = new ExportActions(model, dialogs, table, charts);
        root.setTop(menu(actions));
        root.setLeft(left);
        root.setCenter(center);
        root.setBottom(new VBox(new EvaluationBar(model, bindings), status(model)));
        root.getStyleClass().add("explorer");
    }

    private static MenuBar menu(ExportActions actions) {
        MenuItem open = item("Open design...", "openDesign", "Shortcut+O", actions::open);
        MenuItem save = item("Save selected design...", "saveDesign", "Shortcut+S", () -> actions.export(DesignExport.Format.JSON));
        MenuItem json = item("Export selected as JSON...", "exportJson", null, () -> actions.export(DesignExport.Format.JSON));
        MenuItem csv = item("Export selected as CSV...", "exportCsv", null, () -> actions.export(DesignExport.Format.CSV));
        MenuItem dot = item("Export selected as DOT (channel graph)...", "exportDot", null, () -> actions.export(DesignExport.Format.DOT));
        MenuItem png = item("Export charts as PNG...", "exportPng", null, actions::exportCharts);
        // closing the window, not exiting the toolkit: the launcher waits for the window to close, then saves and exits
        MenuItem quit = item("Quit", "quit", "Shortcut+Q", () -> actions.closeWindow());
        Menu file = new Menu("File", null, open, save, new SeparatorMenuItem(), json, csv, dot, png, new SeparatorMenuItem(), quit);
        file.setId("fileMenu");
        MenuBar bar = new MenuBar(file);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String id, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (keys != null) {
            item.setAccelerator(KeyCombination.keyCombination(keys));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static HBox status(ExplorerModel model) {
        // a word, not a spinning indicator: an animation would have the window repainted all the while it computes
        Label busy = new Label("computing...");
        busy.setId("computing");
        busy.getStyleClass().add("computing");
        busy.visibleProperty().bind(model.computingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        Label notice = new Label();
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(model.noticeProperty());
        notice.setMinWidth(0);
        HBox.setHgrow(notice, Priority.ALWAYS);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setAlignment(Pos.CENTER_RIGHT);
        HBox bar = new HBox(8, busy, status, notice);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    public Parent root() {
        return root;
    }

    /** The row of charts, as exported to PNG. */
    public HBox charts() {
        return charts;
    }

    /** A scene of the window with the explorer's style sheet. */
    public Scene scene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Styles.STYLESHEET);
        // the table takes the first focus: a focused width field would show its text selected, inviting an overwrite
        javafx.application.Platform.runLater(() -> table.table().requestFocus());
        return scene;
    }
}
