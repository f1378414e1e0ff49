package org.igclab.ui.model;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.calibrate.CalibrationStore;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.igclab.runtime.store.ResultStore;

/** A complete calibration written into a real results store, nothing timed: each operation of some networks is priced by a rule. */
public final class SyntheticCalibration {
    private SyntheticCalibration() {
    }

    /** Calibrates {@code machine} on the operations of {@code networks}: 5 us plus 0.2 ns per MAC each, quiet. */
    public static Path write(Path store, Fingerprint machine, List<Network> networks) {
        Set<Primitive> grid = new LinkedHashSet<>();
        for (Network n : networks) {
            for (Layer.OpLayer op : ShapeInference.resolve(n).ops()) {
                grid.add(Primitive.of(op.op(), op.in()));
            }
        }
        try (ResultStore s = ResultStore.open(store)) {
            CalibrationStore calibrations = new CalibrationStore(s);
            long id = calibrations.begin(new CalibrationStore.Start(machine, "test machine", "designs' own operations", 1, 1, grid.size()));
            Interference quiet = new Interference(Interference.Verdict.QUIET, 1, 0, 1, 0, 0, 2, "");
            for (Primitive p : grid) {
                double ms = 0.005 + 2e-7 * p.macs();
                calibrations.addPoint(id, p, new LatencyStats("calibration", 1, 1, 1, 5, true, 10, ms, ms, ms, ms / 50, Stop.TARGET_MET, 1, quiet), ms);
            }
            calibrations.complete(id, 1e10, 1e11);
        }
        return store;
    }
}
