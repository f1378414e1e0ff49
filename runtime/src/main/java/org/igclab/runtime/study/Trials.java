package org.igclab.runtime.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.study.History;
import org.igclab.analyzer.study.Told;
import org.igclab.analyzer.sweep.Assignment;
import org.igclab.analyzer.sweep.Measurement;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.rules.io.JsonFields;

/**
 * What a study's trials say, as pure functions: a trial's values from its figures and measurement, and the
 * {@link History} its sampler is asked from.
 */
public final class Trials {

    private Trials() {
    }

    /**
     * A trial's values: the analytic figures (params, macs) and every objective, as read (a maximized one not negated);
     * an objective without a trusted value (a noisy latency, a failed training) is left out.
     */
    public static String valuesJson(Space space, List<Objective> objectives, SweepRow row, Measurement measured) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        if (row.figures() != null) {
            n.put("params", row.figures().params()).put("macs", row.figures().macs());
        }
        SweepRow with = measured == null ? row : row.withMeasured(measured);
        Assignment values = space.grid().assignment(row.design());
        for (Objective o : objectives) {
            if (row.figures() == null || (o.measured() && measured == null)) {
                continue;
            }
            double v = o.minimized(with, values, space.grid());
            if (!Double.isNaN(v)) {
                n.put(o.name(), o.maximize() ? -v + 0.0 : v);
            }
        }
        return n.toString();
    }

    /** The objective values of a trial, minimized, or null when one is missing (then it is never ranked). */
    public static double[] minimized(TrialRecord t, List<Objective> objectives) {
        if (t.valuesJson() == null) {
            return null;
        }
        try {
            JsonNode values = JsonFields.MAPPER.readTree(t.valuesJson());
            double[] v = new double[objectives.size()];
            for (int i = 0; i < v.length; i++) {
                JsonNode x = values.get(objectives.get(i).name());
                if (x == null || !x.isNumber()) {
                    return null;
                }
                v[i] = objectives.get(i).maximize() ? -x.asDouble() : x.asDouble();
            }
            return v;
        } catch (IOException e) {
            return null;
        }
    }

    /** What the sampler learned from a settled trial: its objective values, or that it may not be used, by how much. */
    public static Told told(TrialRecord t, List<Objective> objectives) {
        if (t.status().equals(TrialRecord.DONE) || t.status().equals(TrialRecord.PRUNED)) {
            double[] v = minimized(t, objectives);
            return v != null ? Told.feasible(t.design(), v) : Told.infeasible(t.design(), 1);
        }
        return Told.infeasible(t.design(), t.status().equals(TrialRecord.FAILED) ? Math.max(1, t.violation()) : t.violation());
    }

    /** The settled trials as a history, in the order tried. */
    public static History history(List<TrialRecord> trials, List<Objective> objectives) {
        List<Told> told = new ArrayList<>();
        for (TrialRecord t : trials) {
            if (t.settled()) {
                told.add(told(t, objectives));
            }
        }
        return new History(told);
    }
}
