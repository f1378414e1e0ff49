package org.igclab.analyzer.study;

import java.util.List;
import java.util.Locale;

/**
 * Chooses the next designs of a study (ask) from what the study has learned (tell: the {@link History}). Pure: the
 * same settings and history always ask the same designs, which is what makes a study resumable without storing a
 * generator's internals. A design already in the history is never asked again.
 */
public interface Sampler {

    /**
     * Up to {@code n} designs not in {@code history}, in the order to try them; fewer (or none) when the sampler has
     * nothing more to propose. Several at once can be measured at once (a generation of NSGA-II, a Spark job).
     */
    List<Long> ask(History history, int n);

    /** The samplers {@code igc study run --sampler} offers. */
    enum Kind {
        /** The space's designs in sweep order. */
        GRID,
        /** A seeded random order of the space's designs, without repeats. */
        RANDOM,
        /** NSGA-II (MOEA Framework) over the space's axes, with constraint violations for infeasible designs. */
        NSGA2;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.label().equals(text)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a sampler (grid, random, nsga2)");
        }
    }
}
