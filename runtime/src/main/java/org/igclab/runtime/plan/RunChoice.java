package org.igclab.runtime.plan;

import java.util.List;
import org.igclab.analyzer.plan.LinearRun;
import org.igclab.analyzer.plan.Strategy;

/**
 * How one run of linear operations is executed, with the alternatives that were timed for it. Runs that compute the
 * same operations on the same input (a stage's repeated blocks) share one choice.
 *
 * @param block      the label of the block the run belongs to ({@code IGCV2 K=(1,8,8) 64->64}), or empty outside blocks
 * @param path       where the first such run is ({@code stage1.block0.W1})
 * @param repeats    how many runs of the network it stands for
 * @param chosen     the strategy executed
 * @param steps      what runs under it
 * @param candidates each distinct candidate, checked and timed ({@code auto}); empty when the strategy was given
 * @param run        the first such run
 */
public record RunChoice(String block, String path, int repeats, Strategy chosen, String steps, List<CandidateResult> candidates, LinearRun run) {

    public RunChoice {
        candidates = List.copyOf(candidates);
    }
}
