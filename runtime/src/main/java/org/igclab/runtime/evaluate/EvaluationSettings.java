package org.igclab.runtime.evaluate;

import java.util.List;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.TimingPolicy;
import org.igclab.runtime.plan.Execution;
import org.igclab.runtime.plan.Layout;

/**
 * How a design is evaluated: the one set of settings {@code igc evaluate}, {@code igc sweep --evaluate latency} and
 * the explorer use.
 *
 * @param batches        batch sizes to time
 * @param threads        PyTorch intra-op threads (0: the engine's choice)
 * @param interopThreads PyTorch inter-op threads (0: the engine's choice)
 * @param executions     how the design is executed for timing: each a plan ({@link Execution}), each timed at every batch size
 * @param seed           weight initialisation seed
 * @param resolution     input side for a bare chain (networks keep their own input)
 * @param timing         when warming up and timing stop
 * @param interference   when a timing counts as disturbed
 * @param layout         how each plan's activations are laid out when timed ({@link Layout#AUTO}: both, the faster kept)
 */
public record EvaluationSettings(List<Integer> batches, int threads, int interopThreads, List<Execution> executions, long seed,
                                 int resolution, TimingPolicy timing, InterferenceRule interference, Layout layout) {

    public EvaluationSettings {
        batches = List.copyOf(batches);
        executions = List.copyOf(executions);
    }

    /** Batch 1 and 32, one intra-op and one inter-op thread, the planner's choice ({@code auto}), seed 42, side 32, default timing, both layouts. */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(List.of(1, 32), Threads.DEFAULT, Threads.DEFAULT, List.of(Execution.AUTO), 42, 32,
                TimingPolicy.defaults(), InterferenceRule.defaults(), Layout.AUTO);
    }

    public EvaluationSettings withResolution(int side) {
        return new EvaluationSettings(batches, threads, interopThreads, executions, seed, side, timing, interference, layout);
    }

    public EvaluationSettings withBatches(List<Integer> sizes) {
        return new EvaluationSettings(sizes, threads, interopThreads, executions, seed, resolution, timing, interference, layout);
    }

    public EvaluationSettings withThreads(int intra) {
        return new EvaluationSettings(batches, intra, interopThreads, executions, seed, resolution, timing, interference, layout);
    }

    public EvaluationSettings withExecutions(List<Execution> chosen) {
        return new EvaluationSettings(batches, threads, interopThreads, chosen, seed, resolution, timing, interference, layout);
    }

    public EvaluationSettings withSeed(long value) {
        return new EvaluationSettings(batches, threads, interopThreads, executions, value, resolution, timing, interference, layout);
    }

    public EvaluationSettings withTiming(TimingPolicy policy) {
        return new EvaluationSettings(batches, threads, interopThreads, executions, seed, resolution, policy, interference, layout);
    }

    public EvaluationSettings withInterference(InterferenceRule rule) {
        return new EvaluationSettings(batches, threads, interopThreads, executions, seed, resolution, timing, rule, layout);
    }

    public EvaluationSettings withLayout(Layout chosen) {
        return new EvaluationSettings(batches, threads, interopThreads, executions, seed, resolution, timing, interference, chosen);
    }
}
