package org.igclab.runtime.plan;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.igclab.analyzer.plan.AutoSelection;
import org.igclab.analyzer.plan.LinearRun;
import org.igclab.analyzer.plan.LinearRuns;
import org.igclab.analyzer.plan.Mode;
import org.igclab.analyzer.plan.Plan;
import org.igclab.analyzer.plan.Step;
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

    /** The shares of an {@code auto} measurement's progress: timing candidates, then the per-run plan, then the uniform one. */
    private static final double CHOOSING = 0.6;
    private static final double PER_RUN = 0.8;

    private Planner() {
    }

    /** How timings are taken and checked. */
    public record Timing(int batch, TimingPolicy policy, InterferenceRule rule, long seed) {
    }

    /**
     * Plans, checks and times the network of {@code inst} one way, in one layout or ({@link Layout#AUTO}) in NCHW and
     * channels last, keeping the faster ({@link Layout#faster}): the plan is made in NCHW, then its whole network is
     * checked and timed again channels last.
     *
     * @param progress  the share done, in [0, 1]
     * @param cancelled polled between timed passes
     */
    public static PlanOutcome time(Instantiation inst, Execution execution, Layout layout, Timing timing, DoubleConsumer progress,
                                   BooleanSupplier cancelled) {
        if (layout != Layout.AUTO) {
            return timeIn(inst, execution, layout, timing, progress, cancelled);
        }
        // under auto most of the work is choosing the plan; a forced plan is timed once per layout
        double first = execution == Execution.AUTO ? 0.85 : 0.5;
        PlanOutcome nchw = timeIn(inst, execution, Layout.NCHW, timing, share -> progress.accept(first * share), cancelled);
        Map<LinearRun.Signature, Strategy> executed = new LinkedHashMap<>();
        nchw.runs().forEach(r -> executed.put(r.run().signature(), r.chosen()));
        Plan plan = Plan.choosing(inst.network(), Mode.INFERENCE, r -> executed.get(r.signature()));
        Timed channelsLast = timePlan(inst, plan, execution, Layout.CHANNELS_LAST, timing,
                share -> progress.accept(first + (1 - first) * share), cancelled);
        double nchwMs = medianMs(nchw.latency());
        Layout kept = Layout.faster(nchwMs, channelsLast.medianMs());
        PlanOutcome.Layouts compared = new PlanOutcome.Layouts(nchwMs, channelsLast.medianMs(), kept);
        return kept == Layout.NCHW ? nchw.inLayout(kept, nchw.agreement(), nchw.latency(), compared)
                : nchw.inLayout(kept, channelsLast.agreement(), channelsLast.latency(), compared);
    }

    /**
     * Plans, checks and times the network of {@code inst} one way in one layout. Under {@code auto}, when the per-run choice is not
     * one strategy everywhere, the whole network is timed both under it and under the strategy the candidates' timings
     * predict fastest everywhere ({@link AutoSelection}), and the faster is kept: a run timed alone is not the run in
     * the network.
     */
    private static PlanOutcome timeIn(Instantiation inst, Execution execution, Layout layout, Timing timing, DoubleConsumer progress,
                                      BooleanSupplier cancelled) {
        if (execution != Execution.AUTO) {
            Strategy s = execution.strategy().orElseThrow();
            Plan plan = Plan.uniform(inst.network(), Mode.INFERENCE, s);
            List<RunChoice> runs = distinct(plan.runs()).values().stream()
                    .map(same -> new RunChoice(same.get(0).block().orElse(""), same.get(0).path(), same.size(), s,
                            Steps.describe(same.get(0).steps(s)), List.of(), same.get(0)))
                    .toList();
            Timed timed = timePlan(inst, plan, execution, layout, timing, progress, cancelled);
            return new PlanOutcome(execution, layout, timing.batch(), timed.agreement(), runs, timed.latency(), Optional.empty(), Optional.empty());
        }
        Chosen chosen = choose(inst, timing, share -> progress.accept(CHOOSING * share), cancelled);
        Optional<Strategy> uniform = chosen.uniform().filter(u -> !Plan.uniform(inst.network(), Mode.INFERENCE, u).steps().equals(chosen.plan().steps()));
        Timed perRun = timePlan(inst, chosen.plan(), execution, layout, timing,
                share -> progress.accept(CHOOSING + (uniform.isPresent() ? PER_RUN - CHOOSING : 1 - CHOOSING) * share), cancelled);
        if (uniform.isEmpty()) {
            progress.accept(1);
            return new PlanOutcome(execution, layout, timing.batch(), perRun.agreement(), chosen.runs(), perRun.latency(), Optional.empty(), Optional.empty());
        }
        Strategy u = uniform.get();
        Timed everywhere = timePlan(inst, Plan.uniform(inst.network(), Mode.INFERENCE, u), execution, layout, timing,
                share -> progress.accept(PER_RUN + (1 - PER_RUN) * share), cancelled);
        double perRunMs = perRun.medianMs();
        double uniformMs = everywhere.medianMs();
        boolean keepUniform = uniformMs < perRunMs;
        PlanOutcome.Versus versus = new PlanOutcome.Versus(u, perRunMs, uniformMs, keepUniform);
        if (!keepUniform) {
            return new PlanOutcome(execution, layout, timing.batch(), perRun.agreement(), chosen.runs(), perRun.latency(), Optional.of(versus), Optional.empty());
        }
        List<RunChoice> runs = chosen.runs().stream().map(r -> new RunChoice(r.block(), r.path(), r.repeats(), u,
                Steps.describe(r.run().steps(u)), r.candidates(), r.run())).toList();
        return new PlanOutcome(execution, layout, timing.batch(), everywhere.agreement(), runs, everywhere.latency(), Optional.of(versus), Optional.empty());
    }

    /** A whole plan's check against the design and, if it agrees, its timing. */
    private record Timed(Agreement agreement, Optional<LatencyStats> latency) {
        double medianMs() {
            return Planner.medianMs(latency);
        }
    }

    /** A whole network's median; infinite when it was not timed. */
    private static double medianMs(Optional<LatencyStats> latency) {
        return latency.filter(l -> l.runs() > 0).map(LatencyStats::medianMs).orElse(Double.POSITIVE_INFINITY);
    }

    private static Timed timePlan(Instantiation inst, Plan plan, Execution execution, Layout layout, Timing timing, DoubleConsumer progress,
                                  BooleanSupplier cancelled) {
        try (NDManager scope = inst.manager().newSubManager()) {
            boolean designed = plan.runs().stream().allMatch(r -> plan.strategy(r) == Strategy.DESIGNED);
            Block planned = designed ? inst.block() : PlannedBlocks.network(plan, inst.djl(), scope);
            boolean channelsLast = layout == Layout.CHANNELS_LAST;
            // channels last: the input reordered once, the planned tree over the design's parameters keeps the layout
            Block block = channelsLast ? new PlannedRoot(inst.block(), planned, true) : planned;
            Agreement agreement = designed && !channelsLast ? Agreement.IDENTICAL
                    : Agreement.of(scope, inst.block(), block, inst.network().spec().input(), timing.seed());
            Optional<LatencyStats> latency = agreement.agrees() && !cancelled.getAsBoolean()
                    ? Optional.of(LatencyBenchmark.measure(scope, block, inst.network().spec().input(), execution.label(), timing.batch(),
                    timing.policy(), timing.rule(), progress, cancelled))
                    : Optional.empty();
            return new Timed(agreement, latency);
        }
    }

    /**
     * An inference plan with each run's choice, what was timed to make it, and the strategy predicted fastest used
     * everywhere (empty when none is usable for every run).
     */
    public record Chosen(Plan plan, List<RunChoice> runs, Optional<Strategy> uniform) {
    }

    /**
     * Times every distinct candidate of every distinct run (runs of the same operations on the same input are timed
     * once) and chooses for each by {@link AutoSelection}: the fastest that agrees with the design, candidates within
     * each other's intervals decided by the whole network; the design's own execution when none agrees.
     */
    public static Chosen choose(Instantiation inst, Timing timing, DoubleConsumer progress, BooleanSupplier cancelled) {
        Map<LinearRun.Signature, List<LinearRun>> distinct = distinct(LinearRuns.of(inst.network().root(), Mode.INFERENCE));
        int total = distinct.values().stream().mapToInt(same -> same.get(0).candidates().size()).sum();
        int done = 0;
        List<List<CandidateResult>> timed = new ArrayList<>();
        List<AutoSelection.RunTimes> times = new ArrayList<>();
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
            timed.add(results);
            times.add(new AutoSelection.RunTimes(same.size(), timings(run, candidates, results)));
        }
        AutoSelection.Selection selection = AutoSelection.select(times);
        Map<LinearRun.Signature, Strategy> chosen = new LinkedHashMap<>();
        List<RunChoice> runs = new ArrayList<>();
        int i = 0;
        for (List<LinearRun> same : distinct.values()) {
            LinearRun run = same.get(0);
            Strategy best = selection.perRun().get(i);
            chosen.put(run.signature(), best);
            runs.add(new RunChoice(run.block().orElse(""), run.path(), same.size(), best, Steps.describe(run.steps(best)), timed.get(i), run));
            i++;
        }
        Plan plan = Plan.choosing(inst.network(), Mode.INFERENCE, r -> chosen.get(r.signature()));
        return new Chosen(plan, runs, selection.uniform());
    }

    /** Each strategy's timing for a run: the timing of the candidate that executes it, where that one is usable. */
    private static Map<Strategy, AutoSelection.Timed> timings(LinearRun run, List<LinearRun.Candidate> candidates, List<CandidateResult> results) {
        Map<Strategy, AutoSelection.Timed> out = new EnumMap<>(Strategy.class);
        boolean alone = candidates.size() == 1;
        for (Strategy s : Strategy.values()) {
            List<Step> steps = run.steps(s);
            for (int c = 0; c < candidates.size(); c++) {
                CandidateResult r = results.get(c);
                if (candidates.get(c).steps().equals(steps) && (alone || r.usable())) {
                    // a run with one candidate was not timed: every strategy is that one, at no cost to choose
                    out.put(s, alone ? new AutoSelection.Timed(0, 0)
                            : new AutoSelection.Timed(r.medianMs(), r.latency().orElseThrow().halfWidthMs()));
                }
            }
        }
        return out;
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
