package org.igclab.ui.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What an explorer session starts from, all of it replaceable so that tests and {@code --snapshot} never touch the
 * user's own settings or results.
 *
 * @param settings    where the controls are remembered
 * @param remember    whether to write them there as they change (not for a snapshot)
 * @param initial     the controls' starting texts (remembered ones, or a spec's)
 * @param store       the results store the evaluations write and the charts read
 * @param templates   the network templates offered
 * @param evaluations how designs are measured
 * @param fx          runs a task on the FX thread
 * @param typingPause how long a value typed in a field waits before it is applied without Enter (a complete number is
 *                    typed faster than this; Enter or leaving the field applies it at once)
 * @param systemDark  whether the desktop prefers dark colours (the {@code system} theme follows it)
 * @param open        a design file to open once the first result is computed ({@code igc explore --open}), or null
 */
public record ExplorerContext(SettingsStore settings, boolean remember, Map<Control, String> initial, Path store,
                              NetworkTemplates templates, Evaluations evaluations, Executor fx, Duration typingPause,
                              boolean systemDark, Path open) {
    /** The pause of a user typing: 0.7 s without a keystroke applies the value. */
    public static final Duration TYPING_PAUSE = Duration.ofMillis(700);

    public ExplorerContext {
        initial = Map.copyOf(initial);
    }

    /** A session with the usual typing pause and a light desktop. */
    public ExplorerContext(SettingsStore settings, boolean remember, Map<Control, String> initial, Path store,
                           NetworkTemplates templates, Evaluations evaluations, Executor fx) {
        this(settings, remember, initial, store, templates, evaluations, fx, TYPING_PAUSE, false, null);
    }

    public ExplorerContext withTypingPause(Duration pause) {
        return new ExplorerContext(settings, remember, initial, store, templates, evaluations, fx, pause, systemDark, open);
    }

    public ExplorerContext withSystemDark(boolean dark) {
        return new ExplorerContext(settings, remember, initial, store, templates, evaluations, fx, typingPause, dark, open);
    }

    public ExplorerContext withOpen(Path file) {
        return new ExplorerContext(settings, remember, initial, store, templates, evaluations, fx, typingPause, systemDark, file);
    }
}
