package org.igclab.ui.model;

import java.nio.file.Path;
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
 */
public record ExplorerContext(SettingsStore settings, boolean remember, Map<Control, String> initial, Path store,
                              NetworkTemplates templates, Evaluations evaluations, Executor fx) {
    public ExplorerContext {
        initial = Map.copyOf(initial);
    }
}
