package org.igclab.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.cli.OutputFormat;
import org.igclab.analyzer.cli.OutputTarget;
import org.igclab.analyzer.cli.PlotOption;
import org.igclab.analyzer.study.StudyPlot;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.study.Study;
import org.igclab.runtime.study.StudyStore;
import org.igclab.runtime.study.StudyView;
import org.igclab.runtime.study.TrialRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code igc study show NAME}: a study's trials, best designs and Pareto front. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        header = "A study's trials, best designs and Pareto front; --plot draws the front.",
        description = {"The front and the best designs are among the trials measured to the end with every objective: a pruned",
            "training stopped early, and a noisy latency is never ranked. --plot draws the ranked trials on two objectives",
            "(--x, --y; the first two by default), the Pareto front marked. The table shows each trial's design as igc sweep",
            "does, a column per variable of the space, a block by its fields (igcv2 K=8 L=3 widen=last)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  igc study show tiny",
            "  igc study show search --plot front.svg --x params --y width",
            "  igc study show search --csv -o trials.csv"})
public final class StudyShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The study.")
    String name;

    @Mixin
    PlotOption plot;

    @Option(names = "--x", paramLabel = "OBJ", description = "--plot: the objective across (default: the first).")
    String x;

    @Option(names = "--y", paramLabel = "OBJ", description = "--plot: the objective up (default: the second).")
    String y;

    @Mixin
    StoreOption store;

    @Mixin
    OutputFormat format;

    @Mixin
    OutputTarget target;

    @Override
    public Integer call() throws IOException {
        OutputFormat.Format chosen = format.chosen();
        target.checkBeforeWork();
        plot.checkBeforeWork(spec);
        if (!Files.exists(store.path())) {
            throw new InputException("no results store at " + store.path() + " (igc study create first, or pass --store)");
        }
        StudyView.Report report;
        try (ResultStore db = store.open(spec.commandLine().getErr())) {
            StudyStore studies = new StudyStore(db);
            Study study = Study.of(studies.find(name).orElseThrow(() -> new InputException("no study named " + name + " in "
                    + store.path() + " (igc study list shows those there)")));
            report = StudyView.report(study, studies.trials(study.record().id()));
        }
        if (plot.requested()) {
            draw(report);
        }
        String text = switch (chosen) {
            case JSON -> StudyView.json(report);
            case CSV -> StudyView.csv(report);
            default -> StudyView.text(report);
        };
        target.emit(spec, text, "");
        return IgcCli.OK;
    }

    private void draw(StudyView.Report r) throws IOException {
        List<Objective> objectives = r.study().objectives();
        int ix = axis(objectives, x, 0, "--x");
        int iy = axis(objectives, y, 1, "--y");
        List<double[]> all = new ArrayList<>();
        List<double[]> front = new ArrayList<>();
        for (int i = 0; i < r.trials().size(); i++) {
            TrialRecord t = r.trials().get(i);
            double[] v = StudyView.rankable(t, objectives);
            if (v == null) {
                continue;
            }
            double[] p = {read(objectives.get(ix), v[ix]), read(objectives.get(iy), v[iy])};
            all.add(p);
            if (r.front().get(i)) {
                front.add(p);
            }
        }
        plot.write(spec, StudyPlot.chart(new StudyPlot.Chart("study " + r.study().record().name() + ": " + all.size() + " trials ranked, "
                + front.size() + " on the Pareto front", objectives.get(ix).toString(), objectives.get(iy).toString(), all, front)));
    }

    private static double read(Objective o, double minimized) {
        return o.maximize() ? -minimized + 0.0 : minimized;
    }

    private static int axis(List<Objective> objectives, String asked, int fallback, String option) {
        if (asked == null) {
            if (objectives.size() <= fallback) {
                throw new InputException("--plot needs two objectives; this study has one");
            }
            return fallback;
        }
        for (int i = 0; i < objectives.size(); i++) {
            if (objectives.get(i).name().equals(asked.replaceFirst(":(max|min)$", ""))) {
                return i;
            }
        }
        throw new InputException(option + " = " + asked + " is not one of the study's objectives ("
                + String.join(", ", objectives.stream().map(Objective::name).toList()) + ")");
    }
}
