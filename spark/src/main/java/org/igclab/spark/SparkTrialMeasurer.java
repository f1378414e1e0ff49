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

/**
 * A study's trials as Spark tasks: each batch the study asks for (an NSGA-II generation, or every design of a grid or
 * random run) is one measured sweep of {@link SparkSweep}, with everything that gives (a design the store has is not
 * submitted, results stored as tasks end, Ctrl-C, retries). Trainings run to the end there: the median stopping rule
 * needs the earlier trials' curves as each epoch ends, which the driver has and the executors do not.
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
            merge(out, SparkSweep.run(options, name, RuntimeAdapter.latencyJob(how.latency()), RuntimeAdapter.tasks(batch), store, err, stop));
        }
        if (how.training() != null) {
            merge(out, SparkSweep.run(options, name, RuntimeAdapter.trainingJob(how.training(), how.dataDir(), how.checkpointRoot()),
                    RuntimeAdapter.tasks(batch), store, err, stop));
        }
        return out;
    }

    private static void merge(Map<Long, Measured> out, SparkSweep.Result r) {
        Map<Long, Measured> these = new LinkedHashMap<>();
        for (Map.Entry<Long, Measurement> e : r.measured().entrySet()) {
            these.put(e.getKey(), Measured.done(e.getValue(), List.of(e.getValue().runId())));
        }
        for (TaskOutcome f : r.failures()) {
            these.put(f.task().design(), Measured.failed(f.failure(), List.of()));
        }
        these.forEach((design, m) -> out.merge(design, m, Measured::and));
    }
}
