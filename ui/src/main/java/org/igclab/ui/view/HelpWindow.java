package org.igclab.ui.view;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.igclab.ui.model.Shortcuts;
import org.igclab.ui.model.Theme;

/** Help > Keyboard shortcuts: every shortcut and chart gesture, from the list the menus take theirs from. */
final class HelpWindow {

    private HelpWindow() {
    }

    static Stage show(Window owner, Theme theme) {
        TableView<Shortcuts.Shortcut> table = new TableView<>();
        table.setId("shortcutsTable");
        TableColumn<Shortcuts.Shortcut, String> keys = new TableColumn<>("keys or gesture");
        keys.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().shown()));
        keys.setPrefWidth(220);
        TableColumn<Shortcuts.Shortcut, String> what = new TableColumn<>("what it does");
        what.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().what()));
        what.setPrefWidth(560);
        table.getColumns().setAll(java.util.List.of(keys, what));
        table.getItems().setAll(Shortcuts.ALL);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Stage stage = new Stage();
        stage.setTitle("IGC Lab explorer: keyboard shortcuts and gestures");
        if (owner != null) {
            stage.initOwner(owner);
        }
        Scene scene = new Scene(table, 800, 520);
        scene.getStylesheets().add(Styles.STYLESHEET);
        if (theme == Theme.DARK) {
            scene.getStylesheets().add(Styles.DARK);
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
