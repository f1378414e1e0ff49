package org.igclab.ui.view;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.igclab.ui.model.Comparison;
import org.igclab.ui.model.ExplorerModel;

/** The chosen designs side by side: a column each, a row per property with the best value marked, then their wirings. */
final class ComparePane extends ScrollPane {
    private final VBox content = new VBox(8);
    private Palette palette = Palette.LIGHT;

    ComparePane(ExplorerModel model) {
        setId("comparison");
        setFitToWidth(true);
        content.setPadding(new Insets(6));
        setContent(content);
        model.selection().comparisonProperty().addListener((o, was, now) -> show(now));
        model.themeProperty().addListener((o, was, now) -> {
            palette = Palette.of(now);
            show(model.selection().comparisonProperty().get());
        });
        show(null);
    }

    private void show(Comparison c) {
        content.getChildren().clear();
        if (c == null) {
            Label hint = new Label("Choose 2 to 4 designs to compare them: Ctrl+click or Shift+click rows of the table, or Shift+drag "
                    + "a box on the scatter.");
            hint.setId("compareHint");
            hint.setWrapText(true);
            content.getChildren().add(hint);
            return;
        }
        GridPane grid = new GridPane();
        grid.setId("compareGrid");
        grid.setHgap(14);
        grid.setVgap(3);
        for (int row = 0; row < c.lines().size(); row++) {
            Comparison.Line line = c.lines().get(row);
            Label property = new Label(line.property());
            property.getStyleClass().add("compare-property");
            property.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(property, 0, row);
            for (int d = 0; d < line.values().size(); d++) {
                Label value = new Label(line.values().get(d));
                value.setWrapText(true);
                value.setMinHeight(Region.USE_PREF_SIZE);
                if (d == line.best()) {
                    value.getStyleClass().add("compare-best");
                }
                grid.add(value, d + 1, row);
            }
        }
        HBox drawings = new HBox(8);
        for (int d = 0; d < c.designs().size(); d++) {
            VBox one = new VBox(2, new Label(c.designs().get(d).label()));
            if (c.wirings().get(d) != null) {
                WiringView w = new WiringView(c.wirings().get(d));
                w.palette(palette);
                one.getChildren().add(w);
                VBox.setVgrow(w, Priority.ALWAYS);
            } else if (c.heatMaps().get(d) != null) {
                ImageView image = new ImageView(MarkPainter.fxImage(c.heatMaps().get(d).width(), c.heatMaps().get(d).height(),
                        c.heatMaps().get(d).argb()));
                image.setFitWidth(200);
                image.setFitHeight(200);
                image.setSmooth(false);
                one.getChildren().addAll(image, new Label("path-count matrix"));
            } else {
                one.getChildren().add(new Label("too wide to draw"));
            }
            HBox.setHgrow(one, Priority.ALWAYS);
            one.setMinHeight(220);
            drawings.getChildren().add(one);
        }
        content.getChildren().addAll(grid, drawings);
    }
}
