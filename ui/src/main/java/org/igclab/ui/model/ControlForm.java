package org.igclab.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.ui.model.Fields.Parsed;

/**
 * The controls' texts and their errors. Parsing never throws: a bad value sets the error of its control (an empty
 * error means the value is fine) and the request it belongs to is withheld until it is fixed.
 */
public final class ControlForm {
    /** Widest chain the explorer enumerates: the conditions stay fast up to here (igc-rules). */
    public static final int MAX_CHANNELS = 4096;
    static final List<String> FIRST_KERNELS = List.of("any", "channel-wise", "grouped");
    static final List<String> BUDGET_KINDS = List.of("params", "macs");
    static final List<String> DATASETS = List.of("fashion-mnist", "cifar10");

    private final Map<Control, StringProperty> texts = new EnumMap<>(Control.class);
    private final Map<Control, ReadOnlyStringWrapper> errors = new EnumMap<>(Control.class);

    public ControlForm(Map<Control, String> initial) {
        for (Control c : Control.values()) {
            texts.put(c, new SimpleStringProperty(this, c.key(), initial.getOrDefault(c, c.defaultText())));
            errors.put(c, new ReadOnlyStringWrapper(this, c.key() + "Error", ""));
        }
    }

    public StringProperty text(Control c) {
        return texts.get(c);
    }

    public String get(Control c) {
        return texts.get(c).get();
    }

    /** Why the control's text is not accepted; empty when it is. */
    public ReadOnlyStringProperty error(Control c) {
        return errors.get(c).getReadOnlyProperty();
    }

    /** The texts as they are now, for the settings file. */
    public Map<Control, String> texts() {
        Map<Control, String> m = new EnumMap<>(Control.class);
        texts.forEach((c, p) -> m.put(c, p.get()));
        return m;
    }

    public Optional<Requests.Exploration> exploration() {
        Parsed<Integer> channels = check(Control.CHANNELS, Fields.integer(get(Control.CHANNELS), 1, MAX_CHANNELS));
        Parsed<Integer> kernel = check(Control.KERNEL, odd(Fields.integer(get(Control.KERNEL), 1, 15)));
        Parsed<Integer> resolution = check(Control.RESOLUTION, Fields.integer(get(Control.RESOLUTION), 1, 4096));
        Parsed<Integer> minLayers = check(Control.MIN_LAYERS, Fields.integer(get(Control.MIN_LAYERS), 1, 64));
        Parsed<Integer> maxLayers = check(Control.MAX_LAYERS, atLeast(Fields.integer(get(Control.MAX_LAYERS), 1, 64), minLayers));
        Parsed<Integer> minGroup = check(Control.MIN_GROUP, Fields.integer(get(Control.MIN_GROUP), 1, MAX_CHANNELS));
        Parsed<Long> maxGroupText = Fields.optionalWhole(get(Control.MAX_GROUP), 1, MAX_CHANNELS);
        Parsed<Integer> maxGroup = check(Control.MAX_GROUP, atLeast(maxGroupText.ok()
                ? Parsed.ok(maxGroupText.value() == null ? Integer.MAX_VALUE : maxGroupText.value().intValue())
                : Parsed.fail(maxGroupText.error()), minGroup));
        Parsed<String> first = check(Control.FIRST_KERNEL, Fields.choice(get(Control.FIRST_KERNEL), FIRST_KERNELS));
        Parsed<List<Integer>> widths = check(Control.WIDTHS, Fields.integerList(get(Control.WIDTHS), 1, MAX_CHANNELS, 5));
        Parsed<String> budgetKind = check(Control.BUDGET_KIND, Fields.choice(get(Control.BUDGET_KIND), BUDGET_KINDS));
        Parsed<Long> budget = check(Control.BUDGET, Fields.optionalWhole(get(Control.BUDGET), 1, Long.MAX_VALUE / 4));
        if (!allOk(channels, kernel, resolution, minLayers, maxLayers, minGroup, maxGroup, first, widths, budgetKind, budget)) {
            return Optional.empty();
        }
        FirstKernel firstKernel = switch (first.value()) {
            case "channel-wise" -> FirstKernel.CHANNEL_WISE;
            case "grouped" -> FirstKernel.GROUPED;
            default -> FirstKernel.ANY;
        };
        EnumerationOptions options = new EnumerationOptions(channels.value(), minLayers.value(), maxLayers.value(), firstKernel,
                minGroup.value(), maxGroup.value(), kernel.value(), resolution.value(), Fields.flag(get(Control.LOOSE)));
        return Optional.of(new Requests.Exploration(options, get(Control.TEMPLATE), widths.value(),
                Axis.byKey(budgetKind.value()), budget.value()));
    }

