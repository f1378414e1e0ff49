package org.igclab.runtime.study;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.runtime.store.ResultStore;

/**
 * Measures a study's trials: in this process ({@link InProcessMeasurer}), or elsewhere (the Spark module's, which
 * runs a batch of designs as one job). Every measurement is a run in the store, reused when the store has it.
 */
public interface TrialMeasurer {

    /** Whether this measurer wants many designs at once (a cluster); otherwise it gets one at a time. */
    boolean batches();

    /**
     * Measures the designs of {@code rows} (all feasible).
     *
     * @param earlier the learning curves of the study's earlier trainings, for the median stopping rule
     * @param stop    polled between steps; a stop ends the measurement with a {@link java.util.concurrent.CancellationException}
     *                after storing what it must (a training its checkpoint)
     * @return by design index; a design missing from it was not measured
     */
    Map<Long, Measured> measure(Space space, List<SweepRow> rows, Measuring how, List<double[]> earlier, ResultStore store,
                                PrintWriter err, BooleanSupplier stop);
}
