package org.igclab.runtime.calibrate;

import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.LatencyModel;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.store.ResultStore;

/**
 * The latency model of this machine, from the best calibration in a results store ({@link CalibrationStore#best}): what
 * {@code igc cost --latency}, {@code igc evaluate}, {@code igc sweep} and {@code igc budget} predict with.
 *
 * @param model the model
 * @param here  this machine's fingerprint, to say when the calibration is another machine's
 */
public record Predictor(LatencyModel model, Fingerprint here) {

    /**
     * The model from the newest complete calibration fitting this machine, these threads and this batch.
     *
     * @throws InputException (exit code 2) when the store has no complete calibration
     */
    public static Predictor load(ResultStore store, int threads, int batch) {
        Fingerprint here = MachineInfo.fingerprint();
        Calibration c = new CalibrationStore(store).best(here, threads, batch).orElseThrow(() -> new InputException(
                "no calibration in " + store.file() + ": run igc calibrate (a few minutes; igc calibrate --quick for a first one)"));
        return new Predictor(new LatencyModel(c), here);
    }

    public Calibration calibration() {
        return model.calibration();
    }

    public boolean sameMachine() {
        return calibration().fingerprint().equals(here);
    }

    public LatencyPrediction predict(ResolvedNetwork network) {
        return LatencyPrediction.of(network, model);
    }
}
