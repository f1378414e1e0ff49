package org.igclab.runtime.calibrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.sweep.Space;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.engine.OpProfile;
import org.igclab.runtime.store.ResultStore;

/**
 * Each operation of the latency bench's designs timed inside its network ({@link OpProfile}) against the latency
 * model's price for it: where the model misses, by kind of operation and shape. Arguments: the store, then the
 * space files. Prints one line per design, then one per operation class over all designs.
 */
public final class OpProfileDiagnostic {
    public static void main(String[] args) throws Exception {
        List<Space> spaces = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            spaces.add(DesignInputs.space(Path.of(args[i])));
        }
        int designs = Integer.getInteger("designs", 50);
        // one intra-op thread, as the calibration and the latency bench time (the engine's default is one per core)
        org.igclab.runtime.engine.Threads.apply(1, org.igclab.runtime.engine.Threads.DEFAULT);
        try (ResultStore db = ResultStore.open(Path.of(args[0]))) {
            Predictor predictor = Predictor.load(db, 1, 1);
            Map<String, double[]> byClass = new TreeMap<>();
            List<AccuracyBench.Drawn> drawn = Boolean.getBoolean("calibrationNetworks")
                    ? org.igclab.analyzer.latency.CalibrationNetworks.all().stream()
                        .map(n -> new AccuracyBench.Drawn(n.name(), org.igclab.analyzer.network.ShapeInference.resolve(n))).toList()
                    : AccuracyBench.designs(spaces, designs, 300_000_000L);
            for (AccuracyBench.Drawn d : drawn) {
                LatencyPrediction p = LatencyPrediction.summed(d.network(), predictor.model());
                Map<String, LatencyPrediction.Row> rows = new HashMap<>();
                p.rows().forEach(r -> rows.put(r.path(), r));
                try (Instantiation inst = Instantiation.of(d.network(), 1)) {
                    OpProfile.Result r = OpProfile.measure(inst, 1, org.igclab.runtime.latency.TimingPolicy.defaults().withMaxSeconds(2),
                            org.igclab.runtime.latency.InterferenceRule.defaults(), x -> { }, () -> false);
                    double sumOps = 0;
                    double sumPred = 0;
                    for (int k = 0; k < r.ops().size(); k++) {
                        LatencyPrediction.Row row = rows.get(r.ops().get(k).path());
                        String key = row.op() + " " + row.primitive().in() + "->" + row.primitive().out();
                        double[] acc = byClass.computeIfAbsent(key, x -> new double[3]);
                        acc[0] += r.opMs()[k];
                        acc[1] += row.estimate().ms();
                        acc[2]++;
                        System.out.printf("OP\t%s\t%s\t%s\t%.5f\t%.5f\t%s\t%s%n", d.name(), r.ops().get(k).path(), key, r.opMs()[k],
                                row.estimate().ms(), row.estimate().basis(), org.igclab.analyzer.latency.LatencyModel.classOf(row.primitive()));
                        sumOps += r.opMs()[k];
                        sumPred += row.estimate().ms();
                    }
                    double joins = p.rows().stream().filter(x -> x.path().endsWith(".add") || x.path().endsWith(".mul")
                            || x.path().endsWith(".concat")).mapToDouble(x -> x.estimate().ms()).sum();
                    System.out.printf("pass %8.3f ops %8.3f (pred %8.3f, %+5.1f%%) rest %6.3f (joins pred %6.3f) %s%n", r.pass().medianMs(), sumOps,
                            sumPred, 100 * (sumPred / sumOps - 1), r.restMs(), joins, d.name());
                }
            }
            System.out.println("by class: measured in network, predicted, ratio, count");
            byClass.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).forEach(e ->
                    System.out.printf("%9.3f %9.3f %5.2f %4.0f %s%n", e.getValue()[0], e.getValue()[1], e.getValue()[1] / e.getValue()[0],
                            e.getValue()[2], e.getKey()));
        }
    }
}
