package org.igclab.analyzer.study;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.igclab.analyzer.latency.OpLatency;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Pareto;
import org.igclab.analyzer.sweep.Space;

/**
 * How good a search is on a space whose every design is scored analytically: the hypervolume of the front a sampler
 * finds in N evaluations (designs that pass the constraints; screened-out designs cost nothing and do not count),
 * against the exact front of the whole grid, over several seeds. Every design is screened once, up front, so each
 * simulated search answers its asks from a table.
 */
public final class SearchQuality {

    /**
     * The question.
     *
     * @param space       the space
     * @param objectives  analytic objectives only (params, macs, ..., numeric variables)
     * @param constraints the study's constraints
     * @param evaluations budgets to report, e.g. 50, 100, 200
     * @param seeds       seeds of the random and NSGA-II searches
     * @param population  NSGA-II's population
     * @param latency     predicts each design's latency ({@code latency_pred}, {@code maxLatencyPred}) from a calibration;
     *                    null for none
     */
    public record Setting(Space space, List<Objective> objectives, List<DesignConstraint> constraints, List<Integer> evaluations,
                          List<Long> seeds, int population, OpLatency latency) {
        public Setting {
            objectives = List.copyOf(objectives);
            constraints = List.copyOf(constraints);
            evaluations = List.copyOf(evaluations);
            seeds = List.copyOf(seeds);
        }

        /** A setting without predicted latency. */
        public Setting(Space space, List<Objective> objectives, List<DesignConstraint> constraints, List<Integer> evaluations,
                       List<Long> seeds, int population) {
            this(space, objectives, constraints, evaluations, seeds, population, null);
        }
    }

    /**
     * One sampler at one budget.
     *
     * @param sampler     grid, random or nsga2
     * @param evaluations the budget
     * @param mean        mean hypervolume over the seeds (share of the normalized box)
     * @param sd          its sample standard deviation (0 for one seed or the deterministic grid)
     * @param min         the worst seed's
     * @param max         the best seed's
     * @param ofExact     mean / the exact front's hypervolume
     * @param reached     mean evaluations actually made (fewer when the sampler ran out)
     */
    public record Row(String sampler, int evaluations, double mean, double sd, double min, double max, double ofExact, double reached) {
    }

    /**
     * The answer.
     *
     * @param designs      designs in the space
     * @param feasible     of them, those that pass the constraints
     * @param exactFront   designs on the exact front
     * @param exact        the exact front's hypervolume
     * @param ideal        the normalization's ideal point (best of every feasible design, per objective, minimized)
     * @param nadir        its nadir point (worst of them)
     * @param rows         by sampler, then budget
     */
    public record Result(long designs, long feasible, int exactFront, double exact, double[] ideal, double[] nadir, List<Row> rows) {
    }

    private SearchQuality() {
    }

    public static Result run(Setting s) {
        Space space = s.space();
        if (s.objectives().stream().anyMatch(Objective::measured)) {
            throw new IllegalArgumentException("the search-quality bench scores designs analytically; measured objectives "
                    + "(accuracy, latency) are not allowed");
        }
        if (s.latency() == null && s.objectives().stream().anyMatch(Objective::predicted)) {
            throw new IllegalArgumentException(Objective.LATENCY_PRED + " needs a calibration (igc calibrate)");
        }
        Screening screening = new Screening(space, s.constraints(), s.latency());
        Map<Long, Told> oracle = new java.util.HashMap<>();
        List<double[]> feasible = new ArrayList<>();
        for (long d = 0; d < space.size(); d++) {
            Screening.Screened sc = screening.screen(d);
            if (sc.feasible()) {
                double[] v = values(s.objectives(), sc, space);
                oracle.put(d, Told.feasible(d, v));
                feasible.add(v);
            } else {
                oracle.put(d, Told.infeasible(d, sc.violation()));
            }
        }
        if (feasible.isEmpty()) {
            throw new IllegalArgumentException("no design of the space passes the constraints");
        }
        int dims = s.objectives().size();
        double[] ideal = new double[dims];
        double[] nadir = new double[dims];
        java.util.Arrays.fill(ideal, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(nadir, Double.NEGATIVE_INFINITY);
        for (double[] v : feasible) {
            for (int i = 0; i < dims; i++) {
                ideal[i] = Math.min(ideal[i], v[i]);
                nadir[i] = Math.max(nadir[i], v[i]);
            }
        }
        for (int i = 0; i < dims; i++) {
            // a margin, so that the worst designs still add a sliver and a flat objective still has a box
            double span = nadir[i] - ideal[i];
            nadir[i] += span > 0 ? span * 0.01 : Math.max(1e-9, Math.abs(nadir[i]) * 0.01);
        }
        List<double[]> exactFront = front(feasible);
        double exact = Hypervolumes.of(exactFront, ideal, nadir);
        DesignAxes axes = DesignAxes.of(space.grid());
        List<Row> rows = new ArrayList<>();
        for (int budget : s.evaluations()) {
            rows.add(row("grid", budget, List.of(0L), seed -> new GridSampler(space.size()), oracle, ideal, nadir, exact));
            rows.add(row("random", budget, s.seeds(), seed -> new RandomSampler(space.size(), seed), oracle, ideal, nadir, exact));
            rows.add(row("nsga2", budget, s.seeds(), seed -> new Nsga2Sampler(axes, dims, s.population(), seed), oracle, ideal, nadir,
                    exact));
        }
        return new Result(space.size(), feasible.size(), exactFront.size(), exact, ideal, nadir, rows);
    }

    /** A screened feasible design's objective values, minimized. */
    public static double[] values(List<Objective> objectives, Screening.Screened sc, Space space) {
        double[] v = new double[objectives.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = objectives.get(i).minimized(sc.row(), space.grid().assignment(sc.design()), space.grid());
        }
        return v;
    }

    private static Row row(String name, int budget, List<Long> seeds, java.util.function.LongFunction<Sampler> sampler,
                           Map<Long, Told> oracle, double[] ideal, double[] nadir, double exact) {
        SummaryStatistics hv = new SummaryStatistics();
        SummaryStatistics reached = new SummaryStatistics();
        for (long seed : seeds) {
            List<Told> found = search(sampler.apply(seed), oracle, budget);
            List<double[]> points = found.stream().filter(Told::isFeasible).map(Told::objectives).toList();
            hv.addValue(Hypervolumes.of(front(points), ideal, nadir));
            reached.addValue(points.size());
        }
        double sd = seeds.size() > 1 ? hv.getStandardDeviation() : 0;
        return new Row(name, budget, hv.getMean(), sd, hv.getMin(), hv.getMax(), hv.getMean() / exact, reached.getMean());
    }

    /** A study without measurements: ask, answer from the table, until {@code budget} feasible designs or the sampler is done. */
    public static List<Told> search(Sampler sampler, Map<Long, Told> oracle, int budget) {
        History history = History.EMPTY;
        int evaluated = 0;
        while (evaluated < budget) {
            List<Long> asked = sampler.ask(history, budget - evaluated);
            if (asked.isEmpty()) {
                break;
            }
            List<Told> told = new ArrayList<>();
            for (long d : asked) {
                Told t = oracle.get(d);
                told.add(t);
                if (t.isFeasible() && ++evaluated == budget) {
                    break;
                }
            }
            history = history.plus(told);
        }
        return history.told();
    }

    static List<double[]> front(List<double[]> points) {
        BitSet on = Pareto.front(points.toArray(double[][]::new));
        return on.stream().mapToObj(points::get).toList();
    }
}
