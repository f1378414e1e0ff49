package org.igclab.ui.view;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import org.igclab.ui.model.TableColumns;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.igclab.analyzer.text.TextTable;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignRow;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.Glossary;
import org.igclab.ui.model.MeasuredLatency;

/**
 * The designs as a sortable table (cheapest first), with the filters above it. Selecting a row selects the design
 * everywhere; selecting several chooses them (to export or compare), as does a box on the scatter. A row that changes
 * (a measurement arrives) stays where it is: the table scrolls only to bring a picked design into view.
 */
final class DesignTable extends VBox {
    private static final String TITLE = "igc.title";
    private final TableView<DesignRow> table = new TableView<>();
    private final ExplorerModel model;
    /** Columns that show only when some design has a value for them (measured, predicted). */
    private final Map<TableColumn<DesignRow, ?>, Predicate<DesignRow>> present = new HashMap<>();
    /** Columns the user chose to show, or to hide, in the header's menu. */
    private final Set<String> chosen = new HashSet<>();
    private final Set<String> refused = new HashSet<>();
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
        // columns as wide as their header and their widest value; the table scrolls sideways rather than cut either
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No design passes the filters."));
        TableColumn<DesignRow, MeasuredLatency> latency = number("latency (ms)", DesignRow::latency, MeasuredLatency::text);
        TableColumn<DesignRow, org.igclab.ui.model.PredictedLatency> predicted = number("latency_pred (ms)", DesignRow::predicted,
                org.igclab.ui.model.PredictedLatency::text);
        TableColumn<DesignRow, Double> accuracy = number("accuracy", DesignRow::accuracy, v -> String.format("%.1f%%", 100 * v));
        table.getColumns().setAll(List.of(
                text("design", DesignRow::family),
                text("K", DesignRow::groupSizes),
                number("L", r -> (long) r.length(), v -> Long.toString(v)),
                number("params", DesignRow::params, TextTable::grouped),
                number("MACs", DesignRow::macs, TextTable::grouped),
                latency, predicted, accuracy,
                text("verdict", r -> r.design().complementary().verdict().label()),
                number("imbalance", r -> r.design().imbalance(), v -> String.format("%.3f", v)),
                front(model)));
        // measured and predicted columns take room only once the store has something for these designs
        present.put(latency, r -> r.latency() != null);
        present.put(predicted, r -> r.predicted() != null);
        present.put(accuracy, r -> r.accuracy() != null);
        columnsMenu();
        refit();
        model.shown().addListener((ListChangeListener<DesignRow>) c -> {
            ((Label) predicted.getGraphic()).setText(org.igclab.ui.model.PredictedLatency.header(model.shown()));
            fitColumns();
            refit();
        });
        table.widthProperty().addListener((o, was, now) -> refit());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<DesignRow>) c -> picked());
        model.selectedProperty().addListener((o, was, now) -> reveal(now));
        model.selection().chosen().addListener((ListChangeListener<DesignRow>) c -> chosen());

        HBox filters = new HBox(8, controls.check(Control.ONLY_STRICT, "strict"),
                controls.check(Control.ONLY_BALANCED, "balanced within"), tolerance(controls),
                controls.field(Control.NAME_FILTER, "name contains"));
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getStyleClass().add("filters");
        getChildren().addAll(filters, controls.error(Control.TOLERANCE), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        getStyleClass().add("table-box");
        setMinWidth(0);
    }

    private static javafx.scene.control.TextField tolerance(ControlBindings controls) {
        var f = controls.field(Control.TOLERANCE, "0.25");
        f.setPrefColumnCount(4);
        f.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return f;
    }

    /** The user picked rows: one selects it, several choose them. */
    private void picked() {
        if (syncing) {
            return;
        }
        List<DesignRow> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
        syncing = true;
        try {
            if (rows.size() >= 2) {
                model.choose(rows);
                model.select(table.getSelectionModel().getSelectedItem());
            } else if (rows.size() == 1) {
                model.choose(List.of());
                model.select(rows.get(0));
            }
        } finally {
            syncing = false;
        }
    }

    /** The model selected a design (the scatter, a new result): select its row, scrolling only if it is out of view. */
    private void reveal(DesignRow row) {
        if (syncing || row == null || table.getSelectionModel().getSelectedItems().contains(row)) {
            return;
        }
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
            scrollTo(table.getItems().indexOf(row));
        } finally {
            syncing = false;
        }
    }

    /** The model chose designs (a box on the scatter): select their rows. */
    private void chosen() {
        List<DesignRow> chosen = List.copyOf(model.selection().chosen());
        if (syncing || chosen.isEmpty() || chosen.size() == table.getSelectionModel().getSelectedItems().size()
                && table.getSelectionModel().getSelectedItems().containsAll(chosen)) {
            return;
        }
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            chosen.forEach(r -> table.getSelectionModel().select(r));
            scrollTo(table.getItems().indexOf(chosen.get(0)));
        } finally {
            syncing = false;
        }
    }

    /** Brings a row into view when it is not: a row already on screen stays exactly where it is. */
    private void scrollTo(int index) {
        if (index < 0) {
            return;
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        boolean visible = first != null && last != null && index > first.getIndex() && index < last.getIndex();
        if (!visible) {
            table.scrollTo(Math.max(0, index - 3));
        }
    }

    /**
     * Each column as wide as its header and its longest value, among the cheapest and the dearest rows shown (the widest
     * numbers are the largest; thousands of rows are not all formatted on the FX thread).
     */
    private void fitColumns() {
        List<DesignRow> rows = model.shown();
        List<DesignRow> sample = rows.size() <= 600 ? rows
                : java.util.stream.Stream.concat(rows.subList(0, 300).stream(), rows.subList(rows.size() - 300, rows.size()).stream()).toList();
        for (TableColumn<DesignRow, ?> c : table.getColumns()) {
            String longest = "";
            for (DesignRow r : sample) {
                Object v = c.getCellObservableValue(r).getValue();
                String s = v == null ? "" : c.getUserData() instanceof Function<?, ?> f ? format(f, v) : v.toString();
                if (s.length() > longest.length()) {
                    longest = s;
                }
            }
            // the header in bold with its padding, a value with the cell's (the sort arrow takes the header's room, never a value's)
            double header = TextWidths.of(((Label) c.getGraphic()).getText(), true) + 12;
            c.setPrefWidth(Math.ceil(Math.max(header, TextWidths.of(longest, false) + 12)));
        }
    }

    private static String title(TableColumn<DesignRow, ?> c) {
        return (String) c.getProperties().get(TITLE);
    }

    /** Which columns show: those with something to show that the user did not hide, less what a narrow table leaves out. */
    private void refit() {
        Map<String, Double> widths = new LinkedHashMap<>();
        for (TableColumn<DesignRow, ?> c : table.getColumns()) {
            Predicate<DesignRow> has = present.get(c);
            if (!refused.contains(title(c)) && (has == null || model.shown().stream().anyMatch(has))) {
                widths.put(title(c), c.getPrefWidth());
            }
        }
        // the room left beside a vertical scroll bar
        Set<String> out = TableColumns.leftOut(widths, chosen, table.getWidth() - 20);
        for (TableColumn<DesignRow, ?> c : table.getColumns()) {
            c.setVisible(widths.containsKey(title(c)) && !out.contains(title(c)));
        }
    }

    /** Right-click a header: a column to show or hide; the choice outlasts the width and the designs. */
    private void columnsMenu() {
        ContextMenu menu = new ContextMenu();
        menu.setId("columnsMenu");
        for (TableColumn<DesignRow, ?> c : table.getColumns()) {
            CheckMenuItem item = new CheckMenuItem(title(c));
            item.setId("show-" + c.getId());
            item.setOnAction(e -> {
                (item.isSelected() ? chosen : refused).add(title(c));
                (item.isSelected() ? refused : chosen).remove(title(c));
                refit();
            });
            menu.getItems().add(item);
            c.setContextMenu(menu);
            // the header's own request comes from the platform's context-menu gesture, which not every platform sends; on
            // release, once the header has taken the press (and the focus, which would close a menu shown earlier)
            c.getGraphic().setOnMouseReleased(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                    menu.show(c.getGraphic(), e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
        }
        menu.setOnShowing(e -> menu.getItems().forEach(i -> ((CheckMenuItem) i).setSelected(
                table.getColumns().stream().anyMatch(c -> title(c).equals(i.getText()) && c.isVisible()))));
    }

    @SuppressWarnings("unchecked")
    private static String format(Function<?, ?> f, Object v) {
        return String.valueOf(((Function<Object, Object>) f).apply(v));
    }

    TableView<DesignRow> table() {
        return table;
    }

    /**
     * Whether a design is on the Pareto front; each cell follows the scatter (which follows the filters and the axes)
     * by itself, so that a new front does not rebuild every cell of the table.
     */
    private static TableColumn<DesignRow, String> front(ExplorerModel model) {
        TableColumn<DesignRow, String> c = column("front");
        c.setCellValueFactory(f -> javafx.beans.binding.Bindings.createStringBinding(
                () -> model.charts().scatterProperty().get().onFront().contains(f.getValue()) ? "yes" : "",
                model.charts().scatterProperty()));
        return c;
    }

    /** A column whose header explains itself when hovered. */
    private static <T> TableColumn<DesignRow, T> column(String title) {
        TableColumn<DesignRow, T> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(Styles.tooltip(Glossary.column(title) + "\nRight-click a header to choose the columns."));
        c.getProperties().put(TITLE, title);
        header.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        c.setGraphic(header);
        c.setId("column-" + title.replaceAll("[^A-Za-z]", ""));
        return c;
    }

    private static TableColumn<DesignRow, String> text(String title, Function<DesignRow, String> value) {
        TableColumn<DesignRow, String> c = column(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** A right-aligned numeric column that sorts by value; missing values (not measured) are blank and sort last. */
    private static <T extends Comparable<T>> TableColumn<DesignRow, T> number(String title, Function<DesignRow, T> value,
                                                                               Function<T, String> format) {
        TableColumn<DesignRow, T> c = column(title);
        c.setUserData(format);
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
