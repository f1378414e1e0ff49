package org.igclab.analyzer.study;

import java.util.Arrays;

/**
 * What a search learned about one design: its objective values (each minimized: a maximized objective negated), or
 * that it is infeasible, by how much. A search never gets a made-up value for a design it may not use.
 *
 * @param design     the design's index in the space
 * @param objectives the values, minimized; empty when infeasible
 * @param violation  0 for a feasible design, else how far it is from feasible (larger is worse)
 */
public record Told(long design, double[] objectives, double violation) {

    public Told {
        objectives = objectives.clone();
        if (!(violation >= 0)) {
            throw new IllegalArgumentException("a violation is 0 or more, not " + violation);
        }
        if (violation == 0 && objectives.length == 0) {
            throw new IllegalArgumentException("a feasible design needs its objective values");
        }
    }

    public static Told feasible(long design, double[] objectives) {
        return new Told(design, objectives, 0);
    }

    public static Told infeasible(long design, double violation) {
        return new Told(design, new double[0], Math.max(violation, Double.MIN_NORMAL));
    }

    public boolean isFeasible() {
        return violation == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Told t && t.design == design && Arrays.equals(t.objectives, objectives) && t.violation == violation;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(design) * 31 + Arrays.hashCode(objectives);
    }

    @Override
    public String toString() {
        return "Told[" + design + (isFeasible() ? " " + Arrays.toString(objectives) : " infeasible by " + violation) + "]";
    }
}
