package org.igclab.runtime.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.latency.Estimate;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.report.LatencyPredictionView;
import org.igclab.runtime.latency.LatencyStats;

/**
 * A design's predicted latency beside its measured one: the prediction's error and the measured time's efficiency
 * against the roofline bound (the bound over the measured median: 100% would be the machine's peak).
 *
 * @param batch      the batch both are for
 * @param predicted  the prediction and its bound
 * @param measuredMs the measured median
 * @param noisy      whether the measured median was taken under interference
 */
public record PredictionCheck(int batch, Estimate predicted, double measuredMs, boolean noisy) {

    /** Predicted over measured, minus one: +0.05 is a prediction 5% too slow. */
    public double error() {
        return predicted.ms() / measuredMs - 1;
    }

    /** The roofline bound over the measured median. */
    public double efficiency() {
        return predicted.boundMs() / measuredMs;
    }

    /** The lines {@code igc evaluate} prints: per measured batch the check, or why there is none. */
    public static List<String> lines(Predictor predictor, ResolvedNetwork network, List<LatencyStats> measured) {
        List<String> lines = new ArrayList<>();
        lines.add(LatencyPredictionView.source(predictor.calibration(), predictor.here()));
        LatencyPrediction p = predictor.predict(network);
        int batch = predictor.calibration().batch();
        // the model prices the design's own operations: compared with the design executed as written ("sparse" before plans)
        Optional<LatencyStats> same = measured.stream()
                .filter(m -> m.batch() == batch && (m.execution().equals("designed") || m.execution().equals("sparse"))).findFirst();
        if (same.isEmpty()) {
            lines.add(String.format("predicted %.3f ms at batch %d (roofline bound %.3f ms); not measured as designed at batch %d here "
                    + "(igc evaluate --execution designed,auto), so not compared",
                    p.total().ms(), batch, p.total().boundMs(), batch));
        } else {
            PredictionCheck c = new PredictionCheck(batch, p.total(), same.get().medianMs(), same.get().noisy());
            lines.add(String.format("batch %d: predicted %.3f ms (operations summed %.3f ms%s), measured %.3f ms%s: prediction %+.1f%%; "
                    + "roofline bound %.3f ms, efficiency %.1f%% of the machine's peak", batch, p.total().ms(), p.sum().ms(),
                    p.correction().isPresent() ? ", then the network correction" : "", c.measuredMs(), c.noisy() ? " (noisy)" : "",
                    100 * c.error(), p.total().boundMs(), 100 * c.efficiency()));
        }
        measured.stream().map(LatencyStats::batch).filter(b -> b != batch).distinct().forEach(b -> lines.add(
                "batch " + b + ": no prediction, the calibration is at batch " + batch + " (igc calibrate --batch " + b + ")"));
        return lines;
    }
}
