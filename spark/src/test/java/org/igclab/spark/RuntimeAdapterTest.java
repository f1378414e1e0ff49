package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.sweep.SpaceJson;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.RequiresDebian;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.Liveness;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.train.Checkpoint;
import org.igclab.runtime.train.TrainingSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter on its own, without Spark: a task measured here, its outcome written to a store once however often it comes. */
@Tag("spark")
class RuntimeAdapterTest {

    static final String SPACE = """
            {"format": "igc-space/1", "name": "two chains",
             "template": {"format": "igc-network/1", "input": {"channels": 16, "size": 8},
                          "layers": [{"type": "igcv2", "groupSizes": [1, "${K}", "${16 / K}"]}]},
             "grid": {"K": [2, 4]}}""";

    /** Batch 1 and 4, a few passes, one attempt: quick, and still the runtime's method. */
    static final EvaluationSettings QUICK = EvaluationSettings.defaults().withBatches(List.of(1, 4)).withResolution(8)
            .withTiming(TimingPolicy.defaults().withRuns(3, 6).withMaxWarmup(2).withAttempts(1));

    static List<DesignTask> tasks() {
        return RuntimeAdapter.tasks(Sweep.run(SpaceJson.parse(SPACE, Path.of(".")), ProgressListener.NONE));
    }

    static RanOn here(long taskId) {
        return new RanOn("127.0.0.1", "test", taskId, 0, System.currentTimeMillis(), 0);
    }

