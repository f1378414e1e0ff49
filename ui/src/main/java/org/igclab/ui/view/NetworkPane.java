package org.igclab.ui.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.igclab.analyzer.network.cost.NetworkSummary;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.NetworkModel;
import org.igclab.ui.model.NetworkOverview;

/**
 * A whole network opened from a file: its summary line, the operators not counted (when there are), and its layer tree
 * with shapes, kernels, costs with their shares, and verdicts. Top-level layers show; a block unfolds to its layers.
 * Everything shown comes from the {@link NetworkOverview}.
 */
final class NetworkPane extends VBox {
    private final TreeTableView<NetworkOverview.Row> tree = new TreeTableView<>();
    private final Label summary = new Label("File > Open design... with a network file or an ONNX model shows its layers here.");
    private final Label unknown = new Label();

    NetworkPane(NetworkModel model) {
        setId("networkPane");
        summary.setId("networkSummary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        unknown.setId("networkUnknown");
        unknown.getStyleClass().add("notice");
        unknown.setWrapText(true);
        unknown.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        unknown.managedProperty().bind(unknown.visibleProperty());
        unknown.setVisible(false);
        tree.setId("networkLayers");
        tree.setShowRoot(false);
        tree.setFixedCellSize(22);
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        // what tells layers apart first (their costs and verdicts), then their shapes and kernels, as torchinfo lists them
        tree.getColumns().setAll(List.of(
                column("layer", r -> r.layer().name(), 170),
                column("type", r -> r.layer().type(), 240),
                column("verdict", NetworkOverview.Row::verdictText, 65),
                numeric("params", r -> TextTable.grouped(r.layer().params().total()), 90),
                numeric("% params", r -> percent(r.paramsShare()), 70),
                numeric("MACs", r -> TextTable.grouped(r.layer().macs()), 110),
                numeric("% MACs", r -> percent(r.macsShare()), 65),
                column("input", r -> r.layer().in().toString(), 95),
                column("output", r -> r.layer().out().toString(), 95),
                column("kernel", r -> r.layer().kernel().map(k -> k + "x" + k).orElse(""), 50),
                column("stride", r -> r.layer().stride().map(String::valueOf).orElse(""), 50),
                column("groups", r -> r.layer().groups().map(String::valueOf).orElse(""), 55),
                numeric("imbalance", NetworkOverview.Row::imbalanceText, 75)));
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.select(now == null ? null : now.getValue()));
        model.overviewProperty().addListener((o, was, now) -> show(now));
        getChildren().addAll(summary, unknown, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        getStyleClass().add("table-box");
    }

    private void show(NetworkOverview network) {
        summary.setText(network.summary());
        unknown.setText(network.lowerBoundNote());
        unknown.setVisible(network.lowerBound());
        TreeItem<NetworkOverview.Row> root = new TreeItem<>();
        // a row's parent is the nearest row above it one level up: the rows come parents first, in execution order
        Map<Integer, TreeItem<NetworkOverview.Row>> last = new HashMap<>();
        last.put(0, root);
        for (NetworkOverview.Row r : network.rows()) {
            TreeItem<NetworkOverview.Row> item = new TreeItem<>(r);
            NetworkSummary.Row layer = r.layer();
            last.getOrDefault(layer.level() - 1, root).getChildren().add(item);
            last.put(layer.level(), item);
        }
        tree.setRoot(root);
    }

    private static String percent(double share) {
        return String.format("%.1f%%", 100 * share);
    }

    private static TreeTableColumn<NetworkOverview.Row, String> column(String header, Function<NetworkOverview.Row, String> cell, double width) {
        TreeTableColumn<NetworkOverview.Row, String> c = new TreeTableColumn<>(header);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue() == null ? "" : cell.apply(d.getValue().getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** A column of numbers, right-aligned. */
    private static TreeTableColumn<NetworkOverview.Row, String> numeric(String header, Function<NetworkOverview.Row, String> cell, double width) {
        TreeTableColumn<NetworkOverview.Row, String> c = column(header, cell, width);
        c.getStyleClass().add("numeric");
        return c;
    }

    TreeTableView<NetworkOverview.Row> tree() {
        return tree;
    }
}
