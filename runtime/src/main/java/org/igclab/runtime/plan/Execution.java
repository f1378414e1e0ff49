package org.igclab.runtime.plan;

import java.util.Optional;
import org.igclab.analyzer.cli.Choice;
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
        return Choice.nameOf(this);
    }

    /** The command line's names; {@code sparse}, the design's own execution before plans existed, means {@code designed}. */
    public static final class Names extends Choice<Execution> {
        public Names() {
            super(values());
            alias("sparse", DESIGNED);
        }
    }
}
