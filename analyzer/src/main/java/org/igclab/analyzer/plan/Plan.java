package org.igclab.analyzer.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.ResolvedNetwork;

/**
 * How a network is executed: a {@link Strategy} for each of its {@link LinearRun}s; every other operation runs as
 * designed.
 *
 * @param network the network
 * @param mode    inference or training
 * @param runs    its runs, in execution order
 * @param chosen  the strategy of each run, by the run's path
 */
public record Plan(ResolvedNetwork network, Mode mode, List<LinearRun> runs, Map<String, Strategy> chosen) {

    public Plan {
        runs = List.copyOf(runs);
        chosen = Map.copyOf(chosen);
        for (LinearRun r : runs) {
            if (!chosen.containsKey(r.path())) {
                throw new IllegalArgumentException("no strategy for the run at " + r.path());
            }
        }
    }

    /** Every run executed by one strategy. */
    public static Plan uniform(ResolvedNetwork network, Mode mode, Strategy strategy) {
        return choosing(network, mode, run -> strategy);
    }

    /** Each run executed as {@code choice} says. */
    public static Plan choosing(ResolvedNetwork network, Mode mode, Function<LinearRun, Strategy> choice) {
        List<LinearRun> runs = LinearRuns.of(network.root(), mode);
        Map<String, Strategy> chosen = new LinkedHashMap<>();
        runs.forEach(r -> chosen.put(r.path(), choice.apply(r)));
        return new Plan(network, mode, runs, chosen);
    }

    public Strategy strategy(LinearRun run) {
        return chosen.get(run.path());
    }

    /** The run that starts at this operation, if one does. */
    public Optional<LinearRun> runStartingAt(Layer.OpLayer op) {
        return runs.stream().filter(r -> r.ops().get(0).equals(op)).findFirst();
    }

    /** The run's steps under its strategy. */
    public List<Step> steps(LinearRun run) {
        return run.steps(strategy(run));
    }

    /** The whole network's steps in execution order: each run's planned steps, every other operation kept. */
    public List<Step> steps() {
        Map<Layer.OpLayer, LinearRun> starts = new HashMap<>();
        runs.forEach(r -> starts.put(r.ops().get(0), r));
        List<Step> steps = new ArrayList<>();
        List<Layer.OpLayer> ops = network.ops();
        for (int i = 0; i < ops.size(); i++) {
            LinearRun run = starts.get(ops.get(i));
            if (run == null) {
                steps.add(new Step.Keep(ops.get(i)));
            } else {
                steps.addAll(steps(run));
                i += run.ops().size() - 1;
            }
        }
        return steps;
    }
}
