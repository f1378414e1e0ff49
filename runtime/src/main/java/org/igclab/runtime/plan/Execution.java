package org.igclab.runtime.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.igclab.analyzer.plan.Strategy;

/**
 * How a design is executed when it is timed or trained: one {@link Strategy} for every run of linear operations, or
 * {@link #AUTO}, each run's fastest candidate on this machine, chosen by timing them.
 */
public enum Execution {
    DESIGNED(Strategy.DESIGNED),
    FOLDED(Strategy.FOLDED),
    MERGED(Strategy.MERGED),
    DENSE(Strategy.DENSE),
    AUTO(null);

    private final Strategy strategy;

    Execution(Strategy strategy) {
        this.strategy = strategy;
    }

    /** The one strategy for every run; empty for {@link #AUTO}. */
    public Optional<Strategy> strategy() {
        return Optional.ofNullable(strategy);
    }

    /** {@code designed}, ..., {@code auto}: as written on the command line and stored with a timing. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The labels, for messages and help. */
    public static String labels() {
        return Arrays.stream(values()).map(Execution::label).collect(Collectors.joining(", "));
    }

    /**
     * Parses {@code auto} or a list such as {@code designed,merged,auto}. {@code sparse}, the name of the design's own
     * execution before plans existed (in stored timings and older scripts), means {@code designed}.
     *
     * @throws IllegalArgumentException naming the value that is not an execution
     */
    public static List<Execution> parseList(String text) {
        List<Execution> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Execution e = named(part.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "'" + part.trim() + "' is not an execution (known: " + labels() + ")"));
            if (out.contains(e)) {
                throw new IllegalArgumentException("'" + part.trim() + "' is named twice");
            }
            out.add(e);
        }
        return out;
    }

    /** The execution a label names; {@code sparse} is {@link #DESIGNED}. */
    public static Optional<Execution> named(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return l.equals("sparse") ? Optional.of(DESIGNED) : Arrays.stream(values()).filter(e -> e.label().equals(l)).findFirst();
    }
}
