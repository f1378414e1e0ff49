package org.igclab.runtime.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.Blocks;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.condition.PathCountMatrix;
import org.igclab.rules.model.KernelChain;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.LatencyBenchmark;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.engine.ParameterCheck;
import org.igclab.runtime.engine.StructureCheck;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.plan.Execution;
import org.igclab.runtime.plan.PlanOutcome;
import org.igclab.runtime.plan.Planner;

/**
 * Instantiates a design in DJL, proves the instance is what the analyzer counted (parameters operation by
 * operation; the wiring of every chain), and times forward passes under each execution plan asked for.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** Units of progress per timed execution and batch size. */
    private static final long STEPS = 1000;

    /**
     * Evaluates a design: checks its memory estimate first (refused as bad input when it does not fit), then builds
     * it, checks it and times every execution and batch size asked for.
     *
     * @throws MemoryLimitException when a batch would not fit in memory
     */
    public static EvaluationReport evaluate(Design design, EvaluationSettings settings, ProgressListener progress, BooleanSupplier cancelled) {
        ResolvedNetwork network = network(design, settings);
        NetworkCost cost = CostModel.of(network);
        MemoryEstimate.check(cost, settings.batches());
        Threads.apply(settings.threads(), settings.interopThreads());
        List<StructureCheck> structure = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, KernelChain> chain : chains(design, network).entrySet()) {
            KernelChain c = chain.getValue();
            if ((long) c.inChannels() * c.outChannels() > PathCountMatrix.MAX_ENTRIES) {
                skipped.add(chain.getKey());
            } else {
                structure.add(StructureCheck.of(chain.getKey(), c, settings.seed()));
            }
        }
        // the design's own instance is the one the analyzer counted: its parameters are checked, then every plan is built on it
        ParameterCheck parameters;
        List<PlanOutcome> plans = new ArrayList<>();
        long total = settings.executions().size() * settings.batches().size() * STEPS;
        long done = 0;
        try (Instantiation inst = Instantiation.of(network, settings.seed())) {
            parameters = ParameterCheck.of(inst);
            for (Execution execution : settings.executions()) {
                for (int batch : settings.batches()) {
                    long base = done;
                    Planner.Timing timing = new Planner.Timing(batch, settings.timing(), settings.interference(), settings.seed());
                    plans.add(Planner.time(inst, execution, settings.layout(), timing, share -> progress.progress(base + Math.round(share * STEPS), total), cancelled));
                    done += STEPS;
                }
            }
        }
        List<LatencyStats> latency = plans.stream().flatMap(p -> p.latency().stream()).toList();
        return new EvaluationReport(design.name(), DesignIdentity.of(design).hash(), network.spec().input().toString(), cost.params(),
                cost.macs(), parameters, structure, skipped, latency, plans, MachineInfo.machine(), MachineInfo.engine());
    }

    /**
     * Refuses, as bad input, a design whose memory estimate at one of the batch sizes does not fit this machine.
     *
     * @throws MemoryLimitException naming the batch and the figures
     */
    public static void checkMemory(Design design, EvaluationSettings settings) {
        MemoryEstimate.check(CostModel.of(network(design, settings)), settings.batches());
    }

    /** The network evaluated: a network as written, a chain on a {@code C x resolution x resolution} input. */
    public static ResolvedNetwork network(Design design, EvaluationSettings settings) {
        return ShapeInference.resolve(design.network(settings.resolution()));
    }

    /** The chain of a chain design, or each distinct chain of a network's blocks (by label and input). */
    static Map<String, KernelChain> chains(Design design, ResolvedNetwork network) {
        return design.accept(new Design.Visitor<>() {
            @Override
            public Map<String, KernelChain> chain(Design.ChainDesign c) {
                return Map.of(c.name().isEmpty() ? "chain" : c.name(), c.document().chain());
            }

            @Override
            public Map<String, KernelChain> network(Design.NetworkDesign n) {
                Map<String, KernelChain> chains = new LinkedHashMap<>();
                for (Layer.BlockLayer b : Blocks.all(network.root())) {
                    List<KernelChain> inBlock = b.template().chains(b.in());
                    for (int i = 0; i < inBlock.size(); i++) {
                        chains.putIfAbsent(b.template().label(b.in()) + (inBlock.size() > 1 ? ", chain " + (i + 1) : ""), inBlock.get(i));
                    }
                }
                return chains;
            }
        });
    }
}
