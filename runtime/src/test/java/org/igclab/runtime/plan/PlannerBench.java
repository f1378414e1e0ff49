package org.igclab.runtime.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.plan.Strategy;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.evaluate.LatencyView;
import org.igclab.runtime.evaluate.PlanView;
import org.igclab.runtime.latency.InterferenceRule;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.TimingPolicy;
import org.igclab.runtime.train.TrainingSettings;
import org.igclab.runtime.train.TrainingStepTiming;

/**
 * The planner's figures, side by side in one run (bench/planner.sh): every CIFAR sample's inference latency under each
 * execution and {@code auto}, and a training step under each training execution, at one batch size and one thread.
 * Writes {@code planner.json} (one object per figure) for the comparison with PyTorch eager. Not a test.
 *
 * <p>Arguments: the samples folder, the output folder, and optionally {@code --quick} (a few passes per figure, to
 * check the bench itself).
 */
public final class PlannerBench {
    static final int BATCH = 32;

    public static void main(String[] args) throws IOException {
        Path samples = Path.of(args[0]);
        Path out = Path.of(args[1]);
        boolean quick = args.length > 2 && args[2].equals("--quick");
        Files.createDirectories(out);
        Threads.apply(1, 1);
        TimingPolicy policy = quick ? TimingPolicy.defaults().withRuns(3, 4).withMaxWarmup(2).withAttempts(1) : TimingPolicy.defaults();
        InterferenceRule rule = InterferenceRule.defaults();
        List<Path> files;
        try (Stream<Path> s = Files.list(samples)) {
            // the IGCV2 K=8 sample first: its figures are the headline
            files = s.filter(p -> p.getFileName().toString().startsWith("cifar-")).sorted(Comparator.comparing(
                    (Path p) -> !p.getFileName().toString().contains("igcv2")).thenComparing(Path::toString)).toList();
        }
        System.out.printf("planner bench: batch %d, %s; %s%n%s%n", BATCH, Threads.current().describe(), MachineInfo.machine(), MachineInfo.engine());
        List<ObjectNode> figures = new ArrayList<>();
        TextTable inference = new TextTable("sample", ">designed ms", ">folded ms", ">merged ms", ">dense ms", ">auto ms", ">auto speedup",
                "best single", ">auto vs best", "noisy", "load 1m");
        StringBuilder plans = new StringBuilder();
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".json", "");
            ResolvedNetwork network = ShapeInference.resolve(DesignFiles.read(f).network(32));
            Map<Execution, LatencyStats> timed = new EnumMap<>(Execution.class);
            Map<Execution, Layout> layouts = new EnumMap<>(Execution.class);
            try (Instantiation inst = Instantiation.of(network, 42)) {
                for (Execution e : Execution.values()) {
                    PlanOutcome o = Planner.time(inst, e, Layout.AUTO, new Planner.Timing(BATCH, e == Execution.DENSE ? brief(policy) : policy, rule, 42),
                            share -> { }, () -> false);
                    o.latency().ifPresent(l -> timed.put(e, l));
                    layouts.put(e, o.layout());
                    o.latency().ifPresent(l -> figures.add(figure(name, "inference", l).put("layout", o.layout().label())));
                    if (e == Execution.AUTO) {
                        plans.append("# ").append(name).append('\n').append(PlanView.text(List.of(o)));
                    }
                    System.err.printf("%s %s (%s; %s): %s%n", name, e.label(), o.layout().label(),
                            o.layouts().map(PlanOutcome.Layouts::describe).orElse(""), o.latency().map(LatencyStats::summary).orElse(o.agreement().describe()));
                }
            }
            Optional<Map.Entry<Execution, LatencyStats>> best = timed.entrySet().stream().filter(x -> x.getKey() != Execution.AUTO)
                    .min(Comparator.comparingDouble(x -> x.getValue().medianMs()));
            LatencyStats auto = timed.get(Execution.AUTO);
            LatencyStats designed = timed.get(Execution.DESIGNED);
            inference.row(name, cell(timed, layouts, Execution.DESIGNED), cell(timed, layouts, Execution.FOLDED),
                    cell(timed, layouts, Execution.MERGED), cell(timed, layouts, Execution.DENSE), cell(timed, layouts, Execution.AUTO),
                    String.format("%.2fx", designed.medianMs() / auto.medianMs()), best.map(b -> b.getKey().label()).orElse("-"),
                    best.map(b -> String.format("%+.1f%%", 100 * (auto.medianMs() / b.getValue().medianMs() - 1))).orElse("-"),
                    timed.values().stream().anyMatch(LatencyStats::noisy) ? "yes" : "no", load(timed.values()));
        }
        System.out.println("\ninference, batch " + BATCH + " (median ms ± half-width of its 95% interval, the layout kept: each plan timed in nchw and channels last):");
        System.out.print(inference.render());
        System.out.println("auto speedup: designed / auto; auto vs best: auto against the fastest single strategy (negative: auto is faster)");
        System.out.println("\nauto's plans:");
        System.out.print(plans);

        TextTable training = new TextTable("sample", "execution", ">step ms", ">±", ">images/s", ">vs designed", "noisy", "load 1m");
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".json", "");
            ResolvedNetwork network = ShapeInference.resolve(DesignFiles.read(f).network(32));
            double designedMs = Double.NaN;
            for (Strategy s : new Strategy[] {Strategy.DESIGNED, Strategy.MERGED, Strategy.DENSE}) {
                TrainingSettings settings = new TrainingSettings("synthetic", 1, BATCH, 0.01, 0.9, 5e-4, 42, 0, 0, s);
                TimingPolicy p = s == Strategy.DENSE ? brief(policy) : policy;
                LatencyStats l = TrainingStepTiming.measure(network, settings, p, rule, share -> { }, () -> false);
                designedMs = s == Strategy.DESIGNED ? l.medianMs() : designedMs;
                figures.add(figure(name, "training", l));
                System.err.printf("%s training %s: %s%n", name, s.label(), l.summary());
                training.row(name, s.label(), String.format("%.1f", l.medianMs()), percent(l),
                        String.format("%.1f", l.imagesPerSecond()), String.format("%.2fx", designedMs / l.medianMs()), l.noisy() ? "yes" : "no",
                        load(List.of(l)));
            }
        }
        System.out.println("\ntraining step, batch " + BATCH + " (forward, cross-entropy, backward, momentum SGD update; random data; "
                + "merged and dense run channels last):");
        System.out.print(training.render());
        try (var w = Files.newBufferedWriter(out.resolve("planner.json"))) {
            w.write(JsonFields.pretty(JsonFields.MAPPER.valueToTree(figures)));
        }
    }

    /** For {@code dense}, whose passes take seconds and which is known to lose: fewer passes, one attempt (the bench stays under 15 minutes). */
    private static TimingPolicy brief(TimingPolicy policy) {
        return policy.withRuns(Math.min(5, policy.minRuns()), policy.maxRuns()).withMaxWarmup(Math.min(5, policy.maxWarmup())).withAttempts(1);
    }

    private static ObjectNode figure(String sample, String kind, LatencyStats l) {
        ObjectNode o = LatencyView.json(l);
        o.put("sample", sample).put("kind", kind);
        return o;
    }

    /** A median, its spread and the layout it ran in ({@code cl} channels last, {@code nchw}). */
    private static String cell(Map<Execution, LatencyStats> timed, Map<Execution, Layout> layouts, Execution e) {
        LatencyStats l = timed.get(e);
        return l == null ? "differs"
                : String.format("%.1f±%s %s", l.medianMs(), percent(l), layouts.get(e) == Layout.CHANNELS_LAST ? "cl" : "nchw");
    }

    /** The half-width in percent, or {@code ?} under 6 passes (no interval). */
    private static String percent(LatencyStats l) {
        return Double.isFinite(l.halfWidthPercent()) ? String.format("%.1f%%", l.halfWidthPercent()) : "?";
    }

    private static String load(Iterable<LatencyStats> timings) {
        double max = 0;
        for (LatencyStats l : timings) {
            max = Math.max(max, Math.max(l.interference().loadBefore(), l.interference().loadAfter()));
        }
        return String.format("up to %.1f", max);
    }
}
