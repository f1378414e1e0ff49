package org.igclab.ui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.igclab.analyzer.text.TextTable;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.study.Study;
import org.igclab.runtime.study.StudyRecord;
import org.igclab.runtime.study.StudyStore;
import org.igclab.runtime.study.StudyView;
import org.igclab.runtime.study.TrialRecord;
import org.igclab.ui.model.plot.Ink;
import org.igclab.ui.model.plot.Mark;
import org.igclab.ui.model.plot.Plot;

/**
 * A study from the results store as the explorer shows it: its trials as rows, and its ranked trials on a scatter of its
 * first two objectives with the Pareto front that {@link StudyView} computes (the one {@code igc study show} prints).
 *
 * @param name       the study
 * @param objectives the objectives, as written ({@code params}, {@code accuracy:max})
 * @param trials     every trial, in the order tried
 * @param plot       the ranked trials on the first two objectives, the front as a staircase
 */
public record StudyTrials(String name, List<String> objectives, List<Trial> trials, Plot plot) {
    /**
     * One trial as a row.
     *
     * @param design its design's variables as {@code igc study show} prints them ({@code block=igcv2 K=8 L=2 widen=last, width=64})
     * @param values the objective values, as text ({@code -} where unknown)
     * @param front  whether it is on the study's Pareto front
     */
    public record Trial(int number, String design, String status, List<String> values, boolean front) {
    }

    public StudyTrials {
        objectives = List.copyOf(objectives);
        trials = List.copyOf(trials);
    }

    /** The studies in the store, by name; none when there is no store yet. */
    public static List<String> names(Path db) {
        if (!Files.exists(db)) {
            return List.of();
        }
        try (ResultStore store = ResultStore.open(db)) {
            return new StudyStore(store).list().stream().map(StudyRecord::name).toList();
        }
    }

    /** Reads the study named {@code name}; a name the store does not have is an error naming it. */
    public static StudyTrials load(Path db, String name) {
        if (!Files.exists(db)) {
            throw new InvalidDesignException("study", "= \"" + name + "\": there is no results store at " + db);
        }
        try (ResultStore store = ResultStore.open(db)) {
            StudyStore studies = new StudyStore(store);
            StudyRecord record = studies.find(name).orElseThrow(() -> new InvalidDesignException("study", "= \"" + name
                    + "\" is not in " + db));
            Study study = Study.of(record);
            return of(StudyView.report(study, studies.trials(record.id())));
        }
    }

    /** The rows and the plot of a report. */
    static StudyTrials of(StudyView.Report r) {
        List<Objective> objectives = r.study().objectives();
        List<Trial> rows = new ArrayList<>();
        for (int i = 0; i < r.trials().size(); i++) {
            TrialRecord t = r.trials().get(i);
            double[] v = StudyView.rankable(t, objectives);
            List<String> values = new ArrayList<>();
            double[] raw = org.igclab.runtime.study.Trials.minimized(t, objectives);
            for (int o = 0; o < objectives.size(); o++) {
                values.add(raw == null ? "-" : number(value(objectives.get(o), raw[o])));
            }
            rows.add(new Trial(t.number(), DesignName.variables(r.study().space(), t.design()), t.status(), values, v != null && r.front().get(i)));
        }
        return new StudyTrials(r.study().record().name(), objectives.stream().map(Objective::toString).toList(), rows, plot(r));
    }

    private static Plot plot(StudyView.Report r) {
        List<Objective> objectives = r.study().objectives();
        String title = "Study " + r.study().record().name();
        if (objectives.size() < 2) {
            return Plot.empty(title, new Plot.PlotAxis(objectives.get(0).toString(), false, false), new Plot.PlotAxis("", false, false),
                    "one objective: nothing to plot against it");
        }
        Objective ox = objectives.get(0);
        Objective oy = objectives.get(1);
        List<Mark> marks = new ArrayList<>();
        List<double[]> front = new ArrayList<>();
        int ranked = 0;
        for (int i = 0; i < r.trials().size(); i++) {
            TrialRecord t = r.trials().get(i);
            double[] v = StudyView.rankable(t, objectives);
            if (v == null) {
                continue;
            }
            ranked++;
            double x = value(ox, v[0]);
            double y = value(oy, v[1]);
            boolean on = r.front().get(i);
            marks.add(Mark.Dot.plain(x, y, on ? Ink.FRONT : Ink.DESIGN, on ? 5 : 4,
                    String.format("trial %d (%s): %s = %s, %s = %s", t.number(), DesignName.variables(r.study().space(), t.design()), ox, number(x), oy, number(y))));
            if (on) {
                front.add(new double[] {x, y});
            }
        }
        front.sort(Comparator.comparingDouble(p -> p[0]));
        if (front.size() > 1) {
            marks.add(0, new Mark.Line(front.stream().mapToDouble(p -> p[0]).toArray(), front.stream().mapToDouble(p -> p[1]).toArray(),
                    Ink.FRONT, false, true));
        }
        int left = r.trials().size() - ranked;
        return new Plot(title, new Plot.PlotAxis(ox.toString(), false, false), new Plot.PlotAxis(oy.toString(), false, false), marks,
                List.of(new Plot.LegendEntry(Ink.DESIGN, Plot.Sample.DOT, "trial"),
                        new Plot.LegendEntry(Ink.FRONT, Plot.Sample.LINE_WITH_DOT, "Pareto front")),
                left == 0 ? "" : String.format("%,d trial%s not ranked (not done, or a value missing)", left, left == 1 ? "" : "s"));
    }

    /** The value as measured, from its minimized form (a maximized objective is stored negated). */
    private static double value(Objective o, double minimized) {
        return o.maximize() ? -minimized + 0.0 : minimized;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? TextTable.grouped(Math.round(v)) : String.format("%.4g", v);
    }
}
