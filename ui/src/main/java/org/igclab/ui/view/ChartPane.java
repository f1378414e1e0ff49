package org.igclab.ui.view;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import org.igclab.ui.model.plot.Plot;

/**
 * A chart with its legend and note, and the menu a right-click opens on it: save as PNG (twice the resolution) or SVG,
 * show everything again, and what its owner adds (the axes' log scales).
 */
final class ChartPane extends VBox {
    /** What the chart menu's saves do: ask where, then write. */
    interface Saves {
        void png(ChartPane chart);

        void svg(ChartPane chart);
    }

    private final PlotChart chart;
    private final FlowPane legend = new FlowPane(12, 2);
    private final Label note = new Label();
    private final ContextMenu menu = new ContextMenu();
    private Plot plot;
    private Palette palette = Palette.LIGHT;

    ChartPane(String id, Saves saves, MenuItem... extra) {
        chart = new PlotChart(id);
        legend.getStyleClass().add("legend");
        legend.setAlignment(Pos.CENTER);
        // a short window squeezes the chart, never the legend: its entries stay readable
        legend.setMinHeight(Region.USE_PREF_SIZE);
        note.setId(id + "Note");
        note.getStyleClass().add("chart-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.managedProperty().bind(note.visibleProperty());
        getChildren().addAll(chart, legend, note);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getStyleClass().add("chart-box");
        setMinWidth(0);

        MenuItem png = new MenuItem("Save as PNG (2x)...");
        png.setId(id + "SavePng");
        png.setOnAction(e -> saves.png(this));
        MenuItem svg = new MenuItem("Save as SVG...");
        svg.setId(id + "SaveSvg");
        svg.setOnAction(e -> saves.svg(this));
        MenuItem reset = new MenuItem("Show everything (double-click)");
        reset.setId(id + "Reset");
        reset.setOnAction(e -> chart.viewport().reset());
        menu.getItems().addAll(png, svg, new SeparatorMenuItem(), reset);
        if (extra.length > 0) {
            menu.getItems().add(new SeparatorMenuItem());
            menu.getItems().addAll(extra);
        }
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
        // not every platform turns a right press into a context-menu request (Monocle does not): the press opens it too
        chart.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                menu.show(chart, e.getScreenX(), e.getScreenY());
            } else {
                menu.hide();
            }
        });
    }

    void show(Plot p) {
        plot = p;
        chart.show(p);
        note.setText(p.note());
        note.setVisible(!p.note().isEmpty());
        fillLegend();
    }

    void palette(Palette p) {
        palette = p;
        chart.palette(p);
        fillLegend();
    }

    PlotChart chart() {
        return chart;
    }

    ContextMenu menu() {
        return menu;
    }

    /** A file name for the chart's image: its id, {@code paretoChart}. */
    String fileStem() {
        return chart.getId();
    }

    private void fillLegend() {
        legend.getChildren().clear();
        if (plot == null) {
            return;
        }
        for (Plot.LegendEntry e : plot.legend()) {
            Label l = new Label(e.text(), sample(e));
            l.getStyleClass().add("legend-entry");
            l.setMinWidth(Region.USE_PREF_SIZE);
            legend.getChildren().add(l);
        }
    }

    private Node sample(Plot.LegendEntry e) {
        Color c = palette.ink(e.ink());
        return switch (e.sample()) {
            case DOT -> circle(c, false);
            case RING -> circle(c, true);
            case LINE, DASHED -> line(c, e.sample() == Plot.Sample.DASHED);
            case LINE_WITH_DOT -> new Group(line(c, false), circle(c, false));
            case DIAMOND -> {
                Polygon d = new Polygon(5, 0, 10, 5, 5, 10, 0, 5);
                d.setFill(c);
                yield d;
            }
            case SWATCH -> {
                Rectangle r = new Rectangle(10, 10, c);
                yield r;
            }
        };
    }

    private static Line line(Color c, boolean dashed) {
        Line line = new Line(-9, 0, 9, 0);
        line.setStroke(c);
        line.setStrokeWidth(2);
        if (dashed) {
            line.getStrokeDashArray().setAll(5.0, 3.0);
        }
        return line;
    }

    private static Circle circle(Color c, boolean ring) {
        Circle circle = new Circle(0, 0, 4);
        circle.setFill(ring ? Color.TRANSPARENT : c);
        if (ring) {
            circle.setStroke(c);
            circle.setStrokeWidth(2);
        }
        return circle;
    }

    static List<Node> legendEntries(ChartPane p) {
        return List.copyOf(p.legend.getChildren());
    }
}
