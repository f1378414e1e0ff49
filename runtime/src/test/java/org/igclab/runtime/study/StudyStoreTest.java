package org.igclab.runtime.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.igclab.analyzer.study.Sampler;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunStart;
import org.igclab.runtime.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies in a real SQLite store: round trip, resume without repeats, a stop between trials. */
class StudyStoreTest {
    private static final Path SPACE = Path.of("../samples/spaces/cifar-igcv2-search.json");
    private static final Measuring ANALYTIC = new Measuring(null, null, null, null, Path.of("unused"));

    @TempDir
    Path dir;

    private static StudyRecord create(StudyStore studies, String name) throws Exception {
        Study s = Study.of(new StudyRecord(0, name, SPACE.toString(), Study.inlinedSpace(SPACE), "params,width:max", "maxParams=1000000",
                null, null, ""));
        return studies.create(name, SPACE.toString(), s.record().spaceJson(), "params,width:max",
                org.igclab.analyzer.study.StudyConstraints.written(s.constraints()));
    }

    private static StudyRunner.Summary run(StudyStore studies, String name, Sampler.Kind kind, int trials, java.util.function.BooleanSupplier stop) {
        Study study = Study.of(studies.find(name).orElseThrow());
        return StudyRunner.run(studies, study, new StudyRunner.Options(kind, 3, 10, trials), ANALYTIC, new InProcessMeasurer(),
                new PrintWriter(new StringWriter()), stop);
    }

    private static List<Long> designs(List<TrialRecord> trials) {
        return trials.stream().map(TrialRecord::design).toList();
    }

    @Test
    void aStudyRoundTripsAndRefusesItsNameTwice() throws Exception {
        try (ResultStore db = ResultStore.open(dir.resolve("r.db"))) {
            StudyStore studies = new StudyStore(db);
            StudyRecord made = create(studies, "s");
            StudyRecord read = studies.find("s").orElseThrow();
            assertThat(read).isEqualTo(made);
            assertThat(read.spaceJson()).contains("\"template\"").doesNotContain("templateFile");
            assertThat(Study.of(read).space().size()).isEqualTo(3840);
            assertThatThrownBy(() -> create(studies, "s")).isInstanceOf(StoreException.class).hasMessageContaining("already");
            long t = studies.addTrial(made.id(), 17, "d17", "grid", TrialRecord.PENDING, "{\"params\":5}", 0, null);
            long run = db.begin(new RunStart("train", "d17", "h", "{}", "{}", "s", 1, 1, "m", "e"));
            studies.settle(t, TrialRecord.PRUNED, "{\"params\":5,\"accuracy\":0.5}", 0, "pruned after epoch 2", List.of(run));
            TrialRecord back = studies.trials(made.id()).get(0);
            assertThat(back.number()).isEqualTo(1);
            assertThat(back.status()).isEqualTo(TrialRecord.PRUNED);
            assertThat(back.runs()).containsExactly(run);
            assertThat(back.reason()).isEqualTo("pruned after epoch 2");
            assertThat(studies.list()).extracting(StudyRecord::name).containsExactly("s");
        }
    }

    @Test
    void resumedInAnotherProcessItNeverRepeatsADesignAndAsksWhatItWouldHave() throws Exception {
        Path a = dir.resolve("a.db");
        Path b = dir.resolve("b.db");
        try (ResultStore db = ResultStore.open(a)) {
            StudyStore studies = new StudyStore(db);
            create(studies, "s");
            run(studies, "s", Sampler.Kind.NSGA2, 40, () -> false);
        }
        try (ResultStore db = ResultStore.open(b)) {
            StudyStore studies = new StudyStore(db);
            create(studies, "s");
            run(studies, "s", Sampler.Kind.NSGA2, 15, () -> false);
        }
        try (ResultStore db = ResultStore.open(b)) {
            StudyStore studies = new StudyStore(db);
            StudyRunner.Summary sum = run(studies, "s", Sampler.Kind.NSGA2, 25, () -> false);
            assertThat(sum.measured()).isEqualTo(25);
        }
        List<TrialRecord> straight;
        List<TrialRecord> resumed;
        try (ResultStore db = ResultStore.open(a)) {
            StudyStore s = new StudyStore(db);
            straight = s.trials(s.find("s").orElseThrow().id());
        }
        try (ResultStore db = ResultStore.open(b)) {
            StudyStore s = new StudyStore(db);
            resumed = s.trials(s.find("s").orElseThrow().id());
        }
        assertThat(designs(resumed)).doesNotHaveDuplicates().isEqualTo(designs(straight));
        assertThat(straight.stream().filter(t -> t.status().equals(TrialRecord.DONE)).count()).isEqualTo(40);
        assertThat(straight).allMatch(t -> t.status().equals(TrialRecord.DONE) || t.violation() > 0);
    }

    @Test
    void aStopBetweenTrialsKeepsWhatWasSettledAndTheNextRunGoesOn() throws Exception {
        try (ResultStore db = ResultStore.open(dir.resolve("r.db"))) {
            StudyStore studies = new StudyStore(db);
            StudyRecord s = create(studies, "s");
            AtomicInteger polls = new AtomicInteger();
            assertThatThrownBy(() -> run(studies, "s", Sampler.Kind.RANDOM, 30, () -> polls.incrementAndGet() > 3))
                    .isInstanceOf(CancellationException.class);
            List<TrialRecord> before = studies.trials(s.id());
            run(studies, "s", Sampler.Kind.RANDOM, 10, () -> false);
            run(studies, "s", Sampler.Kind.GRID, 5, () -> false);
            List<TrialRecord> after = studies.trials(s.id());
            assertThat(designs(after)).doesNotHaveDuplicates().startsWith(designs(before).toArray(Long[]::new));
            assertThat(after.stream().filter(t -> t.sampler().equals("grid") && t.status().equals(TrialRecord.DONE)).count()).isEqualTo(5);
            List<String> statuses = new ArrayList<>(after.stream().map(TrialRecord::status).distinct().toList());
            assertThat(statuses).doesNotContain(TrialRecord.PENDING);
        }
    }
}
