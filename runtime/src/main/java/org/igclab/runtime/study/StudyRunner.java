package org.igclab.runtime.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.study.DesignAxes;
import org.igclab.analyzer.study.GridSampler;
import org.igclab.analyzer.study.History;
import org.igclab.analyzer.study.Nsga2Sampler;
import org.igclab.analyzer.study.RandomSampler;
import org.igclab.analyzer.study.Sampler;
import org.igclab.analyzer.study.Screening;
import org.igclab.analyzer.study.StudyConstraints;
import org.igclab.analyzer.study.Told;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;

/**
 * Runs a study: asks its sampler for designs, screens each analytically against the constraints (a design that
 * fails is recorded, and told to the sampler as infeasible, without being measured), measures the rest, records
 * each trial's outcome, and goes on until {@code trials} designs were measured or the sampler has nothing left.
 * Trials left pending by an interrupted run are measured first (a training continues from its checkpoint), so
 * a study stopped at any point and run again never repeats a design nor stores a result twice.
 */
public final class StudyRunner {

    /**
     * How to search.
     *
     * @param sampler    grid, random or nsga2
     * @param seed       the random and NSGA-II samplers' seed
     * @param population NSGA-II's population
     * @param trials     designs to measure in this run (screened-out designs do not count)
     */
    public record Options(Sampler.Kind sampler, long seed, int population, int trials) {
    }

    /**
     * What a run did.
     *
     * @param measured   trials measured (done or pruned), pending ones from before included
     * @param pruned     of them, stopped early by the median stopping rule
     * @param screenedOut designs recorded infeasible or invalid, never measured
     * @param failed     trials whose measurement failed
     * @param exhausted  whether the sampler had nothing more to propose
     */
    public record Summary(int measured, int pruned, int screenedOut, int failed, boolean exhausted) {
    }

    private StudyRunner() {
    }

    public static Sampler sampler(Space space, int objectives, Options o) {
        return switch (o.sampler()) {
            case GRID -> new GridSampler(space.size());
            case RANDOM -> new RandomSampler(space.size(), o.seed());
            case NSGA2 -> new Nsga2Sampler(DesignAxes.of(space.grid()), objectives, o.population(), o.seed());
        };
    }

    /**
     * Runs {@code o.trials()} more trials.
     *
     * @throws CancellationException when {@code stop} ended it; every trial settled so far is stored, the one being
     *                               measured stays pending (its run interrupted, a training's checkpoint kept)
     */
    public static Summary run(StudyStore studies, Study study, Options o, Measuring how, TrialMeasurer measurer, PrintWriter err,
                              BooleanSupplier stop) {
        Space space = study.space();
        long id = study.record().id();
        Sampler sampler = sampler(space, study.objectives().size(), o);
        Screening screening = new Screening(space, study.constraints(), predicts(study)
                ? org.igclab.runtime.calibrate.Predictor.load(studies.results(), 1, 1).model() : null);
        Counts counts = new Counts();
        List<TrialRecord> pending = studies.trials(id).stream().filter(t -> !t.settled()).toList();
        if (!pending.isEmpty()) {
            err.printf("study %s: %d trial%s left pending by an earlier run, measured first%n", study.record().name(), pending.size(),
                    pending.size() == 1 ? "" : "s");
            measure(studies, study, pending.stream().map(t -> screening.screen(t.design()).row()).toList(), pending, how, measurer,
                    err, stop, counts);
        }
        boolean exhausted = false;
        while (counts.measured < o.trials()) {
            if (stop.getAsBoolean()) {
                throw new CancellationException("stopped between trials");
            }
            List<TrialRecord> trials = studies.trials(id);
            History history = Trials.history(trials, study.objectives());
            List<Long> asked = sampler.ask(history, o.trials() - counts.measured);
            if (asked.isEmpty()) {
                exhausted = true;
                break;
            }
            List<SweepRow> feasible = new ArrayList<>();
            List<TrialRecord> added = new ArrayList<>();
            for (long design : asked) {
                Screening.Screened s = screening.screen(design);
                String name = DesignName.stored(space, design);
                if (s.feasible()) {
                    long trial = studies.addTrial(id, design, name, o.sampler().label(), TrialRecord.PENDING,
                            Trials.valuesJson(space, study.objectives(), s.row(), null), 0, null);
                    feasible.add(s.row());
                    added.add(new TrialRecord(trial, id, 0, design, name, o.sampler().label(), TrialRecord.PENDING, null, 0, null,
                            List.of(), null, null));
                } else {
                    boolean invalid = s.row().status() == SweepRow.Status.INVALID;
                    studies.addTrial(id, design, name, o.sampler().label(), invalid ? TrialRecord.INVALID : TrialRecord.INFEASIBLE,
                            invalid ? null : Trials.valuesJson(space, study.objectives(), s.row(), null), s.violation(),
                            s.reason().orElse(null));
                    counts.screenedOut++;
                }
            }
            measure(studies, study, feasible, added, how, measurer, err, stop, counts);
            studies.samplerState(id, state(study, o, studies));
        }
        return new Summary(counts.measured, counts.pruned, counts.screenedOut, counts.failed, exhausted);
    }

