package org.igclab.runtime.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.igclab.runtime.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A primitive's second timing is kept when quiet and faster, never otherwise, and no primitive is timed a third time. */
class SecondRoundStoreTest {
    private static LatencyStats timing(double ms, boolean noisy) {
        Interference verdict = new Interference(noisy ? Interference.Verdict.NOISY : Interference.Verdict.QUIET, 1, 0, 1, 0, 0, 2,
                noisy ? "busy" : "");
        return new LatencyStats("calibration", 1, 1, 1, 5, true, 10, ms, ms, ms, ms / 100, Stop.TARGET_MET, 1, verdict);
    }

    @Test
    void theFasterQuietTimingIsKeptAndEveryPointIsTimedTwiceAtMost(@TempDir Path dir) {
        TensorShape x = new TensorShape(16, 8, 8);
        Primitive slowFirst = Primitive.of(new Op.BatchNorm(), x);
        Primitive fastFirst = Primitive.of(new Op.Activation(Op.Activation.Kind.RELU), x);
        Primitive noisyFirst = Primitive.of(Op.Conv.same(16, 1, 1, 1), x);
        Primitive noisySecond = Primitive.of(Op.Conv.same(16, 3, 1, 16), x);
        try (ResultStore db = ResultStore.open(dir.resolve("r.db"))) {
            CalibrationStore store = new CalibrationStore(db);
            long id = store.begin(new CalibrationStore.Start(MachineInfo.fingerprint(), "test", "test", 1, 1, 4));
            store.addPoint(id, slowFirst, timing(2.0, false), 2.0);
            store.addPoint(id, fastFirst, timing(1.0, false), 1.0);
            store.addPoint(id, noisyFirst, timing(1.0, true), 1.0);
            store.addPoint(id, noisySecond, timing(3.0, false), 3.0);
            assertThat(store.notRetimed(id)).containsExactlyInAnyOrder(slowFirst.key(), fastFirst.key(), noisyFirst.key(), noisySecond.key());

            assertThat(store.retimeIfFaster(id, slowFirst, timing(1.5, false), 1.5)).isTrue();
            assertThat(store.retimeIfFaster(id, fastFirst, timing(1.2, false), 1.2)).isFalse();
            assertThat(store.retimeIfFaster(id, noisyFirst, timing(1.4, false), 1.4)).as("a quiet timing replaces a noisy one").isTrue();
            assertThat(store.retimeIfFaster(id, noisySecond, timing(2.0, true), 2.0)).as("a noisy timing never replaces a quiet one").isFalse();
            assertThat(store.notRetimed(id)).isEmpty();

            store.complete(id, 1e10, 1e11);
            Calibration c = store.get(id).orElseThrow();
            assertThat(c.points()).hasSize(4);
            assertThat(median(c, slowFirst)).isEqualTo(1.5);
            assertThat(median(c, fastFirst)).isEqualTo(1.0);
            assertThat(median(c, noisyFirst)).isEqualTo(1.4);
            assertThat(median(c, noisySecond)).isEqualTo(3.0);
            assertThat(c.points().stream().filter(Calibration.Point::noisy)).isEmpty();
        }
    }

    private static double median(Calibration c, Primitive p) {
        List<Calibration.Point> found = c.points().stream().filter(q -> q.primitive().equals(p)).toList();
        assertThat(found).hasSize(1);
        return found.get(0).ms(Calibration.Clock.WALL);
    }
}
