package org.igclab.ui.model;

import java.util.List;
import java.util.Optional;

/**
 * The explorer's keyboard shortcuts and chart gestures, in one list: the menus take their accelerators from it and the
 * Help menu shows it, so the two cannot disagree.
 */
public final class Shortcuts {

    /**
     * One shortcut.
     *
     * @param action what it does, also the id of the menu item it triggers ({@code openDesign}), or empty for a gesture
     * @param keys   JavaFX's key combination ({@code Shortcut+O}), or a gesture in words
     * @param what   what it does, in words
     */
    public record Shortcut(String action, String keys, String what) {
        /** Whether it is a key combination a menu item carries (not a mouse gesture). */
        public boolean isKey() {
            return !action.isEmpty();
        }

        /** {@code Ctrl+O}, as the Help lists it on Linux and Windows. */
        public String shown() {
            return keys.replace("Shortcut+", "Ctrl+");
        }
    }

    public static final List<Shortcut> ALL = List.of(
            new Shortcut("openDesign", "Shortcut+O", "Open a design file (a chain, or a skeleton network as the template)"),
            new Shortcut("openStudy", "Shortcut+Shift+O", "Open a study from the results store: its trials and Pareto front"),
            new Shortcut("saveDesign", "Shortcut+S", "Save the selected design as a design file"),
            new Shortcut("exportPng", "Shortcut+Shift+P", "Export the charts as one PNG"),
            new Shortcut("quit", "Shortcut+Q", "Quit"),
            new Shortcut("focusWidth", "Shortcut+L", "Go to the width C"),
            new Shortcut("focusFilter", "Shortcut+F", "Go to the name filter"),
            new Shortcut("compare", "Shortcut+K", "Compare the chosen designs (2 to 4 rows, or a box on the scatter)"),
            new Shortcut("resetCharts", "Shortcut+0", "Show everything in every chart again"),
            new Shortcut("evaluateSelected", "Shortcut+E", "Evaluate the selected design"),
            new Shortcut("cancel", "Esc", "Cancel the computation and latency predictions in progress, else the evaluation"),
            new Shortcut("themeDark", "Shortcut+Shift+D", "Dark theme on or off"),
            new Shortcut("shortcuts", "F1", "This list"),
            new Shortcut("", "Enter", "Apply the value typed in a field (a pause or leaving the field applies it too)"),
            new Shortcut("", "Scroll on a chart", "Zoom in or out about the pointer"),
            new Shortcut("", "Drag on a chart", "Pan"),
            new Shortcut("", "Shift+drag on the scatter", "Choose the designs in the box (they are selected in the table)"),
            new Shortcut("", "Double-click on a chart", "Show everything again"),
            new Shortcut("", "Right-click on a chart", "Save it as PNG (twice the resolution) or SVG; log scales"),
            new Shortcut("", "Ctrl+click or Shift+click rows", "Choose several designs (to export or compare)"));

    private Shortcuts() {
    }

    /** The key combination of a menu action. */
    public static Optional<String> keys(String action) {
        return ALL.stream().filter(s -> s.action().equals(action)).map(Shortcut::keys).findFirst();
    }
}
