package org.igclab.runtime.evaluate;

import java.util.List;
import org.igclab.runtime.engine.DjlNetwork;

/**
 * How a design is evaluated.
 *
 * @param batches     batch sizes to time
 * @param warmup      untimed passes before timing each batch size
 * @param runs        timed passes per batch size
 * @param threads     PyTorch intra-op threads (0: the engine's default)
 * @param executions  how chains are executed: sparse kernels, multiplied out, or both
 * @param seed        weight initialisation seed
 * @param resolution  input side for a bare chain (networks keep their own input)
 */
public record EvaluationSettings(List<Integer> batches, int warmup, int runs, int threads, List<DjlNetwork.Execution> executions,
                                 long seed, int resolution) {

    public EvaluationSettings {
        batches = List.copyOf(batches);
        executions = List.copyOf(executions);
    }

    public EvaluationSettings withResolution(int side) {
        return new EvaluationSettings(batches, warmup, runs, threads, executions, seed, side);
    }

    public static EvaluationSettings defaults() {
        return new EvaluationSettings(List.of(1, 32), 10, 30, 0, List.of(DjlNetwork.Execution.SPARSE), 42, 32);
    }
}
