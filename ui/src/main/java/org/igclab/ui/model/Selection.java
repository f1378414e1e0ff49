package org.igclab.ui.model;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Which designs the user has picked: the selected one (the detail pane shows it) and the chosen ones (several rows of
 * the table, or a box dragged on the scatter), which exports write and, two to four of them, a comparison shows.
 */
public final class Selection {
    private final Background background;
    private final Consumer<String> notice;
    private final Predicate<DesignRow> shown;
    private final Supplier<String> costs;
    private final Supplier<Set<DesignRow>> front;
    private final ReadOnlyObjectWrapper<DesignRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<DesignRow> chosen = FXCollections.observableArrayList();
    /**
     * One read-only view, kept: an unmodifiable list listens to its source weakly, so a view made per call (and the
     * listeners added to it) would stop hearing of changes once collected.
     */
    private final ObservableList<DesignRow> chosenView = FXCollections.unmodifiableObservableList(chosen);
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");

    /**
     * @param shown whether a design passes the filters (only those can be picked)
     * @param costs {@code block} or {@code network}: where the parameters of a comparison come from
     * @param front the designs on the scatter's Pareto front
     */
    Selection(Background background, Consumer<String> notice, Predicate<DesignRow> shown, Supplier<String> costs,
              Supplier<Set<DesignRow>> front) {
        this.background = background;
        this.notice = notice;
        this.shown = shown;
        this.costs = costs;
        this.front = front;
        chosen.addListener((ListChangeListener<DesignRow>) change -> compare());
    }

    void select(DesignRow row) {
        selected.set(row);
    }

    /** Chooses designs together; the selected one moves to the first of them unless it is among them. */
    void choose(List<DesignRow> designs) {
        List<DesignRow> visible = designs.stream().filter(shown).toList();
        if (!visible.equals(chosen)) {
            chosen.setAll(visible);
        }
        if (!visible.isEmpty() && !visible.contains(selected.get())) {
            select(visible.get(0));
        }
    }

    /** Drops what the filters now hide; true when that included the selected design. */
    boolean keepShown() {
        chosen.removeIf(shown.negate());
        if (selected.get() != null && !shown.test(selected.get())) {
            selected.set(null);
            return true;
        }
        return false;
    }

    void clear() {
        chosen.clear();
    }

    /** Follows rows replaced in place by updated copies ({@code before.get(i)} became {@code after.get(i)}). */
    void follow(List<DesignRow> before, List<DesignRow> after) {
        List<DesignRow> again = chosen.stream().map(before::indexOf).filter(i -> i >= 0).map(after::get).filter(shown).toList();
        int s = before.indexOf(selected.get());
        chosen.setAll(again);
        if (s >= 0) {
            selected.set(after.get(s));
        }
    }

    private void compare() {
        List<DesignRow> designs = List.copyOf(chosen);
        if (!Comparison.compares(designs.size())) {
            background.cancel("compare");
            comparison.set(null);
            return;
        }
        String where = costs.get();
        Set<DesignRow> onFront = front.get();
        background.latest("compare", 0, stale -> Comparison.of(designs, where, onFront), comparison::set,
                e -> notice.accept("cannot compare: " + Failures.message(e)));
    }

    public ReadOnlyObjectProperty<DesignRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The chosen designs, read-only. */
    public ObservableList<DesignRow> chosen() {
        return chosenView;
    }

    /** The chosen designs side by side when two to four are chosen, else null. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }
}
