package org.igclab.ui.model;

import java.util.Optional;

/**
 * Every value the explorer remembers, as the text its control holds. Settings files and {@code --spec} files store
 * these texts by {@link #key()}, so a remembered value that is no longer valid is shown at its control like a typed one.
 */
public enum Control {
    CHANNELS("channels", "64"),
    KERNEL("kernel", "3"),
    RESOLUTION("resolution", "32"),
    MIN_LAYERS("minLayers", "1"),
    MAX_LAYERS("maxLayers", "8"),
    MIN_GROUP("minGroupSize", "1"),
    MAX_GROUP("maxGroupSize", ""),
    FIRST_KERNEL("firstKernel", "any"),
    LOOSE("includeLoose", "false"),
    TEMPLATE("template", NetworkTemplate.BLOCK_KEY),
    BUDGET_KIND("budgetKind", "params"),
    BUDGET("budget", "20000"),
    WIDTHS("compareWidths", "16, 256"),
    X_AXIS("xAxis", "params"),
    Y_AXIS("yAxis", "macs"),
    LOG_SCALE("logScale", "true"),
    ONLY_STRICT("onlyStrict", "false"),
    ONLY_BALANCED("onlyBalanced", "false"),
    TOLERANCE("tolerance", "0.25"),
    NAME_FILTER("nameFilter", ""),
    SELECTED("selected", ""),
    EVALUATION("evaluation", "latency"),
    DATASET("dataset", "fashion-mnist"),
    DATA_DIR("dataDir", ""),
    EPOCHS("epochs", "1"),
    TRAIN_IMAGES("trainImages", "2000"),
    RUNS("runs", "30");

    private final String key;
    private final String defaultText;

    Control(String key, String defaultText) {
        this.key = key;
        this.defaultText = defaultText;
    }

    /** The name in settings files. */
    public String key() {
        return key;
    }

    public String defaultText() {
        return defaultText;
    }

    public static Optional<Control> byKey(String key) {
        for (Control c : values()) {
            if (c.key.equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
