package org.igclab.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import org.igclab.analyzer.cli.InputException;
import org.igclab.analyzer.latency.OpLatency;
import org.igclab.analyzer.report.LatencyPredictionView;
import org.igclab.runtime.calibrate.CalibrationStore;
import org.igclab.runtime.calibrate.Predictor;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.store.ResultStore;

/** The latency model the commands predict with ({@code latency_pred}), loaded from the results store. */
final class Calibrated {

    private Calibrated() {
    }

    /**
     * Gives this process the reference speeds of this machine's calibrations in the store, so that the timings it takes
     * are judged against them ({@link CalibrationStore#adoptReferences}); without one, against its own probes' floor.
     */
    static void adoptReferences(ResultStore db) {
        new CalibrationStore(db).adoptReferences(MachineInfo.fingerprint());
    }

    /**
     * This machine's model for {@code threads} and {@code batch} where the store exists and holds a calibration, its
     * reference speeds adopted as {@link #adoptReferences} does; empty otherwise. Never creates a store.
     */
    static Optional<Predictor> ifCalibrated(StoreOption store, int threads, int batch, PrintWriter err) {
        if (!Files.exists(store.path())) {
            return Optional.empty();
        }
        try (ResultStore db = store.open(err)) {
            adoptReferences(db);
            return Optional.of(Predictor.load(db, threads, batch));
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    /**
     * This machine's model, saying on {@code err} which calibration it comes from (and when it is another machine's).
     * No calibration in the store is bad input (exit code 2): "run igc calibrate".
     */
    static OpLatency model(StoreOption store, int threads, PrintWriter err) {
        try (ResultStore db = store.open(err)) {
            Predictor predictor = Predictor.load(db, threads, 1);
            err.println(LatencyPredictionView.source(predictor.calibration(), predictor.here()));
            return predictor.model();
        }
    }
}
