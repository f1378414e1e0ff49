package org.igclab.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.ReentrantLock;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.study.MedianStoppingRule;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.evaluate.StoredEvaluation;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.Liveness;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunStart;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.study.InProcessMeasurer;
import org.igclab.runtime.sweep.SweepMeasurement;
import org.igclab.runtime.train.Datasets;
import org.igclab.runtime.train.ImageDataset;
import org.igclab.runtime.train.StoredTraining;
import org.igclab.runtime.train.Training;
import org.igclab.runtime.train.TrainingListener;
import org.igclab.runtime.train.TrainingSettings;

/**
 * The Spark module's one contact with the runtime's measurement and store API; when that API changes, this class is
 * the one to re-point. On an executor a task runs the runtime's own per-design entry point
 * ({@link StoredEvaluation#runAndStore} or {@link StoredTraining#run}) against a scratch store of its own and sends the
 * run back; on the driver the writer copies that run into the results store, once per design and settings.
 */
public final class RuntimeAdapter {
    private static final TypeReference<List<EpochRecord>> EPOCHS = new TypeReference<>() { };

    /**
     * DJL lets one network at a time collect gradients in a JVM (its PyTorch gradient collector is process-wide), so an
     * executor's trainings take turns; latency tasks do not wait on each other.
     */
    private static final ReentrantLock ONE_TRAINING_PER_JVM = new ReentrantLock();
    /** How often a training waiting for its turn checks whether it was stopped. */
    private static final long TURN_POLL_MS = 200;

    /** Data sets an executor loaded, kept for the tasks after the first (one per set, folder and slice). */
    private static final Map<String, ImageDataset> DATA = new ConcurrentHashMap<>();

    private RuntimeAdapter() {
    }

    /** The designs of a sweep that passed its constraints, as tasks, named and hashed as a local sweep stores them. */
    public static List<DesignTask> tasks(Sweep sweep) {
        Space space = sweep.space();
        return sweep.passing().stream().map(row -> {
            Design design = SweepMeasurement.design(space, row.design());
            String template = space.filledIn(space.values(row.design())).toString();
            return new DesignTask(row.design(), design.name(), template, DesignIdentity.of(design).hash());
        }).toList();
    }

