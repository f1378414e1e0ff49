package org.igclab.ui.view;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignRow;
import org.igclab.ui.model.MeasuredLatency;
import org.igclab.ui.model.ExplorerModel;

/** The designs as a sortable table, with the filters above it; selecting a row selects the design everywhere. */
final class DesignTable extends VBox {
    private final TableView<DesignRow> table = new TableView<>();
    private final ExplorerModel model;
    private boolean syncing;

    DesignTable(ExplorerModel model, ControlBindings controls) {
        this.model = model;
        table.setId("designs");
        // rows of one fixed height: otherwise every update measures each visible row's text to size it
        table.setFixedCellSize(22);
        SortedList<DesignRow> sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // the columns share the table's width (measured columns come and go) rather than scroll sideways
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No design passes the filters."));
        TableColumn<DesignRow, MeasuredLatency> latency = number("latency ms", 72, DesignRow::latency, MeasuredLatency::text);
        TableColumn<DesignRow, Double> accuracy = number("accuracy", 64, DesignRow::accuracy, v -> String.format("%.1f%%", 100 * v));
        table.getColumns().setAll(List.of(
                text("design", 150, DesignRow::name),
                text("K", 78, DesignRow::groupSizes),
                number("L", 30, r -> (long) r.length(), v -> Long.toString(v)),
                text("verdict", 58, r -> r.design().complementary().verdict().label()),
                number("imbalance", 66, r -> r.design().imbalance(), v -> String.format("%.3f", v)),
                number("params", 78, DesignRow::params, TextTable::grouped),
                number("MACs", 92, DesignRow::macs, TextTable::grouped),
                latency, accuracy,
                front(model)));
        // measured columns take room only once the store has measured something among these designs
        model.shown().addListener((javafx.collections.ListChangeListener<DesignRow>) c -> {
            latency.setVisible(model.shown().stream().anyMatch(r -> r.latency() != null));
            accuracy.setVisible(model.shown().stream().anyMatch(r -> r.accuracy() != null));
        });
        latency.setVisible(false);
        accuracy.setVisible(false);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> reveal(now));

        HBox filters = new HBox(8, controls.check(Control.ONLY_STRICT, "strict"),
                controls.check(Control.ONLY_BALANCED, "balanced within"), tolerance(controls),
                controls.field(Control.NAME_FILTER, "name contains"));
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("filters");
        getChildren().addAll(filters, controls.error(Control.TOLERANCE), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        getStyleClass().add("table-box");
    }

    private static javafx.scene.control.TextField tolerance(ControlBindings controls) {
        var f = controls.field(Control.TOLERANCE, "0.25");
        f.setPrefColumnCount(4);
        return f;
    }

    private void reveal(DesignRow row) {
        if (row == null || table.getSelectionModel().getSelectedItems().contains(row)) {
            return;
        }
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
            int i = table.getItems().indexOf(row);
            if (i >= 0) {
                table.scrollTo(Math.max(0, i - 3));
            }
        } finally {
            syncing = false;
        }
    }

    /** The rows the user selected, for export. */
    List<DesignRow> selection() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    TableView<DesignRow> table() {
        return table;
    }

    /**
     * Whether a design is on the Pareto front; each cell follows the scatter (which follows the filters and the
     * axes) by itself, so that a new front does not rebuild every cell of the table.
     */
    private static TableColumn<DesignRow, String> front(ExplorerModel model) {
        TableColumn<DesignRow, String> c = new TableColumn<>("front");
        c.setPrefWidth(40);
        c.setCellValueFactory(f -> javafx.beans.binding.Bindings.createStringBinding(
                () -> model.scatterProperty().get().onFront().contains(f.getValue()) ? "yes" : "", model.scatterProperty()));
        return c;
    }

    private static TableColumn<DesignRow, String> text(String title, double width, Function<DesignRow, String> value) {
        TableColumn<DesignRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** A right-aligned numeric column that sorts by value; missing values (not measured) are blank and sort last. */
    private static <T extends Comparable<T>> TableColumn<DesignRow, T> number(String title, double width, Function<DesignRow, T> value,
                                                                               Function<T, String> format) {
        TableColumn<DesignRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setComparator((a, b) -> a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : format.apply(item));
            }
        });
        c.getStyleClass().add("numeric");
        return c;
    }
}
