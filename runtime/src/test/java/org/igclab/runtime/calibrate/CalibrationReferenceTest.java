package org.igclab.runtime.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.ReferenceSpeed;
import org.igclab.runtime.latency.Stop;
import org.igclab.runtime.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A calibration's reference speed in the real SQLite store: its floor, each primitive's probe, re-timing, older stores. */
class CalibrationReferenceTest {
    private static final Fingerprint HERE = new Fingerprint("Reference Test CPU", 2, "DJL 0.36.0, PyTorch 2.7.1 (CPU)");
    private static final Primitive CONV = Primitive.of(Op.Conv.same(32, 3, 1, 32), new TensorShape(32, 16, 16));
    private static final Primitive ADD = Primitive.add(new TensorShape(32, 16, 16));

    /** A timing whose reference probe ran {@code probeMs} against a floor of 0.2 ms, noisy when that is over 1.15x. */
    private static LatencyStats timing(double median, double probeMs) {
        boolean slow = probeMs / 0.2 > 1.15;
        Interference i = new Interference(slow ? Interference.Verdict.NOISY : Interference.Verdict.QUIET, 0.99, 0, 1, 0.3, 0.3, 2,
                slow ? "the machine ran slow" : "", probeMs, 0.2);
        return new LatencyStats("calibration", 1, 1, 1, 10, true, 20, median, median * 0.9, median * 1.2, median * 0.02, Stop.TARGET_MET, 1, i);
    }

    private static CalibrationStore.Start start(int threads) {
        return new CalibrationStore.Start(HERE, "Linux amd64", "quick", 1, threads, 2);
    }

    @Test
    void theFloorOnlyGoesDownAndSlowPrimitivesAreTimedAgainOnce(@TempDir Path dir) {
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            CalibrationStore calibrations = new CalibrationStore(store);
            long id = calibrations.begin(start(1));
            assertThat(calibrations.referenceMs(id)).as("no probe yet").isNaN();
            calibrations.lowerReference(id, 0.25);
            calibrations.lowerReference(id, 0.30);
            calibrations.lowerReference(id, Double.NaN);
            assertThat(calibrations.referenceMs(id)).isEqualTo(0.25);
            calibrations.lowerReference(id, 0.20);
            assertThat(calibrations.referenceMs(id)).isEqualTo(0.20);

            // timed at 0.22 ms (1.1x of the final floor: quiet) and 0.30 ms (1.5x: slow, stored noisy)
            calibrations.addPoint(id, CONV, timing(1.0, 0.22), 0.9);
            calibrations.addPoint(id, ADD, timing(0.05, 0.30), 0.04);
            assertThat(calibrations.slowPoints(id, 0.20 * 1.15)).containsOnlyKeys(ADD.key()).containsEntry(ADD.key(), true);
            // a lower floor found later makes the first one slow too
            assertThat(calibrations.slowPoints(id, 0.18 * 1.15)).containsOnlyKeys(ADD.key(), CONV.key());

            calibrations.retimePoint(id, ADD, timing(0.03, 0.21), 0.03);
            assertThat(calibrations.slowPoints(id, 0.20 * 1.15)).as("timed again: never a third time").isEmpty();
            calibrations.complete(id, 4e10, 5e9);
            var c = calibrations.get(id).orElseThrow();
            assertThat(c.points()).hasSize(2);
            assertThat(c.points().get(1).medianMs()).as("the new timing replaced the slow one").isEqualTo(0.03);
            assertThat(c.points().get(1).noisy()).isFalse();
        }
    }

    @Test
    void thisMachinesCalibrationsGiveTheProcessTheirFloorsByThreads(@TempDir Path dir) {
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            CalibrationStore calibrations = new CalibrationStore(store);
            long running = calibrations.begin(start(97));
            calibrations.lowerReference(running, 0.001);
            assertThat(calibrations.adoptReferences(HERE)).as("an unfinished calibration gives nothing").isZero();
            long id = calibrations.begin(start(98));
            calibrations.lowerReference(id, 0.123);
            calibrations.complete(id, 4e10, 5e9);
            assertThat(calibrations.adoptReferences(new Fingerprint("Other CPU", 2, HERE.engine()))).isZero();
            assertThat(calibrations.adoptReferences(HERE)).isEqualTo(1);
            assertThat(ReferenceSpeed.process(98).floorMs()).isEqualTo(0.123);
            assertThat(ReferenceSpeed.process(97).floorMs()).isNaN();
        }
    }

    @Test
    void aVersionSixStoreGainsTheReferenceColumnsAndKeepsItsCalibrations(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("v6.db");
        long id;
        try (ResultStore store = ResultStore.open(file)) {
            CalibrationStore calibrations = new CalibrationStore(store);
            id = calibrations.begin(start(1));
            calibrations.addPoint(id, CONV, timing(1.0, 0.3), 0.9);
            calibrations.complete(id, 4e10, 5e9);
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            s.execute("ALTER TABLE calibrations DROP COLUMN reference_ms");
            s.execute("ALTER TABLE calibration_points DROP COLUMN probe_ms");
            s.execute("ALTER TABLE calibration_points DROP COLUMN retimed");
            s.execute("ALTER TABLE latency DROP COLUMN probe_ms");
            s.execute("ALTER TABLE latency DROP COLUMN reference_ms");
            s.execute("UPDATE meta SET value = '6' WHERE key = 'schema'");
        }
        try (ResultStore store = ResultStore.open(file)) {
            CalibrationStore calibrations = new CalibrationStore(store);
            assertThat(calibrations.get(id)).isPresent();
            assertThat(calibrations.referenceMs(id)).as("measured before the probe").isNaN();
            assertThat(calibrations.slowPoints(id, 0)).as("no probe: never judged slow").isEmpty();
            calibrations.lowerReference(id, 0.2);
            assertThat(calibrations.referenceMs(id)).isEqualTo(0.2);
        }
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = db.createStatement()) {
            assertThat(s.executeQuery("SELECT value FROM meta WHERE key = 'schema'").getString(1)).isEqualTo(String.valueOf(ResultStore.SCHEMA_VERSION));
            assertThat(s.executeQuery("SELECT count(*) FROM pragma_table_info('latency') WHERE name IN ('probe_ms', 'reference_ms')").getInt(1))
                    .isEqualTo(2);
        }
    }
}
