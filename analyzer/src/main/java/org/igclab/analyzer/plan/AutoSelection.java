package org.igclab.analyzer.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code auto} chooses from the candidates' timings, as a pure function of them (no clock): each run's fastest
 * candidate, except that candidates whose timings cannot be told apart are decided by the whole network. A run timed
 * alone is not the run inside the network (other caches, another layout around it), so where two candidates are
 * within each other's intervals the one whose strategy the whole network favours is taken: the strategy with the
 * smallest predicted time if every run used it (the sum, over the runs, of its timings). That same strategy, used
 * everywhere, is the plan the per-run choice is then timed against as a whole network.
 */
public final class AutoSelection {

    private AutoSelection() {
    }

    /**
     * One candidate's timing for one run.
     *
     * @param medianMs    its median
     * @param halfWidthMs the half-width of the median's 95% interval (0 when unknown)
     */
    public record Timed(double medianMs, double halfWidthMs) {
        public Timed {
            halfWidthMs = Double.isFinite(halfWidthMs) ? Math.max(0, halfWidthMs) : 0;
        }

        double low() {
            return medianMs - halfWidthMs;
        }

        double high() {
            return medianMs + halfWidthMs;
        }
    }

    /**
     * A distinct run's timings.
     *
     * @param repeats    how many runs of the network it stands for
     * @param byStrategy each strategy's timing (a strategy that executes as an earlier one has that one's timing); a
     *                   strategy missing is not usable (it differs from the design, or was not timed)
     */
    public record RunTimes(int repeats, Map<Strategy, Timed> byStrategy) {
        public RunTimes {
            byStrategy = Map.copyOf(byStrategy);
        }
    }

    /**
     * The choice.
     *
     * @param perRun    each run's strategy, in the order given
     * @param uniform   the strategy with the smallest predicted time for the whole network, if any strategy is usable
     *                  for every run
     * @param predicted each strategy's predicted time for the whole network, used everywhere (usable everywhere only)
     * @param tied      for each run, whether its choice was decided by the whole network (its fastest was within another
     *                  candidate's interval)
     */
    public record Selection(List<Strategy> perRun, Optional<Strategy> uniform, Map<Strategy, Double> predicted, List<Boolean> tied) {
        public Selection {
            perRun = List.copyOf(perRun);
            predicted = Map.copyOf(predicted);
            tied = List.copyOf(tied);
        }

        /** The per-run choice's predicted time: the sum of the chosen candidates' medians. */
        public double predictedPerRun(List<RunTimes> runs) {
            double sum = 0;
            for (int i = 0; i < runs.size(); i++) {
                sum += runs.get(i).repeats() * runs.get(i).byStrategy().get(perRun.get(i)).medianMs();
            }
            return sum;
        }
    }

    /** Each run's choice; a run with no usable candidate executes as designed. */
    public static Selection select(List<RunTimes> runs) {
        Map<Strategy, Double> predicted = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            if (runs.stream().allMatch(r -> r.byStrategy().containsKey(s))) {
                predicted.put(s, runs.stream().mapToDouble(r -> r.repeats() * r.byStrategy().get(s).medianMs()).sum());
            }
        }
        Optional<Strategy> uniform = predicted.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        Comparator<Strategy> wholeNetwork = Comparator.comparingDouble(s -> predicted.getOrDefault(s, Double.POSITIVE_INFINITY));
        List<Strategy> perRun = new ArrayList<>();
        List<Boolean> tied = new ArrayList<>();
        for (RunTimes r : runs) {
            Optional<Map.Entry<Strategy, Timed>> fastest = r.byStrategy().entrySet().stream()
                    .min(Comparator.comparingDouble((Map.Entry<Strategy, Timed> e) -> e.getValue().medianMs()).thenComparing(Map.Entry::getKey));
            if (fastest.isEmpty()) {
                perRun.add(Strategy.DESIGNED);
                tied.add(false);
                continue;
            }
            Timed best = fastest.get().getValue();
            List<Strategy> close = r.byStrategy().entrySet().stream().filter(e -> e.getValue().low() <= best.high()).map(Map.Entry::getKey).toList();
            Strategy chosen = close.stream().min(wholeNetwork.thenComparingDouble(s -> r.byStrategy().get(s).medianMs())
                    .thenComparing(Comparator.naturalOrder())).orElseThrow();
            boolean distinct = close.stream().map(s -> r.byStrategy().get(s)).distinct().count() > 1;
            perRun.add(chosen);
            tied.add(distinct);
        }
        return new Selection(perRun, uniform, predicted, tied);
    }
}
