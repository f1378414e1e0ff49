package org.igclab.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkException;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.store.ResultStore;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * A measured sweep as one Spark job: one task per design not yet stored, results streamed to the driver as each task
 * finishes and written there by one thread into the results store.
 */
public final class SparkSweep {
    /** Seconds between progress lines while no design finishes. */
    private static final int PROGRESS_EVERY_S = 15;
    /** Milliseconds between looks at the stop request while the job runs. */
    private static final long STOP_POLL_MS = 200;
    /** The job group of a sweep's one job, by which a stop cancels it. */
    static final String JOB_GROUP = "igc-sweep";

    private SparkSweep() {
    }

    /**
     * How to reach Spark.
     *
     * @param master a master URL (local[*], local[N], spark://HOST:PORT)
     * @param conf   Spark settings, as spark-submit's {@code --conf}; they win over igc's own
     */
    public record Options(String master, Map<String, String> conf) {
        public Options {
            conf = Map.copyOf(conf);
        }
    }

    /**
     * What the sweep produced.
     *
     * @param measured   every design with figures: stored before, or measured now
     * @param failures   designs whose measurement failed
     * @param reused     designs found in the store and not submitted
     * @param duplicates outcomes of designs already stored by another attempt (not written again)
     */
    public record Result(Map<Long, Measurement> measured, List<TaskOutcome> failures, int reused, int duplicates) {
    }

