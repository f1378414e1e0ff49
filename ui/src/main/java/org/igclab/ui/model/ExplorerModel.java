package org.igclab.ui.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.io.TextFiles;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The explorer's presenter: turns the controls into requests, runs them in the {@link Background}, and holds what
 * the view shows (the designs, the curves, the selected design's detail, the evaluation). Every method is called on
 * the FX thread and returns at once; anything that takes time goes to a worker.
 */
public final class ExplorerModel implements AutoCloseable {
    /** Controls whose change means enumerating again. */
    static final Set<Control> EXPLORING = EnumSet.of(Control.CHANNELS, Control.KERNEL, Control.RESOLUTION, Control.MIN_LAYERS,
            Control.MAX_LAYERS, Control.MIN_GROUP, Control.MAX_GROUP, Control.FIRST_KERNEL, Control.LOOSE, Control.TEMPLATE,
            Control.BUDGET_KIND, Control.BUDGET, Control.WIDTHS);
    static final Set<Control> FILTERING = EnumSet.of(Control.ONLY_STRICT, Control.ONLY_BALANCED, Control.TOLERANCE, Control.NAME_FILTER);
    static final Set<Control> PLOTTING = EnumSet.of(Control.X_AXIS, Control.Y_AXIS, Control.LOG_SCALE);
    static final Set<Control> EVALUATING = EnumSet.of(Control.EVALUATION, Control.DATASET, Control.DATA_DIR, Control.EPOCHS,
            Control.TRAIN_IMAGES, Control.RUNS);
    /** A pause after a keystroke before enumerating: typing 1024 makes one enumeration, not four. */
    static final long TYPING_PAUSE_MS = 150;

    private final ExplorerContext context;
    private final ControlForm form;
    private final Background background;
    private final EvaluationModel evaluation;
    private final ObjectProperty<NetworkTemplates> templates;
    private final ObservableList<DesignRow> rows = FXCollections.observableArrayList();
    private final FilteredList<DesignRow> shown = new FilteredList<>(rows);
    private final ReadOnlyObjectWrapper<ExplorationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<ScatterData> scatter = new ReadOnlyObjectWrapper<>(this, "scatter", ScatterData.EMPTY);
    private final ReadOnlyObjectWrapper<DesignRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<Subject> subject = new ReadOnlyObjectWrapper<>(this, "subject");
    private final ReadOnlyObjectWrapper<DesignDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final IntegerProperty pathInput = new SimpleIntegerProperty(this, "pathInput");
    private final IntegerProperty pathOutput = new SimpleIntegerProperty(this, "pathOutput");
    private final ReadOnlyObjectWrapper<BitSet> path = new ReadOnlyObjectWrapper<>(this, "path", new BitSet());
    private final ReadOnlyStringWrapper pathText = new ReadOnlyStringWrapper(this, "pathText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing", false);

    public ExplorerModel(ExplorerContext context) {
        this.context = context;
        this.form = new ControlForm(context.initial());
        this.background = new Background(context.fx());
        this.evaluation = new EvaluationModel(context.evaluations(), background, context.fx(), context.store());
        this.templates = new SimpleObjectProperty<>(this, "templates", context.templates());
        for (Control c : Control.values()) {
            form.text(c).addListener((o, was, now) -> changed(c));
        }
        shown.addListener((javafx.collections.ListChangeListener<DesignRow>) change -> replot());
        selected.addListener((o, was, now) -> {
            if (now != null) {
                form.text(Control.SELECTED).set(now.groupSizes());
                ExplorationResult r = result.get();
                subject.set(Subject.of(now, r.template(), r.request().options().resolution()));
            }
        });
        subject.addListener((o, was, now) -> describe());
        pathInput.addListener(o -> retrace());
        pathOutput.addListener(o -> retrace());
    }

    /** Computes the first result from the starting controls. */
    public void start() {
        refilter();
        form.evaluation();
        explore(0);
    }

    private void changed(Control c) {
        if (EXPLORING.contains(c)) {
            explore(TYPING_PAUSE_MS);
        } else if (FILTERING.contains(c)) {
            refilter();
            if (c == Control.TOLERANCE) {
                describe();
            }
        } else if (PLOTTING.contains(c)) {
            replot();
        } else if (EVALUATING.contains(c)) {
            form.evaluation();
        }
        remember();
    }

    private void explore(long delayMs) {
        var request = form.exploration();
        if (request.isEmpty()) {
            return;
        }
        NetworkTemplate template = templates.get().get(request.get().template());
        computing.set(true);
        background.latest("explore", delayMs,
                stale -> Exploration.run(request.get(), template, Measurements.load(context.store()), (d, t) -> { }, stale),
                this::show, e -> {
                    computing.set(false);
                    notice.set("could not compute: " + message(e));
                });
    }

    private void show(ExplorationResult r) {
        computing.set(false);
        String keep = form.get(Control.SELECTED);
        result.set(r);
        rows.setAll(r.rows());
        boolean unknown = !r.template().key().equals(r.request().template());
        notice.set(unknown ? "the template '" + r.request().template() + "' is not among the sample networks here: costing the block alone"
                : r.notice());
        DesignRow preferred = r.preferred(keep).orElse(null);
        select(preferred);
        if (preferred == null) {
            subject.set(null);
            detail.set(null);
        }
        updateStatus();
    }

    private void refilter() {
        form.filters().ifPresent(f -> shown.setPredicate(f::accepts));
    }

    private void replot() {
        scatter.set(ScatterData.of(shown, form.axes()));
        updateStatus();
    }

    private void updateStatus() {
        ExplorationResult r = result.get();
        if (r == null) {
            return;
        }
        ScatterData s = scatter.get();
        long measured = rows.stream().filter(d -> d.latencyMs() != null || d.accuracy() != null).count();
        status.set(String.format("%,d designs of C = %d, %,d shown, %,d on the Pareto front%s · computed in %,d ms",
                rows.size(), r.request().options().channels(), shown.size(), s.front().cardinality(),
                measured == 0 ? "" : String.format(" · %,d measured", measured), r.millis()));
    }

    /** Selects a design (from the table or the scatter); null clears the selection. */
    public void select(DesignRow row) {
        selected.set(row);
    }

    private void describe() {
        Subject s = subject.get();
        if (s == null) {
            return;
        }
        double tolerance = form.tolerance();
        background.latest("detail", 0, stale -> DesignDetail.of(s, tolerance), d -> {
            path.set(new BitSet());
            detail.set(d);
            int[] ends = d.defaultPath();
            pathInput.set(ends[0]);
            pathOutput.set(ends[1]);
            retrace();
        }, e -> notice.set("could not describe " + s.name() + ": " + message(e)));
    }

    private void retrace() {
        DesignDetail d = detail.get();
        if (d == null || d.wiring() == null) {
            path.set(new BitSet());
            pathText.set("");
            return;
        }
        WiringLayout w = d.wiring();
        int in = w.clamp(pathInput.get(), 0);
        int out = w.clamp(pathOutput.get(), w.stages() - 1);
        path.set(w.path(in, out));
        java.math.BigInteger n = w.pathCount(in, out);
        pathText.set(String.format("input %d to output %d: %,d path%s", in, out, n, n.equals(java.math.BigInteger.ONE) ? "" : "s"));
    }

    /** Opens a design file: a chain is shown in the detail pane; a skeleton network becomes the template. */
    public void open(Path file) {
        int resolution = form.exploration().map(r -> r.options().resolution()).orElse(32);
        background.once(stale -> {
            Design design = DesignFiles.read(file);
            if (design instanceof Design.ChainDesign c) {
                return (Runnable) () -> {
                    selected.set(null);
                    subject.set(Subject.opened(c.document(), resolution));
                    notice.set("opened " + file.getFileName() + ": " + c.name());
                };
            }
            NetworkTemplate t = NetworkTemplate.of(JsonFields.parse(TextFiles.read(file, "a design file")).node());
            return (Runnable) () -> {
                templates.set(templates.get().with(t));
                form.text(Control.TEMPLATE).set(t.key());
                notice.set("opened " + file.getFileName() + " as the template: " + t.label());
            };
        }, Runnable::run, e -> notice.set("cannot open " + file.getFileName() + ": " + message(e)));
    }

    /** The designs an export writes: the rows given, else the design the detail pane shows. */
    public List<Subject> exportable(List<DesignRow> chosen) {
        ExplorationResult r = result.get();
        if (!chosen.isEmpty() && r != null) {
            return chosen.stream().map(row -> Subject.of(row, r.template(), r.request().options().resolution())).toList();
        }
        return subject.get() == null ? List.of() : List.of(subject.get());
    }

    /** Writes the designs in the background; {@code force} only after the user confirmed replacing files. */
    public void export(Path target, List<Subject> designs, DesignExport.Format format, boolean force, Consumer<List<Path>> written) {
        NetworkTemplate template = result.get() == null ? NetworkTemplate.BLOCK : result.get().template();
        background.once(stale -> DesignExport.write(target, designs, template, format, force), paths -> {
            notice.set("wrote " + (paths.size() == 1 ? paths.get(0) : paths.size() + " files beside " + target));
            written.accept(paths);
        }, e -> notice.set("cannot export: " + message(e)));
    }

    /** Writes a chart image in the background. */
    public void exportImage(Path target, java.awt.image.BufferedImage image, boolean force) {
        background.once(stale -> {
            DesignExport.writePng(target, image, force);
            return target;
        }, p -> notice.set("wrote " + p), e -> notice.set("cannot export the charts: " + message(e)));
    }

    /** Evaluates the design the detail pane shows; when the store has the run, the charts show it. */
    public void evaluate() {
        Subject s = subject.get();
        var request = form.evaluation();
        if (s == null) {
            notice.set("select a design to evaluate");
        } else if (request.isEmpty()) {
            notice.set("fix the evaluation values marked in red");
        } else if (request.get().training() && s.network() == null) {
            notice.set("training needs a network: choose a network template (a bare chain is not a classifier)");
        } else {
            evaluation.start(s.design(), request.get(), s.resolution(), () -> explore(0));
        }
    }

    private void remember() {
        if (context.remember()) {
            var texts = form.texts();
            background.latest("settings", 300, stale -> {
                context.settings().save(texts);
                return texts;
            }, t -> { }, e -> notice.set("cannot remember the settings in " + context.settings().file() + ": " + message(e)));
        }
    }

    static String message(Throwable e) {
        Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        if (t instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (t instanceof java.nio.file.FileAlreadyExistsException x) {
            return x.getFile() + " exists";
        }
        if (t instanceof InvalidDesignException d) {
            return "invalid design: " + d.getMessage();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
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

    public ObjectProperty<NetworkTemplates> templatesProperty() {
        return templates;
    }

    /** The designs that pass the filters, in the order of the enumeration. */
    public ObservableList<DesignRow> shown() {
        return shown;
    }

    public ReadOnlyObjectProperty<ExplorationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScatterData> scatterProperty() {
        return scatter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DesignRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Subject> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DesignDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public IntegerProperty pathInputProperty() {
        return pathInput;
    }

    public IntegerProperty pathOutputProperty() {
        return pathOutput;
    }

    /** The wiring edges on the paths between the chosen input and output channels. */
    public ReadOnlyObjectProperty<BitSet> pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pathTextProperty() {
        return pathText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The latest thing the user should know: a file written, one that could not be, designs left out. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
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
