package org.igclab.spark;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.study.Measured;
import org.igclab.runtime.study.Measuring;
import org.igclab.runtime.study.TrialMeasurer;
import org.igclab.runtime.study.TrialRecord;

/**
 * A study's trials as Spark tasks: each batch the study asks for (an NSGA-II generation, or every design of a grid or
 * random run) is one measured sweep of {@link SparkSweep}, with everything that gives (a design the store has is not
 * submitted, results stored as tasks end, Ctrl-C, retries). The median stopping rule goes with each training task, with
 * the curves of the trials measured before the batch: trials of one batch run at the same time and do not see each
 * other's curves (a batch of a grid or random run is every trial asked for at once, so pruning needs runs of several
 * batches: an NSGA-II study, or repeated {@code igc study run --trials N}).
 */
public final class SparkTrialMeasurer implements TrialMeasurer {
    private final SparkSweep.Options options;

    public SparkTrialMeasurer(SparkSweep.Options options) {
        this.options = options;
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public Map<Long, Measured> measure(Space space, List<SweepRow> rows, Measuring how, List<double[]> earlier, ResultStore store,
                                       PrintWriter err, BooleanSupplier stop) {
        Sweep batch = new Sweep(space, rows, 0, 0);
        String name = "igc study: " + space.name();
        Map<Long, Measured> out = new LinkedHashMap<>();
        if (how.latency() != null) {
            merge(out, SparkSweep.run(options, name, RuntimeAdapter.latencyJob(how.latency()), RuntimeAdapter.tasks(batch), store, err, stop), store);
        }
        if (how.training() != null) {
            merge(out, SparkSweep.run(options, name, RuntimeAdapter.trainingJob(how.training(), how.dataDir(), how.checkpointRoot(),
                    how.pruning(), earlier), RuntimeAdapter.tasks(batch), store, err, stop), store);
        }
        return out;
    }

    private static void merge(Map<Long, Measured> out, SparkSweep.Result r, ResultStore store) {
        Map<Long, Measured> these = new LinkedHashMap<>();
        for (Map.Entry<Long, Measurement> e : r.measured().entrySet()) {
            Measurement m = e.getValue();
            these.put(e.getKey(), store.get(m.runId()).filter(run -> run.status().equals(ResultStore.PRUNED))
                    .map(run -> new Measured(m, TrialRecord.PRUNED, run.message(), List.of(m.runId())))
                    .orElseGet(() -> Measured.done(m, List.of(m.runId()))));
        }
        for (TaskOutcome f : r.failures()) {
            these.put(f.task().design(), Measured.failed(f.failure(), List.of()));
        }
        these.forEach((design, m) -> out.merge(design, m, Measured::and));
    }
}
