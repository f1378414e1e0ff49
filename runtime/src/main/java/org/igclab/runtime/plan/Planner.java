package org.igclab.runtime.plan;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.igclab.analyzer.plan.LinearRun;
import org.igclab.analyzer.plan.LinearRuns;
import org.igclab.analyzer.plan.Mode;
import org.igclab.analyzer.plan.Plan;
import org.igclab.analyzer.plan.Steps;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.LatencyBenchmark;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;

/**
 * Executes a design one way and times it: a given strategy for every run, or ({@link Execution#AUTO}) each run's
 * fastest candidate on this machine. Every candidate and every plan is first checked numerically against the design
 * ({@link Agreement}); one that differs is never timed and never chosen.
 */
public final class Planner {

    /** The share of an {@code auto} measurement's progress spent timing candidates; the rest times the chosen plan. */
    private static final double CHOOSING = 0.7;

    private Planner() {
    }

    /** How timings are taken and checked. */
    public record Timing(int batch, TimingPolicy policy, InterferenceRule rule, long seed) {
    }

    /**
     * Plans, checks and times the network of {@code inst} one way.
     *
     * @param progress  the share done, in [0, 1]
     * @param cancelled polled between timed passes
     */
    public static PlanOutcome time(Instantiation inst, Execution execution, Timing timing, DoubleConsumer progress, BooleanSupplier cancelled) {
        List<RunChoice> runs;
        Plan plan;
        DoubleConsumer planProgress = progress;
        if (execution == Execution.AUTO) {
            Chosen chosen = choose(inst, timing, share -> progress.accept(CHOOSING * share), cancelled);
            runs = chosen.runs();
            plan = chosen.plan();
            planProgress = share -> progress.accept(CHOOSING + (1 - CHOOSING) * share);
        } else {
            Strategy s = execution.strategy().orElseThrow();
            plan = Plan.uniform(inst.network(), Mode.INFERENCE, s);
            runs = distinct(plan.runs()).values().stream()
                    .map(same -> new RunChoice(same.get(0).block().orElse(""), same.get(0).path(), same.size(), s,
                            Steps.describe(same.get(0).steps(s)), List.of()))
                    .toList();
        }
        try (NDManager scope = inst.manager().newSubManager()) {
            boolean designed = plan.runs().stream().allMatch(r -> plan.strategy(r) == Strategy.DESIGNED);
            Block block = designed ? inst.block() : PlannedBlocks.network(plan, inst.djl(), scope);
            Agreement agreement = designed ? Agreement.IDENTICAL
                    : Agreement.of(scope, inst.block(), block, inst.network().spec().input(), timing.seed());
            Optional<LatencyStats> latency = agreement.agrees()
                    ? Optional.of(LatencyBenchmark.measure(scope, block, inst.network().spec().input(), execution.label(), timing.batch(),
                    timing.policy(), timing.rule(), planProgress, cancelled))
                    : Optional.empty();
            return new PlanOutcome(execution, timing.batch(), agreement, runs, latency);
        }
    }

    /** An inference plan with each run's fastest candidate, and what was timed to choose it. */
    public record Chosen(Plan plan, List<RunChoice> runs) {
    }

    /**
     * Times every distinct candidate of every distinct run (runs of the same operations on the same input are timed
     * once) and chooses, for each, the fastest that agrees with the design; the design's own execution when none does.
     */
    public static Chosen choose(Instantiation inst, Timing timing, DoubleConsumer progress, BooleanSupplier cancelled) {
        Map<LinearRun.Signature, List<LinearRun>> distinct = distinct(LinearRuns.of(inst.network().root(), Mode.INFERENCE));
        int total = distinct.values().stream().mapToInt(same -> same.get(0).candidates().size()).sum();
        int done = 0;
        Map<LinearRun.Signature, Strategy> chosen = new LinkedHashMap<>();
        List<RunChoice> runs = new ArrayList<>();
        for (List<LinearRun> same : distinct.values()) {
            LinearRun run = same.get(0);
            List<CandidateResult> results = new ArrayList<>();
            List<LinearRun.Candidate> candidates = run.candidates();
            for (LinearRun.Candidate c : candidates) {
                int before = done++;
                // a run with nothing to change is not timed: there is nothing to choose
                results.add(candidates.size() == 1 ? new CandidateResult(c.strategy(), Steps.describe(c.steps()), Agreement.IDENTICAL,
                        Optional.empty())
                        : timeCandidate(inst, run, c, timing, share -> progress.accept((before + share) / total), cancelled));
            }
            Strategy best = results.stream().filter(CandidateResult::usable).min(Comparator.comparingDouble(CandidateResult::medianMs))
                    .map(CandidateResult::strategy).orElse(Strategy.DESIGNED);
            chosen.put(run.signature(), best);
            runs.add(new RunChoice(run.block().orElse(""), run.path(), same.size(), best, Steps.describe(run.steps(best)), results));
        }
        Plan plan = Plan.choosing(inst.network(), Mode.INFERENCE, r -> chosen.get(r.signature()));
        return new Chosen(plan, runs);
    }

    /** One candidate of one run, checked against the run as designed on the run's own input, then timed if it agrees. */
    private static CandidateResult timeCandidate(Instantiation inst, LinearRun run, LinearRun.Candidate c, Timing timing,
                                                 DoubleConsumer progress, BooleanSupplier cancelled) {
        try (NDManager scope = inst.manager().newSubManager()) {
            Block designed = sequence(PlannedBlocks.run(run.steps(Strategy.DESIGNED), Mode.INFERENCE, inst.djl(), scope));
            Block planned = sequence(PlannedBlocks.run(c.steps(), Mode.INFERENCE, inst.djl(), scope));
            Agreement agreement = c.strategy() == Strategy.DESIGNED ? Agreement.IDENTICAL
                    : Agreement.of(scope, designed, planned, run.in(), timing.seed());
            Optional<LatencyStats> latency = agreement.agrees() && !cancelled.getAsBoolean()
                    ? Optional.of(LatencyBenchmark.measure(scope, planned, run.in(), c.strategy().label(), timing.batch(), timing.policy(),
                    timing.rule(), progress, cancelled))
                    : Optional.empty();
            return new CandidateResult(c.strategy(), Steps.describe(c.steps()), agreement, latency);
        }
    }

    private static Block sequence(List<Block> blocks) {
        SequentialBlock seq = new SequentialBlock();
        blocks.forEach(seq::add);
        return seq;
    }

    /** Runs grouped by what they compute, in the order first met. */
    private static Map<LinearRun.Signature, List<LinearRun>> distinct(List<LinearRun> runs) {
        Map<LinearRun.Signature, List<LinearRun>> groups = new LinkedHashMap<>();
        runs.forEach(r -> groups.computeIfAbsent(r.signature(), k -> new ArrayList<>()).add(r));
        return groups;
    }
}
