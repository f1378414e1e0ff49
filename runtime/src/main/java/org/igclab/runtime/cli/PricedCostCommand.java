package org.igclab.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.igclab.analyzer.cli.CostCommand;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.report.LatencyPredictionView;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.calibrate.Predictor;
import org.igclab.runtime.store.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code igc cost} with the runtime present: {@code --latency} predicts the latency per layer from this machine's calibration. */
@Command(name = "cost")
public class PricedCostCommand extends CostCommand {

    @Option(names = "--latency", description = "Predict the latency per operation and in total, with the roofline bound, from the "
            + "calibration of this machine in the results store (igc calibrate); no engine runs. Says which calibration, and "
            + "warns when it was made on another machine.")
    boolean latency;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "With --latency: prefer a calibration of N intra-op "
            + "threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() throws IOException {
        if (!latency) {
            return super.call();
        }
        PrintWriter out = spec().commandLine().getOut();
        PrintWriter err = spec().commandLine().getErr();
        Design design = design().namedAfter(file());
        Network network = resolution() == null ? design.network(32) : design.asNetwork(resolution());
        ResolvedNetwork resolved = DesignInputs.inFile(file(), () -> ShapeInference.resolve(network));
        try (ResultStore db = store.open(err)) {
            Predictor predictor = Predictor.load(db, threads, 1);
            LatencyPrediction p = predictor.predict(resolved);
            out.print(switch (chosenFormat()) {
                case JSON -> JsonFields.pretty(LatencyPredictionView.json(design.name(), p, predictor.calibration(), predictor.here()));
                case CSV -> LatencyPredictionView.csv(p);
                case TABLE -> LatencyPredictionView.text(design.name(), p, predictor.calibration(), predictor.here());
            });
            if (!predictor.sameMachine() && chosenFormat() != org.igclab.analyzer.cli.OutputFormat.Format.TABLE) {
                err.println(LatencyPredictionView.source(predictor.calibration(), predictor.here()));
            }
        }
        return IgcCli.OK;
    }
}
