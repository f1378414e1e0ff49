package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.igclab.analyzer.study.Sampler;
import org.igclab.analyzer.study.StudyConstraints;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.study.InProcessMeasurer;
import org.igclab.runtime.study.Measuring;
import org.igclab.runtime.study.Study;
import org.igclab.runtime.study.StudyRecord;
import org.igclab.runtime.study.StudyRunner;
import org.igclab.runtime.study.StudyStore;
import org.igclab.runtime.study.StudyView;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.StudyTrials;
import org.igclab.ui.model.plot.Ink;
import org.igclab.ui.model.plot.Mark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > Open study: a study of the results store, run by the study runner, shown as its trials and its front. */
@ExtendWith(ApplicationExtension.class)
class OpenStudyTest {
    private static final Path SPACE = Path.of("../samples/spaces/cifar-igcv2-search.json");
    private ExplorerFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ExplorerFixture.freshDir();
        fx = ExplorerFixture.show(stage, dir, new EnumMap<>(Control.class), (d, r, s, st, p, c) -> "not used");
    }

    @AfterEach
    void close() {
        fx.model.close();
    }

    /** A study of 12 trials on two analytic objectives (parameters down, width up), as igc study run leaves it. */
    private StudyView.Report runStudy(Path db) throws Exception {
        try (ResultStore store = ResultStore.open(db)) {
            StudyStore studies = new StudyStore(store);
            Study made = Study.of(new StudyRecord(0, "search", SPACE.toString(), Study.inlinedSpace(SPACE), "params,width:max", "",
                    null, null, ""));
            studies.create("search", SPACE.toString(), made.record().spaceJson(), "params,width:max", StudyConstraints.written(made.constraints()));
            Study study = Study.of(studies.find("search").orElseThrow());
            StudyRunner.run(studies, study, new StudyRunner.Options(Sampler.Kind.RANDOM, 3, 10, 12),
                    new Measuring(null, null, null, null, Path.of("unused")), new InProcessMeasurer(), new PrintWriter(new StringWriter()), () -> false);
            return StudyView.report(study, studies.trials(study.record().id()));
        }
    }

    @Test
    void aStudyOpensWithItsTrialsInATableAndItsFrontOnTheScatter(FxRobot robot) throws Exception {
        fx.awaitIdle();
        // no store yet: the explorer says so rather than offering nothing
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#openStudy"));
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).startsWith("no study in the results store yet");
        assertThat(fx.dialogs.offered).isEmpty();

        StudyView.Report report = runStudy(fx.dir.resolve("results.db"));
        fx.dialogs.nextChoice = "search";
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#openStudy"));
        assertThat(fx.dialogs.offered).containsExactly(List.of("search"));

        StudyPane pane = fx.window.study();
        assertThat(pane.isVisible()).isTrue();
        assertThat(pane.trials().getItems()).hasSize(report.trials().size()).hasSize(12);
        assertThat(pane.trials().getItems().stream().map(StudyTrials.Trial::number).toList())
                .isEqualTo(report.trials().stream().map(t -> t.number()).toList());
        assertThat(pane.trials().getColumns().stream().map(c -> c.getText()).toList())
                .containsExactly("trial", "design", "status", "params", "width:max", "Pareto front");
        // each design by its variables, the block by its fields, as igc study show prints it: no JSON
        assertThat(pane.trials().getItems()).allSatisfy(t -> assertThat(t.design())
                .matches("block=igcv2 K=\\d+ L=\\d widen=last, width=\\d+, depth=\\d+, K=\\d+, L=\\d"));
        long onFront = pane.trials().getItems().stream().filter(StudyTrials.Trial::front).count();
        assertThat(onFront).isEqualTo(report.front().cardinality()).isPositive();

        List<Mark> marks = pane.chart().chart().plot().marks();
        assertThat(marks.stream().filter(m -> m instanceof Mark.Dot d && d.ink().equals(Ink.FRONT)).count()).isEqualTo(onFront);
        assertThat(marks).anyMatch(m -> m instanceof Mark.Line l && l.stepped() == (onFront > 1) || onFront == 1);
        assertThat(marks).filteredOn(m -> m instanceof Mark.Dot).allSatisfy(m -> assertThat(((Mark.Dot) m).hover())
                .matches("trial \\d+ \\(block=igcv2 K=\\d+ L=\\d widen=last, width=\\d+, .*\\): params = .*, width:max = .*"));
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).isEqualTo("study search: 12 trials, " + onFront + " on the Pareto front");
    }
}
