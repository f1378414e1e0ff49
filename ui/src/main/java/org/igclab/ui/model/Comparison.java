package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.igclab.rules.model.KernelChain;

/**
 * Two to four designs side by side, as Optuna compares trials: their costs, verdicts and measurements in rows (the best
 * of each number marked), and each one's wiring (or path-count matrix when it is too wide to draw).
 *
 * @param designs  the designs compared, in the order chosen
 * @param lines    one per property
 * @param wirings  each design's drawing, or null where it is too wide
 * @param heatMaps each design's path-count matrix where it is too wide to draw but not to count, else null
 */
public record Comparison(List<DesignRow> designs, List<Line> lines, List<WiringLayout> wirings, List<HeatMap> heatMaps) {
    public static final int MOST = 4;

    /**
     * A property of every design.
     *
     * @param property what it is
     * @param values   one per design
     * @param best     which value is best (fewest parameters, highest accuracy...), or -1 when none is or it means nothing
     */
    public record Line(String property, List<String> values, int best) {
        public Line {
            values = List.copyOf(values);
        }
    }

    public Comparison {
        designs = List.copyOf(designs);
        lines = List.copyOf(lines);
        wirings = java.util.Collections.unmodifiableList(new ArrayList<>(wirings));
        heatMaps = java.util.Collections.unmodifiableList(new ArrayList<>(heatMaps));
    }

    /** Whether a selection of this many designs can be compared. */
    public static boolean compares(int count) {
        return count >= 2 && count <= MOST;
    }

    /**
     * Compares designs (off the FX thread: the drawings are built here).
     *
     * @param onFront the designs on the scatter's Pareto front now
     */
    public static Comparison of(List<DesignRow> designs, String costs, Set<DesignRow> onFront) {
        List<Line> lines = new ArrayList<>();
        lines.add(text("design", designs, DesignRow::family));
        lines.add(text("group sizes K", designs, DesignRow::groupSizes));
        lines.add(number("kernels L", designs, DesignRow::length, false, Axis.LENGTH, false));
        lines.add(text("complementary", designs, r -> r.design().complementary().verdict().label()));
        lines.add(number("imbalance (max/min S_l K_l)", designs, r -> r.design().imbalance(), false, null, false));
        lines.add(number("parameters (" + costs + ")", designs, DesignRow::params, false, Axis.PARAMS, false));
        lines.add(number("MACs (" + costs + ")", designs, DesignRow::macs, false, Axis.MACS, false));
        lines.add(number("latency, batch 1", designs, DesignRow::trustedLatencyMs, false, Axis.LATENCY, true));
        lines.add(number("latency predicted (latency_pred)", designs, DesignRow::predictedMs, false, Axis.LATENCY_PRED, false));
        lines.add(number("test accuracy", designs, r -> r.accuracy() == null ? Double.NaN : r.accuracy(), true, Axis.ACCURACY, false));
        lines.add(text("on the Pareto front", designs, r -> onFront.contains(r) ? "yes" : "no"));
        List<WiringLayout> wirings = new ArrayList<>();
        List<HeatMap> maps = new ArrayList<>();
        for (DesignRow r : designs) {
            KernelChain chain = r.design().shape().toChain();
            WiringLayout w = WiringLayout.fits(chain) ? WiringLayout.of(chain) : null;
            wirings.add(w);
            maps.add(w == null && HeatMap.fits(chain) ? HeatMap.of(chain) : null);
        }
        return new Comparison(designs, lines, wirings, maps);
    }

    private static Line text(String property, List<DesignRow> designs, Function<DesignRow, String> value) {
        return new Line(property, designs.stream().map(value).toList(), -1);
    }

    /**
     * A numeric property; the best value is marked when at least two designs differ in it. A noisy latency is shown
     * marked and never counted best.
     */
    private static Line number(String property, List<DesignRow> designs, ToDoubleFunction<DesignRow> value, boolean higherIsBetter,
                               Axis format, boolean latency) {
        List<String> values = new ArrayList<>();
        int best = -1;
        double bestValue = Double.NaN;
        boolean differ = false;
        for (int i = 0; i < designs.size(); i++) {
            DesignRow r = designs.get(i);
            double v = value.applyAsDouble(r);
            if (latency && r.latencyNoisy()) {
                values.add(String.format("%.2f ms, noisy (measured under interference)", r.latency().ms()));
                continue;
            }
            if (Double.isNaN(v)) {
                values.add(format == Axis.LATENCY_PRED ? "no calibration" : latency || format == Axis.ACCURACY ? "not measured" : "-");
                continue;
            }
            values.add(format == null ? String.format("%.3f", v) : format.format(v));
            differ |= !Double.isNaN(bestValue) && v != bestValue;
            if (Double.isNaN(bestValue) || (higherIsBetter ? v > bestValue : v < bestValue)) {
                bestValue = v;
                best = i;
            }
        }
        return new Line(property, values, differ ? best : -1);
    }
}
