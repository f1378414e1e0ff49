package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.rules.condition.BalanceCondition;

/**
 * Parameters against the chain length {@code L} for a few widths: the cheapest integer chain of each length (within
 * the controls' bounds), the AM-GM lower bound as a curve over real {@code L}, and the closed-form optimum
 * {@code (L*, Q*)} on it. With a channel-wise first kernel the bound is the channel-wise form's (the 1x1 kernels
 * balanced, {@code L* = 1 + ln C}); otherwise all kernels' ({@code L* = ln(C S_1)}), which bounds every chain.
 *
 * @param curves one per width, the explorer's width {@code C} first
 */
public record LengthCurves(List<Curve> curves) {
    /** Longest chain drawn: past {@code L = 24} every width's bound only grows. */
    static final int MAX_LENGTH = 24;

    /** A point of a curve. */
    public record Point(double length, double weights) {
    }

    /**
     * @param series         its colour: 0 for the explorer's width {@code C}, else one more than its place among the other
     *                       widths as typed, so a width keeps its colour when {@code C} changes
     * @param channels       the width
     * @param best           the cheapest integer chain of each length that has one
     * @param bestGroupSizes their group sizes, like {@code 1,8,8}
     * @param bound          the AM-GM bound, sampled every quarter of a kernel
     * @param optimum        the closed-form optimum {@code (L*, Q*)}
     * @param formula        how {@code L*} is computed, e.g. {@code L* = 1 + ln C}
     */
    public record Curve(int series, int channels, List<Point> best, List<String> bestGroupSizes, List<Point> bound, Point optimum, String formula) {
        public Curve {
            best = List.copyOf(best);
            bestGroupSizes = List.copyOf(bestGroupSizes);
            bound = List.copyOf(bound);
        }
    }

    public LengthCurves {
        curves = List.copyOf(curves);
    }

    /** The curves of {@code o}'s width and of {@code others} (repeats dropped). */
    public static LengthCurves of(EnumerationOptions o, List<Integer> others) {
        List<Curve> curves = new ArrayList<>();
        curves.add(curve(0, o));
        List<Integer> seen = new ArrayList<>(List.of(o.channels()));
        for (int i = 0; i < others.size(); i++) {
            if (!seen.contains(others.get(i))) {
                seen.add(others.get(i));
                curves.add(curve(i + 1, Cheapest.atWidth(o, others.get(i))));
            }
        }
        return new LengthCurves(curves);
    }

    private static Curve curve(int series, EnumerationOptions o) {
        int c = o.channels();
        int area = o.firstKernelSize() * o.firstKernelSize();
        boolean channelWise = o.firstKernel() == FirstKernel.CHANNEL_WISE;
        Cheapest.Best[] best = Cheapest.byLength(o, Math.min(o.maxLayers(), MAX_LENGTH));
        List<Point> points = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        int longest = 1;
        for (int l = 1; l < best.length; l++) {
            if (best[l] != null) {
                points.add(new Point(l, best[l].weights()));
                shapes.add(String.join(",", best[l].groupSizes().stream().map(String::valueOf).toList()));
                longest = l;
            }
        }
        Point optimum = channelWise
                ? new Point(BalanceCondition.channelWiseOptimalLength(c), BalanceCondition.channelWiseOptimalWeights(c, area))
                : new Point(BalanceCondition.optimalLength(c, area), BalanceCondition.optimalWeights(c, area));
        // the bound reaches past the optimum even when the layer range stops short of it, so L* is always in view
        double from = channelWise ? Math.max(2, o.minLayers()) : Math.max(1, o.minLayers());
        double to = Math.min(MAX_LENGTH, Math.max(Math.max(longest, from), Math.ceil(optimum.length()) + 1));
        List<Point> bound = new ArrayList<>();
        for (double l = from; l <= to + 1e-9; l += 0.25) {
            bound.add(new Point(l, channelWise ? BalanceCondition.channelWiseBoundAtLength(c, area, l)
                    : BalanceCondition.boundAtLength(c, area, l)));
        }
        return new Curve(series, c, points, shapes, bound, optimum, channelWise ? "L* = 1 + ln C" : "L* = ln(C S_1)");
    }
}
