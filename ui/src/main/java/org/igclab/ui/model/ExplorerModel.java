package org.igclab.ui.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The explorer's presenter: turns the controls into requests, runs them in the {@link Background}, and holds what the
 * view shows (the designs, the charts' plots, the selection and its detail, a comparison, the evaluation). Every method
 * is called on the FX thread and returns at once; anything that takes time goes to a worker. A value typed in a field is
 * applied when it is complete (Enter, leaving the field, or a pause); while a field is invalid the window keeps showing
 * the last valid values.
 */
public final class ExplorerModel implements AutoCloseable {
    /** Controls whose change means enumerating again. */
    static final Set<Control> EXPLORING = EnumSet.of(Control.CHANNELS, Control.KERNEL, Control.RESOLUTION, Control.MIN_LAYERS,
            Control.MAX_LAYERS, Control.MIN_GROUP, Control.MAX_GROUP, Control.FIRST_KERNEL, Control.LOOSE, Control.TEMPLATE,
            Control.BUDGET_KIND, Control.BUDGET, Control.WIDTHS);
    static final Set<Control> FILTERING = EnumSet.of(Control.ONLY_STRICT, Control.ONLY_BALANCED, Control.TOLERANCE, Control.NAME_FILTER);
    static final Set<Control> PLOTTING = EnumSet.of(Control.X_AXIS, Control.Y_AXIS, Control.LOG_X, Control.LOG_Y, Control.LOG_WEIGHTS,
            Control.MEASURED_X, Control.MEASURED_Y);
    static final Set<Control> EVALUATING = EnumSet.of(Control.EVALUATION, Control.DATASET, Control.DATA_DIR, Control.EPOCHS,
            Control.TRAIN_IMAGES, Control.RUNS);

    private final ExplorerContext context;
    private final ControlForm form;
    private final Background background;
    private final EvaluationModel evaluation;
    private final DetailModel detail;
    private final ExplorationProgress progress;
    private final ExplorationProgress predicting;
    private final Exploring exploring;
    private final Selection selection;
    private final Exports exports;
    private final StudyModel studies;
    private final NetworkModel network;
    private final FileOpening opener;
    private final RowUpdates updates;
    private final Charts charts = new Charts();
    private final ObjectProperty<NetworkTemplates> templates;
    private final ObservableList<DesignRow> rows = FXCollections.observableArrayList();
    private final FilteredList<DesignRow> shown = new FilteredList<>(rows);
    private final ReadOnlyObjectWrapper<ExplorationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /** What the first result's notice must still say: the values repaired at the start. */
    private String opening = "";

    public ExplorerModel(ExplorerContext context) {
        this.context = context;
        this.form = new ControlForm(context.initial());
        this.background = new Background(context.fx());
        this.evaluation = new EvaluationModel(context.evaluations(), background, context.fx(), context.store());
        this.detail = new DetailModel(background, form::tolerance, notice::set);
        this.progress = new ExplorationProgress(context.fx());
        this.predicting = new ExplorationProgress(context.fx());
        this.templates = new SimpleObjectProperty<>(this, "templates", context.templates());
        this.exploring = new Exploring(form, background, progress, templates::get, context.store());
        this.selection = new Selection(background, notice::set, shown::contains,
                () -> result.get() == null || result.get().template().isBlock() ? "block" : "network", () -> charts.scatterProperty().get().onFront());
        this.exports = new Exports(background, notice::set, () -> result.get() == null ? NetworkTemplate.BLOCK : result.get().template());
        this.studies = new StudyModel(background, context.store(), notice::set);
        this.network = new NetworkModel(this::showOpened);
        this.updates = new RowUpdates(background, context.store(), rows, selection, result::get, notice::set, predicting);
        this.opener = new FileOpening(background, notice::set, this::showOpened, network, this::useTemplate, this::sayAfterExploring);
        Map<Control, String> repaired = form.repair();
        if (!repaired.isEmpty()) {
            opening = "the remembered values were not all valid; these are back to their defaults: " + ControlForm.describe(repaired);
            notice.set(opening);
        }
        for (Control c : Control.values()) {
            form.text(c).addListener((o, was, now) -> changed(c));
        }
        shown.addListener((ListChangeListener<DesignRow>) change -> replot());
        selection.chosen().addListener((ListChangeListener<DesignRow>) change -> charts.picks(selected(), selection.chosen()));
        selection.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                form.text(Control.SELECTED).set(now.groupSizes());
                ExplorationResult r = result.get();
                detail.show(Subject.of(now, r.template(), r.request().options().resolution()));
            } else {
                detail.show(null);
            }
            charts.picks(now, selection.chosen());
        });
        theme.set(Theme.of(form.get(Control.THEME), context.systemDark()));
    }

    /** Computes the first result from the starting controls, and opens the file the session starts with, if any. */
    public void start() {
        refilter();
        form.evaluation();
        explore(0);
        if (context.open() != null) {
            open(context.open());
        }
    }

    private void changed(Control c) {
        if (exploring.restoring()) {
            return;
        }
        if (EXPLORING.contains(c)) {
            explore(c.typed() ? context.typingPause().toMillis() : 0);
        } else if (FILTERING.contains(c)) {
            refilter();
            if (c == Control.TOLERANCE) {
                detail.describe();
            }
        } else if (PLOTTING.contains(c)) {
            replot();
        } else if (EVALUATING.contains(c)) {
            form.evaluation();
        } else if (c == Control.THEME) {
            theme.set(Theme.of(form.get(Control.THEME), context.systemDark()));
        }
        remember();
    }

    /** Applies a typed value now: Enter in a field, or the field losing the focus. */
    public void commit() {
        if (exploring.waiting()) {
            explore(0);
        }
    }

    private void explore(long delayMs) {
        exploring.explore(delayMs, this::show, notice::set);
    }

    /** Stops the computation in progress and puts the controls back to the values the window shows. */
    public void cancelExploration() {
        if (exploring.cancel()) {
            remember();
            notice.set("cancelled: the controls are back to the values shown");
        }
    }

    private void show(ExplorationResult r) {
        String keep = form.get(Control.SELECTED);
        result.set(r);
        selection.clear();
        rows.setAll(r.rows());
        boolean unknown = !r.template().key().equals(r.request().template());
        String said = unknown ? "the template '" + r.request().template() + "' is not among the sample networks here: costing the block alone"
                : r.notice();
        notice.set(opening.isEmpty() || said.isEmpty() ? opening + said : opening + "; " + said);
        opening = "";
        charts.result(r, form.lengthLog());
        select(r.preferred(keep).filter(shown::contains).orElse(shown.isEmpty() ? null : shown.get(0)));
        updateStatus();
        updates.predictions(r);
    }

    private void refilter() {
        form.filters().ifPresent(f -> shown.setPredicate(f::accepts));
        // a design the filters hide is no longer selected (the detail pane must not keep showing it); one they show
        // again comes back
        if (!selection.keepShown() && selection.selectedProperty().get() == null && result.get() != null) {
            // among the rows as they are now: a measurement replaces a result's rows by updated copies
            String wanted = form.get(Control.SELECTED).replace(" ", "");
            shown.stream().filter(r -> r.groupSizes().equals(wanted)).findFirst().ifPresent(this::select);
        }
    }

    private void replot() {
        charts.points(shown, form, result.get(), selected(), selection.chosen());
        updateStatus();
    }

    private DesignRow selected() {
        return selection.selectedProperty().get();
    }

    private void updateStatus() {
        ExplorationResult r = result.get();
        if (r == null) {
            return;
        }
        ScatterData s = charts.scatterProperty().get();
        long count = rows.stream().filter(d -> d.latencyMs() != null || d.accuracy() != null).count();
        status.set(String.format("%,d designs of C = %d, %,d shown, %,d on the Pareto front%s · computed in %,d ms",
                rows.size(), r.request().options().channels(), shown.size(), s.front().cardinality(),
                count == 0 ? "" : String.format(" · %,d measured", count), r.millis()));
    }

    /** Selects a design (from the table or the scatter); null clears the selection. */
    public void select(DesignRow row) {
        selection.select(row);
    }

    /** Chooses designs together (rows of the table, a box on the scatter): what an export writes and a comparison shows. */
    public void choose(List<DesignRow> designs) {
        selection.choose(designs);
    }

    /** Reads the store again after an evaluation: the measured values join the rows in place, nothing is recomputed. */
    void refreshMeasurements() {
        updates.measurements(result.get());
    }

    /**
     * Opens a design file: a chain is shown in the detail pane; a network (a network file, an ONNX model) in the Network
     * tab, and one generated by a skeleton also becomes the template.
     */
    public void open(Path file) {
        opener.open(file, form.exploration().map(r -> r.options().resolution()).orElse(32));
    }

    /** Makes a network opened from a file the template. */
    private void useTemplate(NetworkTemplate t) {
        templates.set(templates.get().with(t));
        form.text(Control.TEMPLATE).set(t.key());
        commit();
    }

    /** Shows a chain opened from a file or chosen in a network in the detail pane, no design of the table selected. */
    private void showOpened(Subject chain) {
        select(null);
        detail.show(chain);
    }

    /** The designs an export writes: the chosen rows, else the design the detail pane shows. */
    public List<Subject> exportable() {
        ExplorationResult r = result.get();
        if (!selection.chosen().isEmpty() && r != null) {
            return selection.chosen().stream().map(row -> Subject.of(row, r.template(), r.request().options().resolution())).toList();
        }
        Subject s = detail.subjectProperty().get();
        return s == null ? List.of() : List.of(s);
    }

    /** The study opened from the results store (File > Open study). */
    public StudyModel studies() {
        return studies;
    }

    /** The network opened from a file (File > Open design), layer by layer. */
    public NetworkModel network() {
        return network;
    }

    public Exports exports() {
        return exports;
    }

    /** Evaluates the design the detail pane shows; once the store has the run, the rows show it where they are. */
    public void evaluate() {
        String why = evaluation.startFor(detail.subjectProperty().get(), form.evaluation(), this::refreshMeasurements);
        if (!why.isEmpty()) {
            notice.set(why);
        }
    }

    private void remember() {
        if (context.remember()) {
            var texts = form.texts();
            background.latest("settings", 300, stale -> {
                context.settings().save(texts);
                return texts;
            }, t -> { }, e -> notice.set("cannot remember the settings in " + context.settings().file() + ": " + Failures.message(e)));
        }
    }

    /** Tells the user something now, and again at the head of the notice of an exploration in progress once it is shown. */
    private void sayAfterExploring(String message) {
        notice.set(message);
        if (progress.computingProperty().get()) {
            opening = message;
        }
    }

    /** Tells the user something in the notice line. */
    public void say(String message) {
        notice.set(message);
    }

    /** Waits (off the FX thread) until every computation has finished and been shown. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return background.awaitIdle(timeout);
    }

    public ControlForm form() {
        return form;
    }

    public EvaluationModel evaluation() {
        return evaluation;
    }

    public DetailModel detail() {
        return detail;
    }

    /** How far predicting the designs' latency from the calibration has got, in the background after each result. */
    public ExplorationProgress predicting() {
        return predicting;
    }

    /** Stops predicting latency; the designs keep the predictions they had. */
    public void cancelPredictions() {
        if (updates.cancelPredictions()) {
            notice.set("cancelled: predicting latency; the designs keep the predictions they had");
        }
    }

    /**
     * Cancel (the menu, Esc): stops the window's computations in progress, the exploration and the latency predictions;
     * when neither runs, the evaluation.
     */
    public void cancel() {
        boolean computing = progress.computingProperty().get() || predicting.computingProperty().get();
        if (computing) {
            cancelPredictions();
            cancelExploration();
        } else {
            evaluation.cancel();
        }
    }

    public ExplorationProgress progress() {
        return progress;
    }

    public ObjectProperty<NetworkTemplates> templatesProperty() {
        return templates;
    }

    /** The designs that pass the filters, cheapest first. */
    public ObservableList<DesignRow> shown() {
        return shown;
    }

    public Selection selection() {
        return selection;
    }

    public ReadOnlyObjectProperty<ExplorationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public Charts charts() {
        return charts;
    }

    public ReadOnlyObjectProperty<DesignRow> selectedProperty() {
        return selection.selectedProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The latest thing the user should know: a file written, one that could not be, designs left out. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    @Override
    public void close() {
        evaluation.cancel();
        background.close();
        if (context.remember()) {
            try {
                // the debounced save may not have run yet; the file is small, so the window waits for it
                context.settings().save(form.texts());
            } catch (java.io.IOException e) {
                // nothing left to tell: the window is closing
            }
        }
    }
}