    public Optional<Requests.Filters> filters() {
        Parsed<Double> tolerance = check(Control.TOLERANCE, Fields.nonNegative(get(Control.TOLERANCE)));
        if (!tolerance.ok()) {
            return Optional.empty();
        }
        return Optional.of(new Requests.Filters(Fields.flag(get(Control.ONLY_STRICT)), Fields.flag(get(Control.ONLY_BALANCED)),
                tolerance.value(), get(Control.NAME_FILTER)));
    }

    /** The tolerance the balance verdict uses, 0 while its control is invalid. */
    public double tolerance() {
        Parsed<Double> t = Fields.nonNegative(get(Control.TOLERANCE));
        return t.ok() ? t.value() : 0;
    }

    /** The scatter's axes. */
    public Requests.ChartAxes axes() {
        return new Requests.ChartAxes(axis(Control.X_AXIS, Axis.PARAMS), axis(Control.Y_AXIS, Axis.LENGTH), Fields.flag(get(Control.LOG_X)),
                Fields.flag(get(Control.LOG_Y)));
    }

    /** The measured chart's axes: latency or accuracy against MACs or parameters. */
    public Requests.ChartAxes measuredAxes() {
        Axis x = axis(Control.MEASURED_X, Axis.MACS);
        Axis y = axis(Control.MEASURED_Y, Axis.LATENCY);
        return new Requests.ChartAxes(x.measured() ? Axis.MACS : x, y.measured() ? y : Axis.LATENCY, Fields.flag(get(Control.LOG_X)),
                Fields.flag(get(Control.LOG_Y)));
    }

    /** Whether the parameters-against-L chart draws its weights on decades. */
    public boolean lengthLog() {
        return Fields.flag(get(Control.LOG_WEIGHTS));
    }

