package org.igclab.ui.view;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.DesignDetail;
import org.igclab.ui.model.ExplorerModel;

/**
 * The selected design: its verdicts with the witness, the channel wiring with a chosen path, and in tabs the
 * conditions as {@code igc check} words them, the closed-form counts with numbers, and the per-layer costs.
 */
final class DetailPane extends VBox {
    private final Label name = new Label("Select a design");
    private final Label verdict = new Label();
    private final Label balance = new Label();
    private final Label witness = new Label();
    private final WiringView wiring;
    private final Label wiringNote = new Label();
    private final Spinner<Integer> input = new Spinner<>();
    private final Spinner<Integer> output = new Spinner<>();
    private final SpinnerValueFactory.IntegerSpinnerValueFactory inputs = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0);
    private final SpinnerValueFactory.IntegerSpinnerValueFactory outputs = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0);
    private final HBox pathControls;
    private final TextArea conditions = textArea("conditions");
    private final TextArea formula = textArea("formula");
    private final TableView<DesignDetail.CostLine> costs = new TableView<>();
    private final Label totals = new Label();

    DetailPane(ExplorerModel model) {
        getStyleClass().add("detail");
        name.setId("detailName");
        name.getStyleClass().add("detail-name");
        name.setWrapText(true);
        verdict.setId("verdict");
        balance.setId("balance");
        witness.setId("witness");
        witness.getStyleClass().add("witness");
        witness.setWrapText(true);
        // wrapped labels keep all their lines when the pane is short: the wiring gives way instead
        name.setMinHeight(Region.USE_PREF_SIZE);
        witness.setMinHeight(Region.USE_PREF_SIZE);
        HBox badges = new HBox(6, verdict, balance);
        badges.setAlignment(Pos.CENTER_LEFT);

        wiring = new WiringView(model);
        wiringNote.setId("wiringNote");
        wiringNote.getStyleClass().add("chart-note");
        wiringNote.setWrapText(true);
        wiringNote.setMinHeight(Region.USE_PREF_SIZE);
        input.setId("pathInput");
        output.setId("pathOutput");
        link(input, inputs, model.pathInputProperty());
        link(output, outputs, model.pathOutputProperty());
        Label pathText = new Label();
        pathText.setId("pathText");
        pathText.textProperty().bind(model.pathTextProperty());
        pathControls = new HBox(6, new Label("path from input"), input, new Label("to output"), output, pathText);
        pathControls.setAlignment(Pos.CENTER_LEFT);
        pathControls.managedProperty().bind(pathControls.visibleProperty());

        costs.setId("costs");
        costs.setFixedCellSize(22);
        costs.getColumns().setAll(List.of(
                column("step", 120, DesignDetail.CostLine::step, false),
                column("operation", 190, DesignDetail.CostLine::op, false),
                column("output", 90, DesignDetail.CostLine::output, false),
                column("parameters", 90, l -> TextTable.grouped(l.params()), true),
                column("MACs", 110, l -> TextTable.grouped(l.macs()), true)));
        costs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        totals.setId("totals");
        totals.setWrapText(true);
        VBox costBox = new VBox(4, costs, totals);
        VBox.setVgrow(costs, Priority.ALWAYS);
        TabPane tabs = new TabPane(new Tab("Conditions", conditions), new Tab("Formula", formula), new Tab("Per-layer costs", costBox));
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(150);
        // the drawing takes the room the reports leave: they scroll, a squeezed drawing is unreadable
        tabs.setPrefHeight(210);

        getChildren().addAll(name, badges, witness, wiring, wiringNote, pathControls, tabs);
        VBox.setVgrow(wiring, Priority.ALWAYS);
        VBox.setVgrow(tabs, Priority.SOMETIMES);
        model.detailProperty().addListener((o, was, now) -> show(now, model));
        show(null, model);
    }

    private void show(DesignDetail d, ExplorerModel model) {
        if (d == null) {
            name.setText("Select a design in the table or the scatter");
            for (Label l : List.of(verdict, balance, witness)) {
                l.setText("");
                l.setVisible(false);
            }
            wiring.show(null, null);
            pathControls.setVisible(false);
            conditions.clear();
            formula.clear();
            costs.getItems().clear();
            totals.setText("");
            wiringNote.setText("");
            return;
        }
        name.setText(d.subject().name());
        verdict.setText(d.complementary().verdict().label());
        verdict.getStyleClass().setAll("label", "badge", "verdict-" + d.complementary().verdict().label());
        verdict.setVisible(true);
        balance.setText(d.balance() == null ? "balance not applicable"
                : d.balanced() ? "balanced" : String.format("imbalance %.3f", d.balance().applicable().imbalance()));
        balance.getStyleClass().setAll("label", "badge", d.balanced() ? "balanced" : "unbalanced");
        balance.setVisible(true);
        witness.setText(d.complementary().witness().map(w -> "witness: " + w.describe()).orElse(d.complementary().explanation()));
        witness.setVisible(true);
        wiring.show(d.wiring(), d.heatMap());
        wiringNote.setText(d.wiring() != null ? "" : d.heatMap() != null ? heatLegend(d) : d.wiringNote());
        pathControls.setVisible(d.wiring() != null);
        if (d.wiring() != null) {
            inputs.setMax(d.wiring().channels(0) - 1);
            outputs.setMax(d.wiring().channels(d.wiring().stages() - 1) - 1);
        }
        conditions.setText(d.conditionsText());
        formula.setText(d.formulaText());
        costs.getItems().setAll(d.costs());
        totals.setText(d.totals());
    }

    private static String heatLegend(DesignDetail d) {
        return String.format("Path-count matrix N (outputs down, inputs across%s): red no path, green exactly one, blue two or more "
                + "(darker: more, up to %,d). Too wide to draw channel by channel.",
                d.heatMap().block() > 1 ? ", " + d.heatMap().block() + "x" + d.heatMap().block() + " channels a pixel" : "", d.heatMap().max());
    }

    /** Keeps a spinner and a path end in step (the model moves the end when another design is selected). */
    private static void link(Spinner<Integer> spinner, SpinnerValueFactory.IntegerSpinnerValueFactory values,
                             javafx.beans.property.IntegerProperty end) {
        spinner.setValueFactory(values);
        spinner.setEditable(true);
        spinner.setPrefWidth(78);
        values.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                end.set(now);
            }
        });
        end.addListener((o, was, now) -> values.setValue(Math.min(values.getMax(), now.intValue())));
    }

    private static TextArea textArea(String id) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setEditable(false);
        t.setWrapText(true);
        t.getStyleClass().add("mono");
        return t;
    }

    private static TableColumn<DesignDetail.CostLine, String> column(String title, double width,
                                                                      Function<DesignDetail.CostLine, String> value, boolean numeric) {
        TableColumn<DesignDetail.CostLine, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        if (numeric) {
            c.getStyleClass().add("numeric");
        }
        return c;
    }
}
