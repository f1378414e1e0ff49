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
    // a bare block's MACs are its weights times the input's positions: against parameters they would draw one line
    Y_AXIS("yAxis", "length"),
    LOG_X("logX", "true"),
    LOG_Y("logY", "true"),
    LOG_WEIGHTS("logWeights", "true"),
    MEASURED_X("measuredX", "macs"),
    MEASURED_Y("measuredY", "latency"),
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
    RUNS("runs", "30"),
    THEME("theme", "system");

    /** The key of older settings for one log flag on every axis; read as all three. */
    public static final String LEGACY_LOG = "logScale";

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

    /**
     * Whether its value is typed (a text field), so that it is applied once complete; a choice or a check box applies
     * at once.
     */
    public boolean typed() {
        return switch (this) {
            case CHANNELS, KERNEL, RESOLUTION, MIN_LAYERS, MAX_LAYERS, MIN_GROUP, MAX_GROUP, BUDGET, WIDTHS, TOLERANCE, NAME_FILTER,
                 DATA_DIR, EPOCHS, TRAIN_IMAGES, RUNS -> true;
            default -> false;
        };
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
