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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.DesignDetail;
import org.igclab.ui.model.DetailModel;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.Glossary;
import org.igclab.ui.model.HeatPlot;

/**
 * The selected design: its name, verdicts and witness above, then in tabs that each take the whole height the channel
 * wiring with a chosen path (or the path-count matrix), the conditions as {@code igc check} words them, the closed-form
 * counts with numbers, the per-layer costs, and the comparison of the chosen designs.
 */
final class DetailPane extends VBox {
    private final Label name = new Label("Select a design");
    private final Label verdict = new Label();
    private final Label balance = new Label();
    private final Label witness = new Label();
    private final WiringView wiring;
    private final ChartPane heat;
    private final Label wiringNote = new Label();
    private final SpinnerValueFactory.IntegerSpinnerValueFactory inputs = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0);
    private final SpinnerValueFactory.IntegerSpinnerValueFactory outputs = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0);
    private final FlowPane pathControls;
    private final TextArea conditions = textArea("conditions");
    private final TextArea formula = textArea("formula");
    private final TableView<DesignDetail.CostLine> costs = new TableView<>();
    private final Label totals = new Label();
    private final TabPane tabs;
    private final Tab compare;

    DetailPane(ExplorerModel model, ChartPane.Saves saves) {
        DetailModel detail = model.detail();
        getStyleClass().add("detail");
        setMinWidth(0);
        name.setId("detailName");
        name.getStyleClass().add("detail-name");
        name.setWrapText(true);
        // a long name wraps from its start: it is never centred out of the pane nor elided
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        name.setMaxWidth(Double.MAX_VALUE);
        verdict.setId("verdict");
        balance.setId("balance");
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        balance.setMinWidth(Region.USE_PREF_SIZE);
        witness.setId("witness");
        witness.getStyleClass().add("witness");
        witness.setWrapText(true);
        witness.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane badges = new FlowPane(6, 4, verdict, balance);
        badges.setAlignment(Pos.CENTER_LEFT);

        wiring = new WiringView(detail);
        heat = new ChartPane("heatMap", saves);
        wiringNote.setId("wiringNote");
        wiringNote.getStyleClass().add("chart-note");
        wiringNote.setWrapText(true);
        wiringNote.setMinHeight(Region.USE_PREF_SIZE);
        Spinner<Integer> input = spinner("pathInput", inputs, detail.pathInputProperty());
        Spinner<Integer> output = spinner("pathOutput", outputs, detail.pathOutputProperty());
        Label pathText = new Label();
        pathText.setId("pathText");
        pathText.textProperty().bind(detail.pathTextProperty());
        pathText.setMinWidth(Region.USE_PREF_SIZE);
        Label from = new Label("path from input");
        Label to = new Label("to output");
        from.setMinWidth(Region.USE_PREF_SIZE);
        to.setMinWidth(Region.USE_PREF_SIZE);
        // wraps in a narrow pane rather than widening it past the window (the path's words go to a second line)
        pathControls = new FlowPane(6, 4, from, input, to, output, pathText);
        pathControls.setAlignment(Pos.CENTER_LEFT);
        pathControls.setMinWidth(0);
        pathControls.managedProperty().bind(pathControls.visibleProperty());
        StackPane drawing = new StackPane(wiring, heat);
        VBox wiringBox = new VBox(4, drawing, pathControls, wiringNote);
        VBox.setVgrow(drawing, Priority.ALWAYS);

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
        totals.setMinHeight(Region.USE_PREF_SIZE);
        VBox costBox = new VBox(4, costs, totals);
        VBox.setVgrow(costs, Priority.ALWAYS);
        ComparePane comparison = new ComparePane(model);
        compare = new Tab("Compare", comparison);
        compare.setId("compareTab");
        Tab wiringTab = new Tab("Wiring", wiringBox);
        wiringTab.setId("wiringTab");
        tabs = new TabPane(wiringTab, new Tab("Conditions", conditions), new Tab("Formula", formula), new Tab("Per-layer costs", costBox),
                compare);
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(120);

        getChildren().addAll(name, badges, witness, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        detail.detailProperty().addListener((o, was, now) -> show(now));
        model.selection().comparisonProperty().addListener((o, was, now) -> {
            if (now != null) {
                tabs.getSelectionModel().select(compare);
            }
        });
        model.themeProperty().addListener((o, was, now) -> palette(Palette.of(now)));
        palette(Palette.of(model.themeProperty().get()));
        show(null);
    }

    private void palette(Palette p) {
        wiring.palette(p);
        heat.palette(p);
    }

    /** Shows the comparison tab (the View menu's Compare). */
    void showComparison() {
        tabs.getSelectionModel().select(compare);
    }

    private void show(DesignDetail d) {
        if (d == null) {
            name.setText("Select a design in the table or the scatter");
            for (Label l : List.of(verdict, balance, witness)) {
                l.setText("");
                l.setVisible(false);
            }
            wiring.show(null);
            wiring.setVisible(false);
            heat.setVisible(false);
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
        wiring.show(d.wiring());
        wiring.setVisible(d.wiring() != null);
        heat.setVisible(d.heatMap() != null);
        if (d.heatMap() != null) {
            heat.show(HeatPlot.of(d.heatMap(), d.subject().chain().inChannels(), d.subject().chain().outChannels(),
                    d.complementary().isStrict()));
        }
        wiringNote.setText(d.wiring() != null ? Glossary.WIRING : d.heatMap() != null ? Glossary.HEAT_MAP
                + " Too wide to draw channel by channel." : d.wiringNote());
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

    /** A spinner in step with a path end (the model moves the end when another design is selected), wide enough for 4 digits. */
    private static Spinner<Integer> spinner(String id, SpinnerValueFactory.IntegerSpinnerValueFactory values,
                                            javafx.beans.property.IntegerProperty end) {
        Spinner<Integer> spinner = new Spinner<>();
        spinner.setId(id);
        spinner.setValueFactory(values);
        spinner.setEditable(true);
        spinner.getEditor().setPrefColumnCount(4);
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        values.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                end.set(now);
            }
        });
        end.addListener((o, was, now) -> values.setValue(Math.min(values.getMax(), now.intValue())));
        return spinner;
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
