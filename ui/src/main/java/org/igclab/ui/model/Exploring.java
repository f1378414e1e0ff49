package org.igclab.ui.model;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The exploration in flight: the request the controls make, the pause a typed value waits out, and the cancel that puts
 * the exploring controls back to the values the window shows. {@link ExplorerModel} shows what it delivers.
 */
final class Exploring {
    private final ControlForm form;
    private final Background background;
    private final ExplorationProgress progress;
    private final Supplier<NetworkTemplates> templates;
    private final Path store;
    /** A typed value is waiting for the pause before it is applied. */
    private final AtomicBoolean waiting = new AtomicBoolean();
    /** The texts of the exploring controls the window shows now (what a cancel puts back). */
    private Map<Control, String> applied = new EnumMap<>(Control.class);
    private boolean restoring;

    Exploring(ControlForm form, Background background, ExplorationProgress progress, Supplier<NetworkTemplates> templates, Path store) {
        this.form = form;
        this.background = background;
        this.progress = progress;
        this.templates = templates;
        this.store = store;
    }

    /**
     * Explores the controls' values after {@code delayMs} (a newer request replaces this one); {@code shown} gets the
     * result, {@code failed} the reason it could not be computed.
     */
    void explore(long delayMs, Consumer<ExplorationResult> shown, Consumer<String> failed) {
        var request = form.exploration();
        if (request.isEmpty()) {
            // a field is invalid: the window keeps the last valid values, and a value typed on the way (1000 on the way
            // to 100000) is dropped rather than shown
            stop();
            return;
        }
        Map<Control, String> texts = form.texts(ExplorerModel.EXPLORING);
        NetworkTemplate template = templates.get().get(request.get().template());
        progress.start();
        waiting.set(delayMs > 0);
        background.latest("explore", delayMs, stale -> {
            waiting.set(false);
            return Exploration.run(request.get(), template, Measurements.load(store), progress::report, stale);
        }, r -> {
            progress.stop();
            applied = texts;
            shown.accept(r);
        }, e -> {
            progress.stop();
            failed.accept("could not compute: " + Failures.message(e));
        });
    }

    /** A typed value is waiting out its pause: Enter or leaving the field applies it now. */
    boolean waiting() {
        return waiting.get();
    }

    /** The controls are being put back by a cancel: their changes are not requests. */
    boolean restoring() {
        return restoring;
    }

    /** Stops the exploration in progress and puts the controls back; false when none was in progress. */
    boolean cancel() {
        if (!progress.computingProperty().get()) {
            return false;
        }
        stop();
        restoring = true;
        try {
            applied.forEach((c, text) -> form.text(c).set(text));
            form.exploration();
        } finally {
            restoring = false;
        }
        return true;
    }

    private void stop() {
        background.cancel("explore");
        waiting.set(false);
        progress.stop();
    }
}
