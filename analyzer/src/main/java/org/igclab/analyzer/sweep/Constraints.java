package org.igclab.analyzer.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/**
 * What a design must satisfy to count: a budget ({@code maxParams}, {@code maxMacs}) and conditions on its
 * shape ({@code channelsMultipleOf}: every convolution's output channels; {@code complementary}: every chain
 * block strict; {@code balancedWithin}: every chain block's imbalance at most {@code 1 + tol}); {@code maxLatencyPred}: the
 * latency predicted from this machine's calibration at most so many milliseconds (igc calibrate).
 * Blocks that are not chains (ResNet, ShuffleNet units, plain convolutions) have no verdicts to fail.
 */
public record Constraints(OptionalLong maxParams, OptionalLong maxMacs, OptionalInt channelsMultipleOf, boolean complementary,
                          OptionalDouble balancedWithin, OptionalDouble maxLatencyPred) {
    static final Set<String> FIELDS = Set.of("maxParams", "maxMacs", "channelsMultipleOf", "complementary", "balancedWithin",
            "maxLatencyPred");

    public static final Constraints NONE = new Constraints(OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty(), false,
            OptionalDouble.empty(), OptionalDouble.empty());

    static Constraints parse(JsonFields f) {
        f.allowOnly(FIELDS);
        OptionalLong params = f.has("maxParams") ? OptionalLong.of(positive(f, "maxParams")) : OptionalLong.empty();
        OptionalLong macs = f.has("maxMacs") ? OptionalLong.of(positive(f, "maxMacs")) : OptionalLong.empty();
        OptionalInt multiple = f.has("channelsMultipleOf") ? OptionalInt.of((int) positive(f, "channelsMultipleOf")) : OptionalInt.empty();
        OptionalDouble tolerance = OptionalDouble.empty();
        if (f.has("balancedWithin")) {
            double t = f.requiredDouble("balancedWithin");
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new InvalidDesignException(f.pathOf("balancedWithin"), "= " + t + " must be a finite number, 0 or more");
            }
            tolerance = OptionalDouble.of(t);
        }
        OptionalDouble latency = OptionalDouble.empty();
        if (f.has("maxLatencyPred")) {
            double ms = f.requiredDouble("maxLatencyPred");
            if (!(ms > 0) || Double.isInfinite(ms)) {
                throw new InvalidDesignException(f.pathOf("maxLatencyPred"), "= " + ms + " must be a finite number of milliseconds above 0");
            }
            latency = OptionalDouble.of(ms);
        }
        return new Constraints(params, macs, multiple, f.optionalBoolean("complementary", false), tolerance, latency);
    }

    private static long positive(JsonFields f, String field) {
        long v = field.equals("channelsMultipleOf") ? f.requiredInt(field) : f.requiredLong(field);
        InvalidDesignException.requirePositive(f.pathOf(field), v);
        return v;
    }

    /** The same conditions under a budget at least as tight as both this one's and the one given. */
    public Constraints tightened(OptionalLong params, OptionalLong macs) {
        return new Constraints(min(maxParams, params), min(maxMacs, macs), channelsMultipleOf, complementary, balancedWithin, maxLatencyPred);
    }

    /** The same conditions with a predicted-latency budget at least as tight as this one's and {@code ms}. */
    public Constraints tightenedLatency(OptionalDouble ms) {
        OptionalDouble tight = ms.isEmpty() ? maxLatencyPred : maxLatencyPred.isEmpty() ? ms
                : OptionalDouble.of(Math.min(ms.getAsDouble(), maxLatencyPred.getAsDouble()));
        return new Constraints(maxParams, maxMacs, channelsMultipleOf, complementary, balancedWithin, tight);
    }

    private static OptionalLong min(OptionalLong a, OptionalLong b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }

    public boolean accepts(Figures f) {
        return withinBudget(f) && shapeHolds(f);
    }

    public boolean withinBudget(Figures f) {
        return (maxParams.isEmpty() || f.params() <= maxParams.getAsLong()) && (maxMacs.isEmpty() || f.macs() <= maxMacs.getAsLong())
                && (maxLatencyPred.isEmpty() || f.latencyPredMs() <= maxLatencyPred.getAsDouble());
    }

    /** The conditions other than the budget: these do not follow the width, so a budget search must test each width. */
    public boolean shapeHolds(Figures f) {
        return reasonAgainstShape(f).isEmpty();
    }

    /** Why a design fails, or empty when it passes. */
    public Optional<String> reason(Figures f) {
        if (maxParams.isPresent() && f.params() > maxParams.getAsLong()) {
            return Optional.of(String.format("%,d parameters exceed maxParams %,d", f.params(), maxParams.getAsLong()));
        }
        if (maxMacs.isPresent() && f.macs() > maxMacs.getAsLong()) {
            return Optional.of(String.format("%,d MACs exceed maxMacs %,d", f.macs(), maxMacs.getAsLong()));
        }
        if (maxLatencyPred.isPresent() && !(f.latencyPredMs() <= maxLatencyPred.getAsDouble())) {
            return Optional.of(String.format("predicted latency %.3f ms exceeds maxLatencyPred %s ms", f.latencyPredMs(),
                    java.math.BigDecimal.valueOf(maxLatencyPred.getAsDouble()).stripTrailingZeros().toPlainString()));
        }
        return reasonAgainstShape(f);
    }

    private Optional<String> reasonAgainstShape(Figures f) {
        if (channelsMultipleOf.isPresent() && f.convGcd() % channelsMultipleOf.getAsInt() != 0) {
            return Optional.of("convolution output channels are not all multiples of " + channelsMultipleOf.getAsInt()
                    + " (their greatest common divisor is " + f.convGcd() + ")");
        }
        if (complementary && !f.strictlyComplementary()) {
            return Optional.of("a block's complementary verdict is " + f.verdict().label() + ", not strict");
        }
        if (balancedWithin.isPresent() && !Double.isNaN(f.imbalance()) && f.imbalance() > 1 + balancedWithin.getAsDouble() + 1e-12) {
            return Optional.of(String.format("imbalance %.3f exceeds 1 + %s", f.imbalance(),
                    java.math.BigDecimal.valueOf(balancedWithin.getAsDouble()).stripTrailingZeros().toPlainString()));
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        maxParams.ifPresent(v -> n.put("maxParams", v));
        maxMacs.ifPresent(v -> n.put("maxMacs", v));
        channelsMultipleOf.ifPresent(v -> n.put("channelsMultipleOf", v));
        if (complementary) {
            n.put("complementary", true);
        }
        balancedWithin.ifPresent(v -> n.put("balancedWithin", v));
        maxLatencyPred.ifPresent(v -> n.put("maxLatencyPred", v));
        return n;
    }

    /** {@code maxParams 317,242; complementary}, or {@code none}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        maxParams.ifPresent(v -> s.append(String.format("; params <= %,d", v)));
        maxMacs.ifPresent(v -> s.append(String.format("; MACs <= %,d", v)));
        maxLatencyPred.ifPresent(v -> s.append(String.format("; predicted latency <= %s ms",
                java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString())));
        channelsMultipleOf.ifPresent(v -> s.append("; conv output channels multiples of ").append(v));
        if (complementary) {
            s.append("; chain blocks strict");
        }
        balancedWithin.ifPresent(v -> s.append("; chain blocks balanced within ")
                .append(java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()));
        return s.length() == 0 ? "none" : s.substring(2);
    }
}
