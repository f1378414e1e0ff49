package org.igclab.runtime.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.CalibrationNetworks;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibrations in the real SQLite store: stored per primitive, never twice, used only once complete, found by machine. */
class CalibrationStoreTest {
    private static final Fingerprint HERE = new Fingerprint("Test CPU", 2, "DJL 0.36.0, PyTorch 2.7.1 (CPU)");
    private static final Fingerprint ELSEWHERE = new Fingerprint("Other CPU", 64, "DJL 0.36.0, PyTorch 2.7.1 (CPU)");
    private static final Primitive CONV = Primitive.of(Op.Conv.same(32, 3, 1, 32), new TensorShape(32, 16, 16));
    private static final Primitive ADD = Primitive.add(new TensorShape(32, 16, 16));

    private static LatencyStats timing(double median, boolean noisy) {
        Interference i = noisy ? new Interference(Interference.Verdict.NOISY, 0.5, 0.6, 5, 4, 4, 2, "5 runnable threads on 2 processors")
                : new Interference(Interference.Verdict.QUIET, 0.99, 0, 1, 0.3, 0.3, 2, "");
        return new LatencyStats("calibration", 1, 1, 1, 10, true, 20, median, median * 0.9, median * 1.2, median * 0.02, Stop.TARGET_MET, 1, i);
    }

    private static CalibrationStore.Start start(Fingerprint f) {
        return new CalibrationStore.Start(f, "Linux amd64", "quick", 1, 1, 2);
    }

    @Test
    void aCalibrationIsUsedOnlyOnceCompleteAndAPrimitiveIsStoredOnce(@TempDir Path dir) {
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            CalibrationStore calibrations = new CalibrationStore(store);
            long id = calibrations.begin(start(HERE));
            calibrations.addPoint(id, CONV, timing(0.25, false), 0.2);
            assertThat(calibrations.best(HERE, 1, 1)).as("running: never used").isEmpty();
            // an interrupted run continued: the same calibration, the stored primitive skipped, a second store of it ignored
            assertThat(calibrations.unfinished(start(HERE))).contains(id);
            assertThat(calibrations.unfinished(start(ELSEWHERE))).isEmpty();
            assertThat(calibrations.timedKeys(id)).containsExactly(CONV.key());
            calibrations.addPoint(id, CONV, timing(99, false), 98);
            calibrations.addPoint(id, ADD, timing(0.01, true), Double.NaN);
            ResolvedNetwork net = ShapeInference.resolve(CalibrationNetworks.all().get(0));
            calibrations.addNetwork(id, net, timing(3.5, false), 3.4);
            calibrations.addNetwork(id, net, timing(99, false), 98);
            assertThat(calibrations.timedKeys(id)).contains(net.spec().name());
            calibrations.complete(id, 4e10, 5e9);

            Calibration c = calibrations.best(HERE, 1, 1).orElseThrow();
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.fingerprint()).isEqualTo(HERE);
            assertThat(c.points()).extracting(Calibration.Point::primitive).containsExactly(CONV, ADD);
            assertThat(c.points().get(0).medianMs()).isEqualTo(0.25);
            assertThat(c.points().get(0).ms(Calibration.Clock.CPU)).isEqualTo(0.2);
            assertThat(c.points().get(1).ms(Calibration.Clock.CPU)).as("no CPU time recorded: the wall time").isEqualTo(0.01);
            assertThat(c.points().get(1).noisy()).isTrue();
            assertThat(c.networks()).containsExactly(new Calibration.NetworkPoint(net.spec().name(), 3.5, false, 3.4));
            assertThat(c.peakMacsPerSecond()).isEqualTo(4e10);
            assertThat(calibrations.unfinished(start(HERE))).isEmpty();
        }
    }

    @Test
    void theNewestCalibrationOfThisMachineComesFirstAndAnotherMachinesOnlyWithoutOne(@TempDir Path dir) {
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            CalibrationStore calibrations = new CalibrationStore(store);
            long there = calibrations.begin(start(ELSEWHERE));
            calibrations.complete(there, 1e12, 1e11);
            assertThat(calibrations.best(HERE, 1, 1)).map(Calibration::id).as("only another machine's").contains(there);
            long here = calibrations.begin(start(HERE));
            calibrations.complete(here, 4e10, 5e9);
            long later = calibrations.begin(start(ELSEWHERE));
            calibrations.complete(later, 1e12, 1e11);
            assertThat(calibrations.best(HERE, 1, 1)).map(Calibration::id).contains(here);
            assertThat(calibrations.best(HERE, 4, 32)).map(Calibration::id).as("this machine's, other settings").contains(here);
        }
    }

    @Test
    void aVersionFourStoreGainsTheCalibrationTablesAndKeepsItsRuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v4.db");
        try (ResultStore store = ResultStore.open(file)) {
            store.begin(new RunStart("evaluate", "kept", "h", "{}", "{}", "s", 1, 1, "m", "e"));
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            s.execute("DROP TABLE calibration_points");
            s.execute("DROP TABLE calibrations");
            s.execute("UPDATE meta SET value = '4' WHERE key = 'schema'");
        }
        try (ResultStore store = ResultStore.open(file)) {
            assertThat(store.list(new org.igclab.runtime.store.RunQuery(null, null, null, 0))).extracting(r -> r.designName()).containsExactly("kept");
            CalibrationStore calibrations = new CalibrationStore(store);
            long id = calibrations.begin(start(HERE));
            calibrations.addPoint(id, CONV, timing(0.25, false), 0.2);
            calibrations.complete(id, 4e10, 5e9);
            assertThat(calibrations.best(HERE, 1, 1)).isPresent();
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            assertThat(s.executeQuery("SELECT value FROM meta WHERE key = 'schema'").getString(1)).isEqualTo(String.valueOf(ResultStore.SCHEMA_VERSION));
        }
        assertThat(ResultStore.SCHEMA_VERSION).as("the calibration tables came with version 5").isGreaterThanOrEqualTo(5);
    }
}