    /**
     * Measures the designs the store does not have as one Spark job and writes each result into {@code store} as it
     * arrives.
     *
     * @param stop polled while the job runs: once true (Ctrl-C, SIGTERM) no task is started any more, the running ones
     *             are killed (each stops at its next step boundary, a training saving a checkpoint on its executor),
     *             the results that arrived are stored, and a {@link CancellationException} says where the sweep stands
     */
    public static Result run(Options options, String appName, SweepJob job, List<DesignTask> designs, ResultStore store, PrintWriter err,
                             BooleanSupplier stop) {
        Map<Long, Measurement> measured = new LinkedHashMap<>();
        List<DesignTask> todo = new ArrayList<>();
        for (DesignTask d : designs) {
            RuntimeAdapter.stored(store, job, d).ifPresentOrElse(m -> measured.put(d.design(), m), () -> todo.add(d));
        }
        err.printf("spark: %d of %d designs already in %s; %d to %s on %s%n", measured.size(), designs.size(), store.file(), todo.size(),
                job.kind() == SweepJob.Kind.TRAIN ? "train" : "measure", options.master());
        err.flush();
        if (todo.isEmpty()) {
            return new Result(measured, List.of(), measured.size(), 0);
        }
        boolean local = MasterUrl.isLocal(options.master());
        if (local && job.kind() == SweepJob.Kind.TRAIN) {
            // the executors are this JVM: a missing data set is an input error before anything starts, and is loaded once
            RuntimeAdapter.loadData(job);
        }
        TaskTracker tracker = new TaskTracker(todo.size(), line -> err.println(line));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "igc-spark-progress");
            t.setDaemon(true);
            return t;
        });
        Interruption interruption = new Interruption(stop, measured.size(), designs.size(), store);
        interruption.check();
        try (JavaSparkContext spark = new JavaSparkContext(configuration(options, appName));
             ResultWriter writer = new ResultWriter(store, tracker, err)) {
            spark.sc().addSparkListener(tracker);
            if (local) {
                tracker.executorKnown(SparkEnv.get().executorId(), SparkEnv.get().blockManager().blockManagerId().host(), spark.defaultParallelism());
            }
            ticker.scheduleAtFixedRate(() -> err.println(tracker.snapshot().line()), PROGRESS_EVERY_S, PROGRESS_EVERY_S, TimeUnit.SECONDS);
            ticker.scheduleWithFixedDelay(() -> interruption.cancelWhenAsked(spark, tracker, err), STOP_POLL_MS, STOP_POLL_MS, TimeUnit.MILLISECONDS);
            if (job.kind() == SweepJob.Kind.LATENCY) {
                warnAboutLatency(local, tracker, err);
            }
            // the tasks poll their own kill flag: an interrupted thread could be inside libtorch, or close the task's lock file
            spark.setJobGroup(JOB_GROUP, appName, false);
            try {
                interruption.check();
                spark.sc().runJob(spark.parallelize(todo, todo.size()).rdd(), task(job), (Function2<Object, TaskOutcome, BoxedUnit>) (i, outcome) -> {
                    writer.submit(outcome);
                    return BoxedUnit.UNIT;
                }, ClassTag$.MODULE$.apply(TaskOutcome.class));
            } catch (Exception e) { // Spark throws its checked SparkException undeclared
                if (stop.getAsBoolean() || spark.sc().isStopped()) {
                    interruption.awaitTasks(spark, tracker, err);
                    writer.close();
                    throw interruption.summary(writer.measured().size(), writer.failures().size(), tracker.stoppedAttempts());
                }
                writer.close();
                if (e instanceof SparkException failed) {
                    throw failed(failed, tracker.snapshot(), store);
                }
                throw e;
            }
            writer.close();
            err.println(tracker.snapshot().line());
            measured.putAll(writer.measured());
            return new Result(measured, writer.failures(), designs.size() - todo.size(), writer.duplicates());
        } finally {
            ticker.shutdownNow();
        }
    }

    /** A job Spark aborted (a task failed on every attempt); Spark's message holds the driver's stack trace, its first line says why. */
    private static IllegalStateException failed(SparkException e, SweepProgress progress, ResultStore store) {
        String what = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new IllegalStateException("the Spark job failed: " + what + "; " + progress.done() + " of " + progress.total()
                + " designs stored in " + store.file() + "; run the same sweep again to continue");
    }

    /** igc's settings for a sweep's context; the user's {@code conf} wins over each. */
    static SparkConf configuration(Options options, String appName) {
        SparkConf conf = new SparkConf(false).setMaster(options.master()).setAppName(appName)
                // the web UI's port (4040) is not needed to follow a sweep: the driver prints its progress
                .set("spark.ui.enabled", "false")
                // a design is one task that may train for hours: no speculative copies unless asked for
                .set("spark.speculation", "false")
                // executors on the workers load the same classes from the same paths, and the engine offline
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.extraJavaOptions", "-Dai.djl.offline=true");
        if (MasterUrl.isLocal(options.master())) {
            // everything runs in this JVM: nothing needs to be reachable from another machine
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        options.conf().forEach(conf::set);
        return conf;
    }

    private static void warnAboutLatency(boolean local, TaskTracker tracker, PrintWriter err) {
        if (!local) {
            err.println("spark: warning: latency on a cluster: executors' machines may differ; each run records the executor and "
                    + "machine it was measured on (igc results), so compare latencies measured on the same machine");
        }
        Map<String, Integer> shared = tracker.sharedHosts();
        if (!shared.isEmpty() || !local) {
            err.println("spark: warning: a latency measured while another task ran on the same host is marked noisy"
                    + (shared.isEmpty() ? "" : " (task slots per host now: " + shared + ")") + "; for steady figures run one "
                    + "task per machine (--master local[1], or one core per worker)");
        }
        err.flush();
    }

    /** What an executor does with its partition: the one design in it, measured. */
    private static Function2<TaskContext, Iterator<DesignTask>, TaskOutcome> task(SweepJob job) {
        return (Function2<TaskContext, Iterator<DesignTask>, TaskOutcome> & Serializable) (context, designs) -> {
            SparkEnv env = SparkEnv.get();
            RanOn ranOn = new RanOn(env.blockManager().blockManagerId().host(), env.executorId(), context.taskAttemptId(),
                    context.attemptNumber(), System.currentTimeMillis(), 0);
            // killed by the driver (a stop, a cancelled job), or the executor's JVM exiting: stop at the next step, saved
            try (GracefulStop exiting = GracefulStop.beforeExit(System.err::println)) {
                BooleanSupplier stop = () -> context.isInterrupted() || exiting.getAsBoolean();
                return RuntimeAdapter.measure(job, designs.next(), ranOn, Path.of(SparkFiles.getRootDirectory()), stop);
            }
        };
    }
}
