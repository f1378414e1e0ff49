package org.igclab.ui.model;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the explorer's words mean, for the tooltips of its controls, its table's columns and its drawings: every term a
 * new user meets (imbalance, front, loose, the paper's rule, the W and P rows) is explained where it appears.
 */
public final class Glossary {
    /** The table's columns by their headers. */
    public static final Map<String, String> COLUMNS = new LinkedHashMap<>();
    /** The controls' explanations. */
    public static final Map<Control, String> CONTROLS = new EnumMap<>(Control.class);

    public static final String LOOSE = "loose: prod K_l > C. Every pair of channels is joined (dense) but some by several paths; "
            + "igc enumerate --include-loose lists them";
    public static final String PAPERS_RULE = "paper's rule: IGCV2's practical choice, a channel-wise first kernel then 1x1 kernels "
            + "with K = 8, L = ceil(log_8 C) + 1 (one kernel takes what is left when C is not a power of 8)";
    public static final String WIRING = "Rows from the top: the input channels, then W1, W2, ...: the output of each kernel "
            + "(its edges coloured by group: a group joins K inputs to K outputs), and P1, P2, ...: the channels after each "
            + "permutation (grey edges). Red: every path between the chosen input and output channel.";
    public static final String HEAT_MAP = "The path-count matrix N: N[o][i] is the number of paths from input channel i to output "
            + "channel o. Red: none (not dense); green: exactly one (strict where all are green); blue: two or more (darker: more).";

    static {
        COLUMNS.put("design", "The design's family (IGCV1, IGCV2, depthwise-separable, ...); \"" + PAPERS_RULE + "\"; \"" + LOOSE + "\"");
        COLUMNS.put("K", "Group sizes K_1..K_L: the input channels each output channel of kernel l reads (1: channel-wise, C: dense)");
        COLUMNS.put("L", "Kernels in the chain");
        COLUMNS.put("verdict", "Complementary condition: strict (exactly one path between every input and output channel), dense "
                + "(at least one, some several), neither (some pair unconnected)");
        COLUMNS.put("imbalance", "max / min of S_l K_l (kernel area times group size), over the 1x1 kernels after a channel-wise first "
                + "kernel, else over all: 1 is balanced, which minimizes the weights for a given L (AM-GM)");
        COLUMNS.put("params", "Parameters: the chain's kernel weights, or the whole network's (PyTorch's count) under a template");
        COLUMNS.put("MACs", "Multiply-accumulates on the input side (the network's, under a template); FLOPs = 2 x MACs");
        COLUMNS.put("latency (ms)", "Median latency at batch 1 stored by an evaluation; \"noisy\": measured under interference, "
                + "shown but never ranked or plotted as true");
        COLUMNS.put("latency_pred (ms)", "Latency at batch 1 and one thread predicted (not measured) from the results store's "
                + "calibration (igc calibrate), as igc cost --latency predicts it; \"other machine\" in the header: the calibration was made "
                + "on another machine or engine, so run igc calibrate here for this one's");
        COLUMNS.put("accuracy", "Test accuracy stored by a training");
        COLUMNS.put("front", "On the Pareto front of the scatter's two axes: no other shown design is at least as good on both and "
                + "better on one");

        CONTROLS.put(Control.CHANNELS, "C: channels in and out of the block, 1 to 4,096. Enter or a pause applies it");
        CONTROLS.put(Control.KERNEL, "Side k of the first (spatial) kernel, odd; the other kernels are 1x1");
        CONTROLS.put(Control.RESOLUTION, "Side of the input the MACs of a bare block are counted on");
        CONTROLS.put(Control.MIN_LAYERS, "Fewest kernels L in a chain");
        CONTROLS.put(Control.MAX_LAYERS, "Most kernels L in a chain");
        CONTROLS.put(Control.MIN_GROUP, "Smallest group size K allowed (a channel-wise first kernel, K_1 = 1, is exempt)");
        CONTROLS.put(Control.MAX_GROUP, "Largest group size K allowed; blank for no bound");
        CONTROLS.put(Control.FIRST_KERNEL, "Channel-wise (K_1 = 1, as IGCV2 and Xception), grouped (K_1 >= 2, as IGCV1), or either");
        CONTROLS.put(Control.LOOSE, "Also list the " + LOOSE);
        CONTROLS.put(Control.TEMPLATE, "Cost each chain alone, or as every block of a skeleton network (its width becomes C; the "
                + "stages of 2C and 4C widen the chain's last kernel)");
        CONTROLS.put(Control.BUDGET_KIND, "What the budget limits");
        CONTROLS.put(Control.BUDGET, "The budget of the right-hand chart: the widest C whose cheapest chain of each L fits it; blank for none");
        CONTROLS.put(Control.WIDTHS, "Up to five more widths drawn in the parameters-against-L chart, e.g. 16, 256");
        CONTROLS.put(Control.X_AXIS, "The scatter's horizontal axis");
        CONTROLS.put(Control.Y_AXIS, "The scatter's vertical axis (kernels L tells apart designs of equal parameters; for a bare "
                + "block MACs are the parameters times the input's positions)");
        CONTROLS.put(Control.LOG_X, "Draw the scatters' horizontal axis on decades");
        CONTROLS.put(Control.LOG_Y, "Draw the scatters' vertical axis on decades (parameters, MACs and latency only)");
        CONTROLS.put(Control.LOG_WEIGHTS, "Draw the weights of the parameters-against-L chart on decades");
        CONTROLS.put(Control.ONLY_STRICT, "Show only strictly complementary designs");
        CONTROLS.put(Control.ONLY_BALANCED, "Show only designs whose imbalance is at most 1 + the tolerance");
        CONTROLS.put(Control.TOLERANCE, "How far from 1 the imbalance may be for a design to count as balanced");
        CONTROLS.put(Control.NAME_FILTER, "Show only designs whose name contains this text (K=4, IGCV1, ...)");
        CONTROLS.put(Control.RUNS, "Most timed passes; timing stops earlier once the median is known to 3%");
        CONTROLS.put(Control.EPOCHS, "Training epochs");
        CONTROLS.put(Control.TRAIN_IMAGES, "Training images used (0: all)");
        CONTROLS.put(Control.DATA_DIR, "The data set's folder; blank for Fashion-MNIST where Debian installs it");
        CONTROLS.put(Control.DATASET, "The data set to train on (its images must fit the template's input)");
    }

    private Glossary() {
    }

    public static String column(String header) {
        return COLUMNS.getOrDefault(header, "");
    }

    public static String control(Control c) {
        return CONTROLS.getOrDefault(c, "");
    }
}
