package org.igclab.analyzer.study;

import java.util.List;
import org.moeaframework.core.Solution;
import org.moeaframework.core.indicator.Normalizer;
import org.moeaframework.core.indicator.WFGNormalizedHypervolume;
import org.moeaframework.core.population.NondominatedPopulation;
import org.moeaframework.problem.AbstractProblem;

/**
 * The hypervolume of a set of points (every coordinate minimized), by MOEA Framework's WFG algorithm (While, Bradstreet
 * and Barone 2012), exact in any number of objectives: each coordinate is first normalized so that {@code ideal} maps
 * to 0 and {@code nadir} to 1, and the volume is that of the region of {@code [0, 1]^d} the points dominate (the
 * reference point is {@code (1, ..., 1)}). A point beyond the nadir in some coordinate adds nothing. So a value is a
 * share of the box between the ideal and the nadir: 1 would be a single point at the ideal.
 */
public final class Hypervolumes {

    private Hypervolumes() {
    }

    public static double of(List<double[]> points, double[] ideal, double[] nadir) {
        int d = ideal.length;
        if (nadir.length != d) {
            throw new IllegalArgumentException("the ideal and the nadir have different dimensions");
        }
        for (int i = 0; i < d; i++) {
            if (!(nadir[i] > ideal[i])) {
                throw new IllegalArgumentException("objective " + i + ": the nadir " + nadir[i] + " is not above the ideal " + ideal[i]);
            }
        }
        Box box = new Box(d);
        NondominatedPopulation front = new NondominatedPopulation();
        for (double[] p : points) {
            if (p.length != d) {
                throw new IllegalArgumentException("a point has " + p.length + " coordinates, not " + d);
            }
            Solution s = box.newSolution();
            s.setObjectiveValues(p);
            front.add(s);
        }
        return front.isEmpty() ? 0 : new WFGNormalizedHypervolume(box, new Normalizer(ideal, nadir)).evaluate(front);
    }

    /** A problem that only says how many objectives there are (the indicator needs one). */
    private static final class Box extends AbstractProblem {
        Box(int objectives) {
            super(0, objectives);
        }

        @Override
        public void evaluate(Solution solution) {
            throw new UnsupportedOperationException("only the objective count is used: the hypervolume indicator never evaluates this problem");
        }

        @Override
        public Solution newSolution() {
            return new Solution(0, getNumberOfObjectives());
        }
    }
}
