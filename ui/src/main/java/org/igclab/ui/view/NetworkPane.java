package org.igclab.ui.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.igclab.analyzer.network.cost.NetworkSummary;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.ColumnFit;
import org.igclab.ui.model.NetworkModel;
import org.igclab.ui.model.NetworkOverview;

/**
 * A whole network opened from a file: its summary line, the operators not counted (when there are), and its layer tree
 * with shapes, kernels, costs with their shares, and verdicts. Top-level layers show; a block unfolds to its layers.
 * Everything shown comes from the {@link NetworkOverview}.
 */
final class NetworkPane extends VBox {
    /** The columns that show without scrolling sideways: the layer, its type and verdict, its costs and their shares. */
    private static final int SHOWN = 7;
    private static final String ELIDED = "elided";
    private static final double CELL_PADDING = 10;
    private static final double HEADER_PADDING = 12;
    private static final double INDENT = 10;
    private static final double ARROW = 18;
    private final TreeTableView<NetworkOverview.Row> tree = new TreeTableView<>();
    private final Label summary = new Label("File > Open design... with a network file or an ONNX model shows its layers here.");
    private final Label unknown = new Label();
    private List<NetworkOverview.Row> rows = List.of();

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
                // a path is told apart by its ends (stages[2].blocks[5]), a type by its start
                elided("layer", NetworkOverview.Row::name, NetworkOverview.Row::place, OverrunStyle.CENTER_ELLIPSIS),
                elided("type", r -> r.layer().type(), r -> r.layer().type(), OverrunStyle.ELLIPSIS),
                column("verdict", NetworkOverview.Row::verdictText),
                numeric("params", r -> TextTable.grouped(r.layer().params().total())),
                numeric("% params", r -> percent(r.paramsShare())),
                numeric("MACs", r -> TextTable.grouped(r.layer().macs())),
                numeric("% MACs", r -> percent(r.macsShare())),
                column("input", r -> r.layer().in().toString()),
                column("output", r -> r.layer().out().toString()),
                column("kernel", r -> r.layer().kernel().map(k -> k + "x" + k).orElse("")),
                column("stride", r -> r.layer().stride().map(String::valueOf).orElse("")),
                column("groups", r -> r.layer().groups().map(String::valueOf).orElse("")),
                numeric("imbalance", NetworkOverview.Row::imbalanceText)));
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.select(now == null ? null : now.getValue()));
        model.overviewProperty().addListener((o, was, now) -> show(now));
        tree.widthProperty().addListener((o, was, now) -> fit());
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
        rows = network.rows();
        fit();
    }

    /**
     * Each column as wide as its header and its widest value; the layer and type give up room, ending in "...", so that
     * the costs and their shares show whole without scrolling sideways.
     */
    private void fit() {
        List<ColumnFit.Column> wanted = new ArrayList<>();
        for (TreeTableColumn<NetworkOverview.Row, ?> c : tree.getColumns()) {
            @SuppressWarnings("unchecked")
            Function<NetworkOverview.Row, String> cell = (Function<NetworkOverview.Row, String>) c.getUserData();
            double widest = TextWidths.of(c.getText(), true) + HEADER_PADDING;
            boolean blank = true;
            for (NetworkOverview.Row r : rows) {
                String text = cell.apply(r);
                blank &= text.isEmpty();
                // the tree column also holds the row's indent and its disclosure arrow
                double indent = c == tree.getColumns().get(0) ? INDENT * (r.layer().level() - 1) + ARROW : 0;
                widest = Math.max(widest, indent + TextWidths.of(text, false) + CELL_PADDING);
            }
            wanted.add(new ColumnFit.Column(c.getText(), blank ? 0 : Math.ceil(widest), c.getStyleClass().contains(ELIDED)));
        }
        // the room beside the vertical scroll bar and the table's border; a column with nothing to show takes none
        Map<String, Double> widths = ColumnFit.widths(wanted, SHOWN, tree.getWidth() - 18);
        tree.getColumns().forEach(c -> {
            c.setVisible(widths.get(c.getText()) > 0);
            c.setPrefWidth(widths.get(c.getText()));
        });
    }


    private static String percent(double share) {
        return String.format("%.1f%%", 100 * share);
    }

    private static TreeTableColumn<NetworkOverview.Row, String> column(String header, Function<NetworkOverview.Row, String> cell) {
        TreeTableColumn<NetworkOverview.Row, String> c = new TreeTableColumn<>(header);
        c.setId("layers-" + header.replaceAll("[^A-Za-z]", ""));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().getValue() == null ? "" : cell.apply(d.getValue().getValue())));
        c.setUserData(cell);
        c.setSortable(false);
        return c;
    }

    /** A column of numbers, right-aligned: never cut. */
    private static TreeTableColumn<NetworkOverview.Row, String> numeric(String header, Function<NetworkOverview.Row, String> cell) {
        TreeTableColumn<NetworkOverview.Row, String> c = column(header, cell);
        c.getStyleClass().add("numeric");
        return c;
    }

    /** A column of names that may end in "..." when the room is short; the cell's tooltip says the whole name. */
    private static TreeTableColumn<NetworkOverview.Row, String> elided(String header, Function<NetworkOverview.Row, String> cell,
                                                                       Function<NetworkOverview.Row, String> tip, OverrunStyle overrun) {
        TreeTableColumn<NetworkOverview.Row, String> c = column(header, cell);
        c.getStyleClass().add(ELIDED);
        c.setCellFactory(col -> new TreeTableCell<>() {
            {
                setTextOverrun(overrun);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                NetworkOverview.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(tip.apply(row)));
            }
        });
        return c;
    }

    TreeTableView<NetworkOverview.Row> tree() {
        return tree;
    }
}
