package org.igclab.ui.model;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The whole network the explorer shows in its Network tab (File > Open of a network file or an ONNX model), and the layer
 * chosen in it: choosing a layer that is, or holds, a chain of group convolutions shows that chain in the detail pane, on
 * the layer's own input side.
 */
public final class NetworkModel {
    private final ReadOnlyObjectWrapper<NetworkOverview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final ReadOnlyObjectWrapper<NetworkOverview.Row> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final Consumer<Subject> detail;

    /** @param detail shows a chain in the detail pane */
    NetworkModel(Consumer<Subject> detail) {
        this.detail = detail;
    }

    void show(NetworkOverview network) {
        selected.set(null);
        overview.set(network);
    }

    /** Chooses a layer (null for none); one with a chain shows it in the detail pane. */
    public void select(NetworkOverview.Row row) {
        selected.set(row);
        if (row != null && row.chain().isPresent()) {
            detail.accept(Subject.opened(row.chain().get(), row.layer().in().height()));
        }
    }

    public ReadOnlyObjectProperty<NetworkOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<NetworkOverview.Row> selectedProperty() {
        return selected.getReadOnlyProperty();
    }
}
