package org.igclab.ui.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Shape;

/**
 * A chart legend the charts fill themselves: the built-in one colours by series index, which cannot show that a
 * width's cheapest chains and its bound belong together.
 */
final class Legend extends FlowPane {

    Legend() {
        super(12, 2);
        getStyleClass().add("legend");
        setAlignment(Pos.CENTER);
    }

    void clear() {
        getChildren().clear();
    }

    /** A line sample, dashed or solid, with or without a dot on it. */
    void line(Color color, boolean dashed, boolean dot, String text) {
        Line line = new Line(0, 0, 18, 0);
        line.setStroke(color);
        line.setStrokeWidth(2);
        if (dashed) {
            line.getStrokeDashArray().setAll(5.0, 3.0);
        }
        add(dot ? new javafx.scene.Group(line, dot(color, 9, 0)) : line, text);
    }

    /** A dot sample. */
    void dot(Color color, boolean ring, String text) {
        Circle c = dot(color, 0, 0);
        if (ring) {
            c.setFill(Color.TRANSPARENT);
            c.setStroke(color);
            c.setStrokeWidth(2);
        }
        add(c, text);
    }

    private static Circle dot(Color color, double x, double y) {
        Circle c = new Circle(x, y, 4);
        c.setFill(color);
        return c;
    }

    private void add(javafx.scene.Node sample, String text) {
        Label l = new Label(text, sample);
        l.getStyleClass().add("legend-entry");
        getChildren().add(l);
    }

    /** A shape other than a line or dot (the optimum's diamond). */
    void shape(Shape sample, String text) {
        add(sample, text);
    }
}