    private static final class Counts {
        int measured;
        int pruned;
        int screenedOut;
        int failed;
    }

    /** Measures feasible trials (one at a time, or as one batch for a measurer that wants it) and settles each. */
    private static void measure(StudyStore studies, Study study, List<SweepRow> rows, List<TrialRecord> trials, Measuring how,
                                TrialMeasurer measurer, PrintWriter err, BooleanSupplier stop, Counts counts) {
        int step = measurer.batches() ? Math.max(1, rows.size()) : 1;
        for (int from = 0; from < rows.size(); from += step) {
            List<SweepRow> batch = rows.subList(from, Math.min(rows.size(), from + step));
            Map<Long, Measured> results = how.analytic() ? Map.of()
                    : measurer.measure(study.space(), batch, how, curves(studies, study), studies.results(), err, stop);
            for (int i = 0; i < batch.size(); i++) {
                SweepRow row = batch.get(i);
                TrialRecord t = trials.get(from + i);
                Measured m = how.analytic() ? Measured.done(null, List.of()) : results.get(row.design());
                if (m == null) {
                    continue;
                }
                String values = m.measurement() == null && !how.analytic() ? null
                        : Trials.valuesJson(study.space(), study.objectives(), row, m.measurement());
                studies.settle(t.id(), m.status(), values, 0, m.reason(), m.runs());
                counts.measured += m.status().equals(TrialRecord.FAILED) ? 0 : 1;
                counts.pruned += m.status().equals(TrialRecord.PRUNED) ? 1 : 0;
                counts.failed += m.status().equals(TrialRecord.FAILED) ? 1 : 0;
                err.printf("trial %s: %s%s%n", DesignName.readable(t.designName()), m.status(), m.reason() == null ? "" : " (" + m.reason() + ")");
            }
            err.flush();
        }
    }

    /** The learning curves (test accuracy per epoch) of the study's settled trainings, for the median stopping rule. */
    static List<double[]> curves(StudyStore studies, Study study) {
        if (!study.trains()) {
            return List.of();
        }
        ResultStore store = studies.results();
        List<double[]> curves = new ArrayList<>();
        for (TrialRecord t : studies.trials(study.record().id())) {
            if (!t.status().equals(TrialRecord.DONE) && !t.status().equals(TrialRecord.PRUNED)) {
                continue;
            }
            for (long run : t.runs()) {
                store.get(run).filter(r -> r.kind().equals("train"))
                        .ifPresent(r -> curves.add(store.epochs(run).stream().mapToDouble(EpochRecord::testAccuracy).toArray()));
            }
        }
        return curves;
    }

    /** Where the sampler stands, for reports. */
    private static String state(Study study, Options o, StudyStore studies) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("sampler", o.sampler().label()).put("seed", o.seed());
        if (o.sampler() == Sampler.Kind.NSGA2) {
            History h = Trials.history(studies.trials(study.record().id()), study.objectives());
            n.put("population", o.population());
            n.put("generation", new Nsga2Sampler(DesignAxes.of(study.space().grid()), study.objectives().size(), o.population(), o.seed())
                    .generation(h));
        }
        n.put("told", Trials.history(studies.trials(study.record().id()), study.objectives()).told().stream()
                .filter(Told::isFeasible).count());
        return n.toString();
    }

    /** Whether a study ranks or constrains the predicted latency: its designs are then priced by this machine's calibration. */
    static boolean predicts(Study study) {
        return predicts(study.objectives(), study.constraints());
    }

    /** Whether these objectives rank, or these constraints bound, the predicted latency. */
    public static boolean predicts(List<org.igclab.analyzer.sweep.Objective> objectives, List<org.igclab.analyzer.study.DesignConstraint> constraints) {
        return objectives.stream().anyMatch(org.igclab.analyzer.sweep.Objective::predicted)
                || constraints.stream().anyMatch(c -> c.written().startsWith(StudyConstraints.MAX_LATENCY_PRED + "="));
    }
}