    private Axis axis(Control c, Axis fallback) {
        try {
            return Axis.byKey(get(c).trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Controls that are on or off. */
    static final List<Control> FLAGS = List.of(Control.LOOSE, Control.LOG_X, Control.LOG_Y, Control.LOG_WEIGHTS, Control.ONLY_STRICT,
            Control.ONLY_BALANCED);

    /**
     * What is wrong with every control, by control (empty when all is well): the errors the fields show, and words a
     * choice does not know. The template is checked by whoever knows the templates.
     */
    public Map<Control, String> problems() {
        exploration();
        filters();
        check(Control.DATASET, Fields.choice(get(Control.DATASET), DATASETS));
        check(Control.EPOCHS, Fields.integer(get(Control.EPOCHS), 1, 1000));
        check(Control.TRAIN_IMAGES, Fields.integer(get(Control.TRAIN_IMAGES), 0, 10_000_000));
        check(Control.RUNS, Fields.integer(get(Control.RUNS), 1, 10_000_000));
        Map<Control, String> problems = new EnumMap<>(Control.class);
        errors.forEach((c, e) -> {
            if (!e.get().isEmpty()) {
                problems.put(c, e.get());
            }
        });
        List<String> axes = java.util.Arrays.stream(Axis.values()).map(Axis::key).toList();
        word(problems, Control.X_AXIS, axes);
        word(problems, Control.Y_AXIS, axes);
        word(problems, Control.MEASURED_X, List.of("params", "macs"));
        word(problems, Control.MEASURED_Y, List.of("latency", "accuracy"));
        word(problems, Control.EVALUATION, List.of("latency", "train"));
        word(problems, Control.THEME, Theme.CHOICES);
        for (Control flag : FLAGS) {
            word(problems, flag, List.of("true", "false"));
        }
        return problems;
    }

    private void word(Map<Control, String> problems, Control c, List<String> words) {
        Parsed<String> p = Fields.choice(get(c), words);
        if (!p.ok()) {
            problems.put(c, p.error());
        }
    }

    /**
     * Puts every control whose value is not accepted back to its default (a remembered settings file from another version,
     * or edited by hand), so that one bad value cannot blank the window.
     *
     * @return what was wrong, by control, with the value that was replaced
     */
    public Map<Control, String> repair() {
        Map<Control, String> problems = problems();
        Map<Control, String> replaced = new EnumMap<>(Control.class);
        problems.forEach((c, why) -> {
            replaced.put(c, "'" + get(c) + "' " + why);
            text(c).set(c.defaultText());
        });
        if (!replaced.isEmpty()) {
            problems();
        }
        return replaced;
    }

    public Optional<Requests.Evaluation> evaluation() {
        boolean training = "train".equalsIgnoreCase(get(Control.EVALUATION).trim());
        Parsed<String> dataset = check(Control.DATASET, Fields.choice(get(Control.DATASET), DATASETS));
        Parsed<Integer> epochs = check(Control.EPOCHS, Fields.integer(get(Control.EPOCHS), 1, 1000));
        Parsed<Integer> images = check(Control.TRAIN_IMAGES, Fields.integer(get(Control.TRAIN_IMAGES), 0, 10_000_000));
        Parsed<Integer> runs = check(Control.RUNS, Fields.integer(get(Control.RUNS), 1, 10_000_000));
        boolean ok = training ? allOk(dataset, epochs, images) : runs.ok();
        if (!ok) {
            return Optional.empty();
        }
        String dir = get(Control.DATA_DIR).trim();
        return Optional.of(new Requests.Evaluation(training, dataset.ok() ? dataset.value() : "fashion-mnist",
                dir.isEmpty() ? null : Path.of(dir), epochs.ok() ? epochs.value() : 1, images.ok() ? images.value() : 0,
                runs.ok() ? runs.value() : 1));
    }

    private <T> Parsed<T> check(Control c, Parsed<T> p) {
        errors.get(c).set(p.ok() ? "" : p.error());
        return p;
    }

    private static Parsed<Integer> odd(Parsed<Integer> p) {
        return !p.ok() || p.value() % 2 == 1 ? p : Parsed.fail("must be odd (1, 3, 5, ...): same padding keeps the side");
    }

    /** The upper end of a range: at least the lower end, when that one is valid. */
    private static Parsed<Integer> atLeast(Parsed<Integer> max, Parsed<Integer> min) {
        if (!max.ok() || !min.ok() || max.value() >= min.value()) {
            return max;
        }
        return Parsed.fail("must be at least the minimum, " + min.value());
    }

    private static boolean allOk(Parsed<?>... parsed) {
        return java.util.Arrays.stream(parsed).allMatch(p -> p.ok());
    }

    /** {@code channels = '100000' must be at most 4096; xAxis = ...}: problems by control, for a notice. */
    static String describe(Map<Control, String> problems) {
        List<String> parts = new ArrayList<>();
        problems.forEach((c, why) -> parts.add(c.key() + " = " + why));
        return String.join("; ", parts);
    }

    /** The texts of some controls, as they are now. */
    Map<Control, String> texts(java.util.Set<Control> controls) {
        Map<Control, String> texts = new EnumMap<>(Control.class);
        controls.forEach(c -> texts.put(c, get(c)));
        return texts;
    }
}