    @Test
    void aLatencyMeasuredOnASharedHostIsStoredWholeAndNoisy(@TempDir Path dir) {
        List<DesignTask> tasks = tasks();
        assertThat(tasks).hasSize(2).extracting(DesignTask::name).containsExactly("two chains [K=2]", "two chains [K=4]");
        SweepJob job = RuntimeAdapter.latencyJob(QUICK);
        TaskOutcome outcome = RuntimeAdapter.measure(job, tasks.get(0), here(1), dir.resolve("scratch"), () -> false);
        assertThat(outcome.failed()).as(outcome.failure()).isFalse();
        assertThat(dir.resolve("scratch")).as("a latency task's scratch folder goes with it").isEmptyDirectory();

        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            assertThat(RuntimeAdapter.stored(store, job, tasks.get(0))).isEmpty();
            RuntimeAdapter.Recorded recorded = RuntimeAdapter.record(store, outcome, 1);
            assertThat(recorded.duplicate()).isFalse();
            RunRecord run = store.get(recorded.runId()).orElseThrow();
            assertThat(run.status()).isEqualTo("done");
            assertThat(run.designHash()).isEqualTo(tasks.get(0).designHash());
            // the timings came back whole (threads, spread, interference evidence), marked noisy: another task shared the host
            assertThat(run.latency()).extracting(LatencyStats::batch).containsExactly(1, 4);
            assertThat(run.latency()).allSatisfy(l -> {
                assertThat(l.medianMs()).isPositive();
                assertThat(l.threads()).isEqualTo(1);
                assertThat(l.noisy()).isTrue();
                assertThat(l.interference().reason()).contains("1 other task of the sweep ran on the same host (127.0.0.1)");
            });
            assertThat(recorded.measurement().orElseThrow().noisy()).isTrue();
            assertThat(run.machine()).startsWith("executor test (127.0.0.1): ").contains("cores");
            assertThat(run.resultJson()).contains("\"sharedHost\" : true", "\"overlappingTasksOnHost\" : 1");
            // a noisy latency is measured again by a later sweep, as a local sweep does
            assertThat(RuntimeAdapter.stored(store, job, tasks.get(0))).isEmpty();
        }
    }

    @Test
    void theWriterStoresADesignOnceHoweverOftenItsOutcomeArrives(@TempDir Path dir) {
        TaskOutcome outcome = RuntimeAdapter.measure(RuntimeAdapter.latencyJob(QUICK), tasks().get(1), here(3), dir.resolve("scratch"), () -> false);
        StringWriter log = new StringWriter();
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            ResultWriter writer = new ResultWriter(store, new TaskTracker(1, line -> { }), new PrintWriter(log, true));
            // a retried attempt, a speculative copy: the same design's outcome twice
            writer.submit(outcome);
            writer.submit(outcome);
            writer.close();
            assertThat(writer.duplicates()).isEqualTo(1);
            assertThat(writer.measured()).containsOnlyKeys(outcome.task().design());
        }
        assertThat(SparkTests.runs(dir.resolve("r.db"))).hasSize(1);
        assertThat(log.toString()).contains("not stored twice", "1 of 1 done");
    }

    @Test
    void aTaskThatCannotBeginARunSaysWhyAndStoresNothing(@TempDir Path dir) throws IOException {
        TrainingSettings settings = new TrainingSettings("fashion-mnist", 1, 32, 0.1, 0.9, 5e-4, 42, 64, 64);
        SweepJob job = RuntimeAdapter.trainingJob(settings, dir.resolve("no-data-here"), dir.resolve("ck"));
        TaskOutcome outcome = RuntimeAdapter.measure(job, tasks().get(0), here(2), dir.resolve("scratch"), () -> false);
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.failure()).contains("Fashion-MNIST not found", "no-data-here");
        assertThat(outcome.runJson()).isNull();
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            RuntimeAdapter.Recorded r = RuntimeAdapter.record(store, outcome, 0);
            assertThat(r.measurement()).isEmpty();
            assertThat(r.runId()).isZero();
        }
        assertThat(SparkTests.runs(dir.resolve("r.db"))).isEmpty();
    }

    @Test
    @RequiresDebian(DebianPackages.FASHION_MNIST)
    void aStoppedTrainingKeepsItsCheckpointAndTheNextTaskOfItsDesignHereContinuesIt(@TempDir Path dir) throws IOException {
        DesignTask task = RuntimeAdapter.tasks(Sweep.run(SpaceJson.parse(Files.readString(SparkTests.SPACE), SparkTests.SPACE.getParent()),
                ProgressListener.NONE)).get(0);
        // 8 steps of 32 images per epoch, 2 epochs
        TrainingSettings settings = new TrainingSettings("fashion-mnist", 2, 32, 0.1, 0.9, 5e-4, 42, 256, 64);
        SweepJob job = RuntimeAdapter.trainingJob(settings, DebianPackages.fashionMnist(), dir.resolve("ck"));
        AtomicInteger polls = new AtomicInteger();
        // polled before the run begins and before every step: this stops it a few steps into epoch 1
        TaskOutcome stopped = RuntimeAdapter.measure(job, task, here(4), dir.resolve("scratch"), () -> polls.incrementAndGet() > 4);
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.failed()).isFalse();
        assertThat(stopped.runJson()).as("nothing for the driver to store").isNull();
        assertThat(stopped.failure()).contains("training stopped at epoch 1, step 3", "continues it");
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            assertThat(RuntimeAdapter.record(store, stopped, 0).runId()).isZero();
        }
        assertThat(SparkTests.runs(dir.resolve("r.db"))).isEmpty();

        Path folder = Files.list(dir.resolve("ck/spark-tasks")).findFirst().orElseThrow();
        Checkpoint.State saved = new Checkpoint(folder.resolve("checkpoint")).state().orElseThrow();
        assertThat(saved.position().step()).isEqualTo(3);
        RunRecord interrupted = SparkTests.runs(folder.resolve("task.db")).get(0);
        assertThat(interrupted.status()).isEqualTo(ResultStore.INTERRUPTED);

        // the task again on this machine (a retry, or the sweep run again): the same run continues from that step
        TaskOutcome again = RuntimeAdapter.measure(job, task, here(5), dir.resolve("scratch"), () -> false);
        assertThat(again.failed()).as(again.failure()).isFalse();
        assertThat(again.stopped()).isFalse();
        assertThat(SparkTests.runs(folder.resolve("task.db"))).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(interrupted.id());
            assertThat(r.status()).isEqualTo("done");
        });
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            RunRecord run = store.get(RuntimeAdapter.record(store, again, 0).runId()).orElseThrow();
            assertThat(store.epochs(run.id())).extracting(EpochRecord::epoch).containsExactly(1, 2);
            assertThat(run.status()).isEqualTo("done");
            // the driver writes the row: its process owns it, the executor's is in the report
            assertThat(run.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(run.host()).isEqualTo(Liveness.host());
            assertThat(run.resultJson()).contains("\"executorPid\" : " + ProcessHandle.current().pid());
            assertThat(run.checkpointDir()).as("the executor's folder").isEqualTo(folder.resolve("checkpoint").toAbsolutePath().toString());
        }
    }
}
