package org.igclab.analyzer.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.moeaframework.algorithm.NSGAII;
import org.moeaframework.core.PRNG;
import org.moeaframework.core.Solution;
import org.moeaframework.core.constraint.LessThanOrEqual;
import org.moeaframework.core.variable.RealVariable;
import org.moeaframework.problem.AbstractProblem;

/**
 * NSGA-II (Deb et al. 2002) as MOEA Framework implements it, asked for designs one generation at a time.
 *
 * <p>Each axis of the space ({@link DesignAxes}) is a real variable in {@code [0, size)} whose floor is the value's
 * position, varied by MOEA Framework's default operators for real variables (SBX crossover and polynomial mutation),
 * which keep the order of a variable's values (widths, depths). A feasible design is told its objective values; an
 * infeasible one only its constraint violation, which NSGA-II's constrained domination ranks below every feasible
 * design. Offspring that decode to designs already tried are answered from the history, never measured again.
 *
 * <p>Ask/tell by replay: MOEA Framework's NSGA-II evaluates a generation inside its own loop, so each ask runs it
 * from the seed through the history, answering every design it proposes from what was told, until it proposes
 * designs not yet tried: those, one generation's worth, are the answer. The library's generator is global, so runs
 * are serialised and the generator put back afterwards. A replay costs a few milliseconds per hundred generations.
 *
 * @param axes       the space's axes
 * @param objectives how many objectives each feasible design is told
 * @param population NSGA-II's population size (and so a generation's size)
 * @param seed       the generator's seed
 */
public record Nsga2Sampler(DesignAxes axes, int objectives, int population, long seed) implements Sampler {
    /** A search that proposes nothing new for this many generations in a row has converged, and asks nothing more. */
    public static final int IDLE_GENERATIONS = 500;

    private static final Object GLOBAL_GENERATOR = new Object();

    public Nsga2Sampler {
        if (population < 2 || population % 2 != 0) {
            throw new IllegalArgumentException("the population must be an even number of at least 2, not " + population);
        }
    }

    @Override
    public List<Long> ask(History history, int n) {
        Proposal p = replay(history);
        return List.copyOf(p.designs().subList(0, Math.min(n, p.designs().size())));
    }

    /** The generation of a history that is next to be measured (0: the initial population; -1: converged), for reports. */
    public int generation(History history) {
        return replay(history).generation();
    }

    /** Where a replay stopped: the generation that proposed designs not yet tried, and those (none once converged). */
    private record Proposal(int generation, List<Long> designs) {
    }

    private Proposal replay(History history) {
        Map<Long, Told> known = history.byDesign();
        synchronized (GLOBAL_GENERATOR) {
            Random before = PRNG.getRandom();
            PRNG.setSeed(seed);
            try {
                Replay nsga2 = new Replay(new DesignProblem(axes, objectives), population, known);
                for (int g = 0, idle = 0; idle < IDLE_GENERATIONS; g++) {
                    try {
                        nsga2.step();
                    } catch (Proposed p) {
                        return new Proposal(g, p.designs);
                    }
                    idle = nsga2.newInLast == 0 ? idle + 1 : 0;
                }
                return new Proposal(-1, List.of());
            } finally {
                PRNG.setRandom(before);
            }
        }
    }

    /** The design a solution's variables decode to. */
    static long design(DesignAxes axes, Solution s) {
        int[] c = new int[axes.count()];
        for (int a = 0; a < c.length; a++) {
            double x = RealVariable.getReal(s.getVariable(a));
            c[a] = Math.min(axes.sizes()[a] - 1, Math.max(0, (int) Math.floor(x)));
        }
        return axes.index(c);
    }

    /** The space as MOEA Framework sees it: one real variable per axis, the objectives, one constraint (violation <= 0). */
    private static final class DesignProblem extends AbstractProblem {
        private final DesignAxes axes;

        DesignProblem(DesignAxes axes, int objectives) {
            super(axes.count(), objectives, 1);
            this.axes = axes;
        }

        @Override
        public void evaluate(Solution solution) {
            throw new IllegalStateException("designs are measured outside the algorithm; see Nsga2Sampler");
        }

        @Override
        public Solution newSolution() {
            Solution s = new Solution(getNumberOfVariables(), getNumberOfObjectives(), getNumberOfConstraints());
            for (int a = 0; a < axes.count(); a++) {
                s.setVariable(a, new RealVariable(0, axes.sizes()[a]));
            }
            s.setConstraint(0, LessThanOrEqual.to(0.0));
            return s;
        }
    }

    /** Thrown out of NSGA-II's loop when a generation proposes designs not yet tried. */
    private static final class Proposed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Long> designs;

        Proposed(List<Long> designs) {
            super(null, null, false, false);
            this.designs = designs;
        }
    }

    /** NSGA-II whose evaluations are answered from what the study was told. */
    private static final class Replay extends NSGAII {
        private final Map<Long, Told> known;
        private final Set<Long> seen = new HashSet<>();
        private final DesignAxes axes;
        int newInLast;

        Replay(DesignProblem problem, int population, Map<Long, Told> known) {
            super(problem);
            setInitialPopulationSize(population);
            this.known = known;
            this.axes = problem.axes;
        }

        @Override
        public void evaluateAll(Iterable<Solution> solutions) {
            Set<Long> unknown = new LinkedHashSet<>();
            List<Solution> all = new ArrayList<>();
            for (Solution s : solutions) {
                long d = design(axes, s);
                if (!known.containsKey(d)) {
                    unknown.add(d);
                }
                all.add(s);
            }
            if (!unknown.isEmpty()) {
                throw new Proposed(new ArrayList<>(unknown));
            }
            newInLast = 0;
            for (Solution s : all) {
                long d = design(axes, s);
                newInLast += seen.add(d) ? 1 : 0;
                Told t = known.get(d);
                if (t.isFeasible()) {
                    s.setObjectiveValues(t.objectives());
                }
                s.setConstraintValue(0, t.violation());
            }
        }
    }
}
