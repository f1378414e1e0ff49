package org.igclab.runtime.evaluate;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.ParamCount;
import org.igclab.runtime.engine.ParameterCheck;
import org.igclab.runtime.engine.StructureCheck;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.plan.PlanOutcome;

/**
 * What {@link Evaluator} found about a design.
 *
 * @param name        the design's name
 * @param designHash  SHA-256 of its canonical JSON
 * @param input       the input shape, e.g. {@code 3x32x32}
 * @param params      the analyzer's parameters by kind
 * @param macs        the analyzer's MACs
 * @param parameters  the analyzer against the engine, operation by operation
 * @param structure   the engine's composite linear maps against the path-count matrices
 * @param skipped     chains too wide for the structure check, by label
 * @param latency     one row per execution and batch size (a plan that differs from the design has none)
 * @param plans       how each execution ran at each batch size: each run's strategy, its alternatives' times, the check
 * @param machine     where it ran
 * @param engine      engine and versions
 */
public record EvaluationReport(String name, String designHash, String input, ParamCount params, long macs, ParameterCheck parameters,
                               List<StructureCheck> structure, List<String> skipped, List<LatencyStats> latency, List<PlanOutcome> plans,
                               String machine,
                               String engine) {

    public EvaluationReport {
        structure = List.copyOf(structure);
        skipped = List.copyOf(skipped);
        latency = List.copyOf(latency);
        plans = List.copyOf(plans);
    }

    /** Every check holds: the parameters, the wiring, and every plan computing what the design computes. */
    public boolean consistent() {
        return parameters.agrees() && structure.stream().allMatch(StructureCheck::matches) && plans.stream().allMatch(p -> p.agreement().agrees());
    }

    /** The headline timing at a batch size ({@link LatencyStats#headline}), when it was timed. */
    public Optional<LatencyStats> headline(int batch) {
        return LatencyStats.headline(latency, batch).filter(l -> l.runs() > 0);
    }

    /** Whether any timing was taken under interference. */
    public boolean noisy() {
        return latency.stream().anyMatch(LatencyStats::noisy);
    }
}
