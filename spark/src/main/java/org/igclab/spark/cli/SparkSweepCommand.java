package org.igclab.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.runtime.cli.MeasuredSweepCommand;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.train.TrainingSettings;
import org.igclab.spark.RuntimeAdapter;
import org.igclab.spark.SparkSweep;
import org.igclab.spark.SweepJob;
import org.igclab.spark.TaskOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;

/**
 * {@code igc sweep} with Spark present: with {@code --spark} or {@code --master URL} the measured designs run as Spark
 * tasks; without either, the runtime's sweep as it is.
 */
@Command(name = "sweep", modelTransformer = SparkSweepCommand.Examples.class)
public final class SparkSweepCommand extends MeasuredSweepCommand {

    @Mixin
    SparkOptions on;

    private final List<TaskOutcome> failures = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        int code = super.call();
        if (code != IgcCli.OK || failures.isEmpty()) {
            return code;
        }
        PrintWriter err = spec().commandLine().getErr();
        err.printf("igc sweep: %d design%s failed (listed above; 'igc results --status failed' shows those that began a run); the "
                + "others are stored. Run the same sweep again to retry the failed ones.%n", failures.size(), failures.size() == 1 ? "" : "s");
        return IgcCli.INTERNAL;
    }

    @Override
    protected Sweep measure(Sweep sweep) throws IOException {
        CommandLine.ParseResult parsed = spec().commandLine().getParseResult();
        if (on.wanted() && !parsed.hasMatchedOption("--evaluate")) {
            throw new InputException(on.given() + " applies to a measured sweep; add --evaluate latency or --evaluate train");
        }
        on.check();
        return super.measure(sweep);
    }

    @Override
    protected Map<Long, Measurement> measureLatency(Sweep sweep, EvaluationSettings settings, ResultStore db, PrintWriter err,
                                                    BooleanSupplier stop) {
        return on.wanted() ? run(sweep, RuntimeAdapter.latencyJob(settings), db, err, stop) : super.measureLatency(sweep, settings, db, err, stop);
    }

    @Override
    protected Map<Long, Measurement> measureTraining(Sweep sweep, TrainingSettings settings, Path dataDir, Path checkpointRoot,
                                                     ResultStore db, PrintWriter err, BooleanSupplier stop) {
        return on.wanted() ? run(sweep, RuntimeAdapter.trainingJob(settings, dataDir, checkpointRoot), db, err, stop)
                : super.measureTraining(sweep, settings, dataDir, checkpointRoot, db, err, stop);
    }

    private Map<Long, Measurement> run(Sweep sweep, SweepJob job, ResultStore db, PrintWriter err, BooleanSupplier stop) {
        String name = sweep.space().name().isEmpty() ? "igc sweep" : "igc sweep: " + sweep.space().name();
        SparkSweep.Result result = SparkSweep.run(on.options(), name, job, RuntimeAdapter.tasks(sweep), db, err, stop);
        failures.addAll(result.failures());
        err.printf("spark: %d designs stored or found stored, %d failed, %d reused from the store, %d duplicate results not stored again%n",
                result.measured().size(), result.failures().size(), result.reused(), result.duplicates());
        return result.measured();
    }

    /** Adds the Spark examples to the sweep's help, after the analyzer's and the runtime's. */
    public static final class Examples implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
            footer.addAll(List.of(
                    "",
                    "On Apache Spark (src/site/markdown/spark.md): each design is a task, stored as the task ends; a design",
                    "already stored is skipped, so a sweep stopped or killed continues where it was when run again. Ctrl-C",
                    "stops the running tasks at a step (a training keeps its checkpoint on its executor), stores what arrived",
                    "and exits 130.",
                    "  igc sweep samples/spaces/fashion-tiny.json --evaluate train --epochs 1 --limit-train 512 --spark",
                    "  igc sweep samples/spaces/cifar-igcv2-grid.json --evaluate train --data cifar10 --data-dir /data/cifar10 \\",
                    "      --master spark://head:7077 --checkpoint-root /scratch/igc --spark-conf spark.executor.memory=8g",
                    "  igc sweep samples/spaces/fashion-tiny.json --evaluate latency --master local[1]   # one at a time"));
            spec.usageMessage().footer(footer.toArray(String[]::new));
            return spec;
        }
    }
}
