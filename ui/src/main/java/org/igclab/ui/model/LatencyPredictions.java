package org.igclab.ui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.LatencyModel;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.calibrate.CalibrationStore;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.store.ResultStore;

/**
 * The designs' predicted latency ({@code latency_pred}), from the results store's calibration as {@code igc cost --latency}
 * and {@code igc sweep} predict it: the newest complete calibration of this machine at batch 1 and one thread (what the
 * explorer's evaluations measure), else one of another machine, which every view then says. A store without a
 * calibration predicts nothing.
 *
 * @param model        the latency model, empty without a calibration
 * @param otherMachine the calibration is another machine's (or engine's)
 */
public record LatencyPredictions(Optional<LatencyModel> model, boolean otherMachine) {
    public static final LatencyPredictions NONE = new LatencyPredictions(Optional.empty(), false);

    /** Reads the store's calibration; a store that does not exist yet is not created. */
    public static LatencyPredictions load(Path store) {
        if (store == null || !Files.isRegularFile(store)) {
            return NONE;
        }
        try (ResultStore s = ResultStore.open(store)) {
            CalibrationStore calibrations = new CalibrationStore(s);
            if (calibrations.describeAll().isEmpty()) {
                return NONE; // nothing to choose from: the engine that fingerprints this machine need not load
            }
            Fingerprint here = MachineInfo.fingerprint();
            Optional<Calibration> best = calibrations.best(here, 1, 1);
            return best.map(c -> new LatencyPredictions(Optional.of(new LatencyModel(c)), !c.fingerprint().equals(here))).orElse(NONE);
        }
    }

    /**
     * Each design's prediction by its group sizes, costed as the template makes it (a bare chain on {@code side x side},
     * or the whole network); empty without a calibration.
     */
    public Map<String, PredictedLatency> of(List<DesignRow> rows, NetworkTemplate template, int side, BooleanSupplier stale) {
        return of(rows, template, side, stale, ProgressListener.NONE);
    }

    /** The same, saying how many designs are predicted so far (thousands under a network template take a while). */
    public Map<String, PredictedLatency> of(List<DesignRow> rows, NetworkTemplate template, int side, BooleanSupplier stale,
                                            ProgressListener progress) {
        Map<String, PredictedLatency> predicted = new HashMap<>();
        if (model.isEmpty()) {
            return predicted;
        }
        for (DesignRow row : rows) {
            if (stale.getAsBoolean()) {
                throw new CancellationException("superseded by newer values");
            }
            var network = ShapeInference.resolve(template.design(row.design().shape()).network(side));
            double ms = LatencyPrediction.of(network, model.get()).total().ms();
            predicted.put(row.groupSizes(), new PredictedLatency(ms, otherMachine));
            progress.progress(predicted.size(), rows.size());
        }
        return predicted;
    }

    /** The rows with their predictions, in the same order; null when none changes. */
    static List<DesignRow> apply(List<DesignRow> rows, Map<String, PredictedLatency> predicted) {
        boolean changed = false;
        List<DesignRow> out = new java.util.ArrayList<>(rows.size());
        for (DesignRow r : rows) {
            PredictedLatency p = predicted.get(r.groupSizes());
            changed |= !java.util.Objects.equals(p, r.predicted());
            out.add(p == null ? r : r.predicted(p));
        }
        return changed ? out : null;
    }
}
