package org.igclab.analyzer.study;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.igclab.analyzer.sweep.Constraints;
import org.igclab.analyzer.sweep.Figures;

/**
 * The constraints a study applies before measuring, by the names the space files use ({@code maxParams},
 * {@code maxMacs}, {@code channelsMultipleOf}, {@code complementary}, {@code balancedWithin}, {@code maxLatencyPred}:
 * the latency predicted from this machine's calibration, in milliseconds). A new kind of constraint is one more entry
 * of {@link #KINDS}; the study's store, runner and reports need no change.
 */
public final class StudyConstraints {

    /** The predicted-latency budget's name: a study with it predicts each design's latency ({@link Screening}). */
    public static final String MAX_LATENCY_PRED = "maxLatencyPred";

    /** Every constraint the command line knows, by name: what builds it from the text after '=' (null when there is none). */
    private static final Map<String, Function<String, DesignConstraint>> KINDS = kinds();

    private StudyConstraints() {
    }

    private static Map<String, Function<String, DesignConstraint>> kinds() {
        Map<String, Function<String, DesignConstraint>> m = new LinkedHashMap<>();
        m.put("maxParams", v -> budget("maxParams", whole("maxParams", v), "parameters", Figures::params));
        m.put("maxMacs", v -> budget("maxMacs", whole("maxMacs", v), "MACs", Figures::macs));
        m.put("channelsMultipleOf", v -> multipleOf((int) whole("channelsMultipleOf", v)));
        m.put("complementary", v -> {
            requireNoValue("complementary", v);
            return complementary();
        });
        m.put("balancedWithin", v -> balancedWithin(number("balancedWithin", v)));
        m.put(MAX_LATENCY_PRED, v -> latencyPred(number(MAX_LATENCY_PRED, v.replaceFirst("ms$", ""))));
        return m;
    }

    /** The names known, for messages. */
    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** Parses {@code maxParams=300000,complementary}; an unknown name or a bad value is an {@link IllegalArgumentException}. */
    public static List<DesignConstraint> parse(String text) {
        List<DesignConstraint> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).trim();
            String value = eq < 0 ? null : p.substring(eq + 1).trim();
            Function<String, DesignConstraint> kind = KINDS.get(name);
            if (kind == null) {
                throw new IllegalArgumentException("'" + (p.isEmpty() ? part : name) + "' is not a constraint (known: "
                        + String.join(", ", KINDS.keySet()) + ")");
            }
            if (out.stream().anyMatch(c -> c.written().startsWith(name + "=") || c.written().equals(name))) {
                throw new IllegalArgumentException("'" + name + "' is given twice");
            }
            out.add(kind.apply(value));
        }
        return out;
    }

    /** A space file's constraints in the same terms. */
    public static List<DesignConstraint> of(Constraints c) {
        List<DesignConstraint> out = new ArrayList<>();
        c.maxParams().ifPresent(v -> out.add(budget("maxParams", v, "parameters", Figures::params)));
        c.maxMacs().ifPresent(v -> out.add(budget("maxMacs", v, "MACs", Figures::macs)));
        c.channelsMultipleOf().ifPresent(v -> out.add(multipleOf(v)));
        if (c.complementary()) {
            out.add(complementary());
        }
        c.balancedWithin().ifPresent(v -> out.add(balancedWithin(v)));
        c.maxLatencyPred().ifPresent(v -> out.add(latencyPred(v)));
        return out;
    }

    /** As written, joined: {@code maxParams=300000,complementary}. */
    public static String written(List<DesignConstraint> constraints) {
        return String.join(",", constraints.stream().map(DesignConstraint::written).toList());
    }

    private static DesignConstraint budget(String name, long limit, String noun, ToDoubleFunction<Figures> figure) {
        return new Simple(name + "=" + limit, c -> Math.max(0, figure.applyAsDouble(c.figures()) / limit - 1),
                c -> String.format("%,d %s exceed %s %,d", (long) figure.applyAsDouble(c.figures()), noun, name, limit));
    }

    private static DesignConstraint multipleOf(int n) {
        return new Simple("channelsMultipleOf=" + n, c -> c.figures().convGcd() % n == 0 ? 0 : 1,
                c -> "convolution output channels are not all multiples of " + n + " (their greatest common divisor is "
                        + c.figures().convGcd() + ")");
    }

    private static DesignConstraint complementary() {
        return new Simple("complementary", c -> c.figures().strictlyComplementary() ? 0 : 1,
                c -> "a block is " + (c.figures().verdict() == null ? "not a chain" : c.figures().verdict().label())
                        + ", not strictly complementary");
    }

    private static DesignConstraint balancedWithin(double tolerance) {
        double limit = 1 + tolerance;
        return new Simple("balancedWithin=" + plain(tolerance), c -> {
            double i = c.figures().imbalance();
            return Double.isNaN(i) || i <= limit + 1e-12 ? 0 : i / limit - 1;
        }, c -> String.format("imbalance %.3f exceeds 1 + %s", c.figures().imbalance(), plain(tolerance)));
    }

    /** At most {@code ms} milliseconds predicted; a design without a prediction violates it fully. */
    private static DesignConstraint latencyPred(double ms) {
        return new Simple(MAX_LATENCY_PRED + "=" + plain(ms), c -> {
            double p = c.figures().latencyPredMs();
            return Double.isNaN(p) ? 1 : Math.max(0, p / ms - 1);
        }, c -> Double.isNaN(c.figures().latencyPredMs()) ? "no latency predicted (igc calibrate)"
                : String.format("predicted latency %.3f ms exceeds %s %s ms", c.figures().latencyPredMs(), MAX_LATENCY_PRED, plain(ms)));
    }

    private record Simple(String written, ToDoubleFunction<DesignConstraint.Candidate> off,
                          Function<DesignConstraint.Candidate, String> why) implements DesignConstraint {
        @Override
        public double violation(Candidate c) {
            return off.applyAsDouble(c);
        }

        @Override
        public String reason(Candidate c) {
            return why.apply(c);
        }
    }

    private static long whole(String name, String v) {
        requireValue(name, v);
        try {
            long n = new BigDecimal(v.replace("_", "")).longValueExact();
            if (n < 1) {
                throw new IllegalArgumentException(name + "=" + v + " must be positive");
            }
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a whole number");
        }
    }

    private static double number(String name, String v) {
        requireValue(name, v);
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(name + "=" + v + " must be a finite number, 0 or more");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a number");
        }
    }

    private static void requireValue(String name, String v) {
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a value: " + name + "=N");
        }
    }

    private static void requireNoValue(String name, String v) {
        if (v != null) {
            throw new IllegalArgumentException(name + " takes no value (write it alone), not " + name + "=" + v);
        }
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