    /** The task's design, built from its filled-in template as the space builds it and named as the sweep names it. */
    private static Design design(DesignTask task) {
        try {
            Network n = NetworkJson.fromJson(JsonFields.of(JsonFields.MAPPER.readTree(task.templateJson()), Space.TEMPLATE));
            return new Design.NetworkDesign(new Network(task.name(), n.input(), n.layers()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the design of task " + task.design() + " back: " + e.getOriginalMessage(), e);
        }
    }

    public static SweepJob latencyJob(EvaluationSettings settings) {
        String json = StoredEvaluation.settingsJson(settings);
        return new SweepJob(SweepJob.Kind.LATENCY, json, DesignIdentity.sha256(json), null, null, null);
    }

    public static SweepJob trainingJob(TrainingSettings settings, Path dataDir, Path checkpointRoot) {
        String json = StoredTraining.settingsJson(settings);
        return new SweepJob(SweepJob.Kind.TRAIN, json, DesignIdentity.sha256(json), dataDir == null ? null : dataDir.toString(),
                checkpointRoot.toString(), null);
    }

    /**
     * A study's training job whose tasks apply the median stopping rule on the executor, against the curves of the
     * trials measured before this batch; a pruned run comes back {@code pruned} with the curve it had.
     */
    public static SweepJob trainingJob(TrainingSettings settings, Path dataDir, Path checkpointRoot, MedianStoppingRule rule,
                                       List<double[]> earlier) {
        SweepJob job = trainingJob(settings, dataDir, checkpointRoot);
        if (rule == null) {
            return job;
        }
        try {
            return job.withPruning(JsonFields.MAPPER.writeValueAsString(new SweepJob.Pruning(rule, List.copyOf(earlier))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the pruning rule for the executors: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The measurement the store already has for this design with these settings, as a local sweep reuses it: a training
     * done, or an evaluation done whose timings were all quiet (a noisy one is measured again).
     */
    public static Optional<Measurement> stored(ResultStore store, SweepJob job, DesignTask task) {
        return measured(store, storeKind(job), task.designHash(), job.settingsHash()).map(run -> measurement(run, true));
    }

    private static Optional<RunRecord> measured(ResultStore store, String kind, String designHash, String settingsHash) {
        return store.latest(kind, designHash, settingsHash, "done")
                .filter(run -> !kind.equals(StoredEvaluation.KIND) || run.latency().stream().allMatch(LatencyStats::trusted));
    }

    /** Loads the job's data set where the caller runs (the driver checks a local master's data this way, and warms its cache). */
    public static void loadData(SweepJob job) {
        data(read(job.settingsJson(), TrainingSettings.class), job.dataDir());
    }

    // ---------------------------------------------------------------- on an executor

    /**
     * Measures one design where the task runs and returns the run; writes only to a scratch store next to the task's
     * checkpoint (train) or under {@code scratchRoot} (latency). A training with a checkpoint of this design and
     * settings on this machine continues it; elsewhere it starts over.
     *
     * @param stop polled between steps (and while a training waits for its turn): once true the measurement stops at
     *             its next step boundary, a training saves a checkpoint there, and the outcome is {@linkplain
     *             TaskOutcome#stopped() stopped}, without a run to store
     */
    public static TaskOutcome measure(SweepJob job, DesignTask task, RanOn ranOn, Path scratchRoot, BooleanSupplier stop) {
        Design design = design(task);
        if (!DesignIdentity.of(design).hash().equals(task.designHash())) {
            return TaskOutcome.withoutRun(task, job, "the design read back on the executor does not hash as on the driver "
                    + "(is the executor running another IGC Lab version?)", false, ranOn.ended(System.currentTimeMillis()));
        }
        boolean train = job.kind() == SweepJob.Kind.TRAIN;
        Path preferred = train
                ? StoredTraining.defaultCheckpointDir(Path.of(job.checkpointRoot()).resolve("spark-tasks"), design,
                        read(job.settingsJson(), TrainingSettings.class))
                : scratchRoot.resolve("latency-" + task.designHash().substring(0, 12) + "-" + job.settingsHash().substring(0, 8));
        RanOn ran = ranOn;
        try (TaskScratch scratch = TaskScratch.claim(preferred, train); ResultStore store = ResultStore.open(scratch.store())) {
            if (!takeTurn(train, stop)) {
                return TaskOutcome.withoutRun(task, job, "stopped while waiting for its turn on the executor", true,
                        ran.ended(System.currentTimeMillis()));
            }
            String failure = null;
            String stoppedAt = null;
            try {
                ran = ranOn.began(System.currentTimeMillis());
                stoppedAt = run(job, design, scratch.dir(), store, stop);
            } catch (CancellationException e) {
                stoppedAt = e.getMessage();
            } catch (RuntimeException | IOException e) {
                // the runtime has marked its run failed in the scratch store (when it had begun one)
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
            } finally {
                if (train) {
                    ONE_TRAINING_PER_JVM.unlock();
                }
            }
            ran = ran.ended(System.currentTimeMillis());
            if (stoppedAt != null) {
                return TaskOutcome.withoutRun(task, job, stoppedAt, true, ran);
            }
            Optional<RunRecord> run = store.latest(storeKind(job), task.designHash(), job.settingsHash(), "done", ResultStore.PRUNED, "failed");
            if (run.isEmpty()) {
                return TaskOutcome.withoutRun(task, job, failure, false, ran);
            }
            String done = run.get().status().equals("failed") ? String.valueOf(run.get().message()) : null;
            return new TaskOutcome(task, job, JsonFields.MAPPER.writeValueAsString(run.get()),
                    JsonFields.MAPPER.writeValueAsString(store.epochs(run.get().id())), done, false, ran);
        } catch (IOException e) {
            return TaskOutcome.withoutRun(task, job, "cannot prepare the task's folder " + preferred + ": " + e.getMessage(), false,
                    ran.ended(System.currentTimeMillis()));
        }
    }

    /** A training waits for the JVM's one training slot (latency tasks do not); false when stopped while waiting. */
    private static boolean takeTurn(boolean train, BooleanSupplier stop) {
        try {
            while (train && !ONE_TRAINING_PER_JVM.tryLock(TURN_POLL_MS, TimeUnit.MILLISECONDS)) {
                if (stop.getAsBoolean()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the runtime's own entry point; returns null when it finished, else where it stopped. */
    private static String run(SweepJob job, Design design, Path dir, ResultStore scratch, BooleanSupplier stop) throws IOException {
        if (job.kind() == SweepJob.Kind.LATENCY) {
            EvaluationSettings settings = read(job.settingsJson(), EvaluationSettings.class);
            requireSame(job, StoredEvaluation.settingsJson(settings));
            StoredEvaluation.runAndStore(design, settings, scratch, ProgressListener.NONE, stop);
            return null;
        }
        TrainingSettings settings = read(job.settingsJson(), TrainingSettings.class);
        requireSame(job, StoredTraining.settingsJson(settings));
        Path checkpoint = dir.resolve("checkpoint");
        Threads.perCore();
        if (job.pruningJson() != null) {
            SweepJob.Pruning pruning = read(job.pruningJson(), SweepJob.Pruning.class);
            // stored done or pruned in the scratch store; a stop throws CancellationException with where the checkpoint is
            InProcessMeasurer.train(design, data(settings, job.dataDir()), settings, checkpoint, scratch, pruning.rule(), pruning.earlier(), stop);
            return null;
        }
        Training.Result r = StoredTraining.run(design, data(settings, job.dataDir()), settings, checkpoint, StoredTraining.Existing.CONTINUE,
                scratch, new TrainingListener() { }, stop);
        return r.completed() ? null : "training stopped at epoch " + r.reached().epoch() + ", step " + r.reached().step()
                + "; its checkpoint on " + Liveness.host() + " is in " + checkpoint + ", and a task of this design there continues it";
    }

    private static ImageDataset data(TrainingSettings settings, String dir) {
        String key = settings.dataset() + "|" + dir + "|" + settings.trainLimit() + "|" + settings.testLimit();
        return DATA.computeIfAbsent(key, k -> Datasets.load(settings.dataset(), dir == null ? null : Path.of(dir))
                .limited(settings.trainLimit(), settings.testLimit()));
    }

    // ---------------------------------------------------------------- on the driver's writer thread

    /**
     * What the writer made of an outcome.
     *
     * @param measurement the figures for the sweep's table (absent when the design failed)
     * @param duplicate   whether the store already had this design done, so nothing was written
     * @param runId       the run in the results store (0 when none was written and none existed)
     */
    public record Recorded(Optional<Measurement> measurement, boolean duplicate, long runId) {
    }

    /**
     * Copies a task's run into the results store as one transaction, unless the store already has the design measured
     * with the same settings (a retried or duplicated task, a rerun after the driver was killed): then nothing is
     * written. A latency measured while other tasks of the sweep ran on the same host is stored noisy. The row carries
     * this process as its owner ({@code pid}, {@code host}) and is never left {@code running}: it is begun and finished
     * in the same transaction.
     *
     * @param overlapping how many other tasks of the sweep ran on the same host meanwhile
     */
    public static Recorded record(ResultStore store, TaskOutcome outcome, int overlapping) {
        if (outcome.runJson() == null) {
            return new Recorded(Optional.empty(), false, 0);
        }
        RunRecord run = read(outcome.runJson(), RunRecord.class);
        List<EpochRecord> epochs = read(outcome.epochsJson(), EPOCHS);
        return store.atomically(() -> {
            Optional<RunRecord> done = measured(store, run.kind(), run.designHash(), run.settingsHash())
                    .or(() -> run.status().equals(ResultStore.PRUNED)
                            ? store.latest(run.kind(), run.designHash(), run.settingsHash(), ResultStore.PRUNED) : Optional.empty());
            if (done.isPresent()) {
                return new Recorded(Optional.of(measurement(done.get(), true)), true, done.get().id());
            }
            long id = store.begin(RunStart.of(run, outcome.ranOn().label() + ": " + run.machine()));
            if (run.checkpointDir() != null) {
                // a folder on the executor's machine, which the run's machine names
                store.checkpointDir(id, Path.of(run.checkpointDir()));
            }
            epochs.forEach(e -> store.addEpoch(id, e));
            if (run.resultJson() != null) {
                String report = withPlacement(run, outcome, overlapping);
                if (run.kind().equals(StoredEvaluation.KIND)) {
                    store.finishEvaluation(id, run.engineParams(), noisyWhenShared(run.latency(), outcome, overlapping), report);
                } else {
                    store.finish(id, run.engineParams(), run.accuracy(), report);
                }
            }
            if (!run.status().equals("done")) {
                store.end(id, run.status(), run.message());
                if (!run.status().equals(ResultStore.PRUNED)) {
                    return new Recorded(Optional.empty(), false, id);
                }
            }
            return new Recorded(Optional.of(measurement(store.get(id).orElseThrow(), false)), false, id);
        });
    }

    /** Whether a latency task shared its host with other tasks of the sweep while it was timed. */
    public static boolean shared(TaskOutcome outcome, int overlapping) {
        return outcome.job().kind() == SweepJob.Kind.LATENCY && overlapping > 0;
    }

    /**
     * The timings, marked noisy when the task shared its host: the runtime's own check sees this JVM's threads, not
     * another executor's on the same machine.
     */
    private static List<LatencyStats> noisyWhenShared(List<LatencyStats> timings, TaskOutcome outcome, int overlapping) {
        if (!shared(outcome, overlapping)) {
            return timings;
        }
        String why = overlapping + " other task" + (overlapping == 1 ? "" : "s") + " of the sweep ran on the same host ("
                + outcome.ranOn().host() + ") meanwhile";
        return timings.stream().map(l -> {
            Interference i = l.interference();
            String reason = i.noisy() ? i.reason() + "; " + why : why;
            return new LatencyStats(l.execution(), l.batch(), l.threads(), l.interopThreads(), l.warmup(), l.warmupStable(), l.runs(),
                    l.medianMs(), l.p10Ms(), l.p90Ms(), l.halfWidthMs(), l.stop(), l.attempts(), new Interference(Interference.Verdict.NOISY,
                    i.cpuShare(), i.disturbedShare(), i.runnable(), i.loadBefore(), i.loadAfter(), i.cores(), reason, i.probeMs(), i.referenceMs()));
        }).toList();
    }

    /**
     * The run's report with where it ran: the executor's machine and process (the store's {@code pid} and {@code host}
     * are the driver's, which wrote the row), its attempt, and the tasks that shared its host.
     */
    private static String withPlacement(RunRecord run, TaskOutcome outcome, int overlapping) {
        try {
            ObjectNode report = (ObjectNode) JsonFields.MAPPER.readTree(run.resultJson());
            RanOn at = outcome.ranOn();
            ObjectNode spark = report.putObject("spark");
            spark.put("host", at.host()).put("executor", at.executorId()).put("executorPid", run.pid()).put("attempt", at.attempt())
                    .put("startedAt", Instant.ofEpochMilli(at.startedMs()).toString()).put("endedAt", Instant.ofEpochMilli(at.endedMs()).toString())
                    .put("seconds", at.seconds()).put("overlappingTasksOnHost", overlapping)
                    .put("sharedHost", shared(outcome, overlapping));
            return JsonFields.pretty(report);
        } catch (IOException | ClassCastException e) {
            // a result that is not a JSON object (a store of another version) is stored as it came, without the placement
            return run.resultJson();
        }
    }

    private static Measurement measurement(RunRecord run, boolean reused) {
        return run.kind().equals(StoredEvaluation.KIND) ? SweepMeasurement.measurement(run, reused)
                : Measurement.accuracy(run.accuracy(), run.id(), reused);
    }

    private static String storeKind(SweepJob job) {
        return job.kind() == SweepJob.Kind.LATENCY ? StoredEvaluation.KIND : StoredTraining.KIND;
    }

    private static void requireSame(SweepJob job, String settingsJson) {
        if (!settingsJson.equals(job.settingsJson())) {
            throw new IllegalStateException("the settings read back on the executor differ from the driver's: " + settingsJson);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JsonFields.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " back: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JsonFields.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the epochs back: " + e.getOriginalMessage(), e);
        }
    }
}
