package org.igclab.ui.view;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignExport;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.Shortcuts;

/** The menu bar: File, View, Evaluate and Help, each item's shortcut taken from {@link Shortcuts}, which Help lists. */
final class Menus {
    private final MenuBar bar;

    Menus(ExplorerModel model, ExportActions actions, ExplorerWindow window) {
        Menu file = menu("File", "fileMenu",
                item("Open design...", "openDesign", actions::open),
                item("Open study...", "openStudy", actions::openStudy),
                item("Save selected design...", "saveDesign", () -> actions.export(DesignExport.Format.JSON)),
                new SeparatorMenuItem(),
                item("Export selected as JSON...", "exportJson", () -> actions.export(DesignExport.Format.JSON)),
                item("Export selected as CSV...", "exportCsv", () -> actions.export(DesignExport.Format.CSV)),
                item("Export selected as DOT (channel graph)...", "exportDot", () -> actions.export(DesignExport.Format.DOT)),
                item("Export charts as PNG...", "exportPng", actions::exportCharts),
                new SeparatorMenuItem(),
                // closing the window, not exiting the toolkit: the launcher waits for the window to close, then saves and exits
                item("Quit", "quit", actions::closeWindow));
        var theme = model.form().text(Control.THEME);
        ToggleGroup themes = new ToggleGroup();
        Menu themeMenu = new Menu("Theme");
        themeMenu.setId("themeMenu");
        for (String[] choice : new String[][] {{"system", "Follow the system"}, {"light", "Light"}, {"dark", "Dark"}}) {
            RadioMenuItem r = new RadioMenuItem(choice[1]);
            r.setId("theme-" + choice[0]);
            r.setToggleGroup(themes);
            r.setSelected(theme.get().trim().equals(choice[0]));
            r.setOnAction(e -> theme.set(choice[0]));
            theme.addListener((o, was, now) -> r.setSelected(now.trim().equals(choice[0])));
            themeMenu.getItems().add(r);
        }
        Menu view = menu("View", "viewMenu", themeMenu,
                item("Dark theme on or off", "themeDark", () -> theme.set(model.themeProperty().get() == org.igclab.ui.model.Theme.DARK
                        ? "light" : "dark")),
                new SeparatorMenuItem(),
                item("Compare the chosen designs", "compare", () -> {
                    window.detail().showComparison();
                    if (model.selection().comparisonProperty().get() == null) {
                        model.say("choose 2 to 4 designs to compare: Ctrl+click rows, or Shift+drag a box on the scatter");
                    }
                }),
                item("Show everything in the charts", "resetCharts", () -> window.chartsRow().resetViews()),
                new SeparatorMenuItem(),
                item("Go to the width C", "focusWidth", window::focusWidth),
                item("Go to the name filter", "focusFilter", window::focusFilter));
        Menu evaluate = menu("Evaluate", "evaluateMenu",
                item("Evaluate the selected design", "evaluateSelected", model::evaluate),
                item("Cancel", "cancel", model::cancel));
        Menu help = menu("Help", "helpMenu", item("Keyboard shortcuts and gestures", "shortcuts", window::showShortcuts));
        bar = new MenuBar(file, view, evaluate, help);
        bar.setId("menuBar");
    }

    MenuBar bar() {
        return bar;
    }

    private static Menu menu(String text, String id, MenuItem... items) {
        Menu m = new Menu(text, null, items);
        m.setId(id);
        return m;
    }

    /** A menu item with the shortcut {@link Shortcuts} gives its action, if any. */
    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        Shortcuts.keys(id).ifPresent(keys -> item.setAccelerator(KeyCombination.keyCombination(keys)));
        item.setOnAction(e -> action.run());
        return item;
    }
}
