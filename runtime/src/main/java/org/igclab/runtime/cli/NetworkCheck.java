package org.igclab.runtime.cli;

import java.util.Arrays;
import java.util.List;
import org.igclab.analyzer.latency.LatencyModel;
import org.igclab.analyzer.latency.NetworkCorrection;

/** How well a model predicts the calibration's own whole networks, with and without its correction: what calibrate and latency-bench print. */
final class NetworkCheck {

    private NetworkCheck() {
    }

    /** {@code of its 20 networks, each predicted by the fit over the others, 19 within +-10% (the sums alone: 2)}. */
    static String describe(LatencyModel model) {
        List<NetworkCorrection.Sample> samples = model.networkSamples();
        long corrected = Arrays.stream(NetworkCorrection.leaveOneOut(samples)).filter(e -> Math.abs(e) <= 0.10).count();
        long summed = samples.stream().filter(s -> Math.abs(s.sumMs() / s.measuredMs() - 1) <= 0.10).count();
        double[] ratios = samples.stream().mapToDouble(s -> s.measuredMs() / s.sumMs()).sorted().toArray();
        return String.format("of its %d networks, each predicted by the fit over the others, %d within +-10%% (by the operations' sum "
                + "alone: %d; measured over summed from %.2f to %.2f)", samples.size(), corrected, summed, ratios[0], ratios[ratios.length - 1]);
    }
}
