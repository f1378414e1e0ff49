package org.igclab.runtime.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.CalibrationNetworks;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.igclab.runtime.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A calibration network's later rounds: each keeps the faster quiet timing, counts the round, and a round a network has
 * had is not due again (a resumed calibration times none twice). No timing here, synthetic figures.
 */
class NetworkRoundsTest {
    private static LatencyStats timing(double ms, boolean noisy) {
        Interference verdict = new Interference(noisy ? Interference.Verdict.NOISY : Interference.Verdict.QUIET, noisy ? 0.5 : 0.99,
                noisy ? 0.6 : 0, 1, 0.2, 0.2, 2, noisy ? "busy" : "");
        return new LatencyStats("calibration", 1, 1, 1, 5, true, 20, ms, ms, ms, ms / 100, Stop.TARGET_MET, 1, verdict);
    }

    @Test
    void laterRoundsKeepTheFasterQuietTimingAndAreCounted(@TempDir Path dir) {
        List<ResolvedNetwork> nets = CalibrationNetworks.all().stream().limit(3).map(ShapeInference::resolve).toList();
        ResolvedNetwork slowSpell = nets.get(0);
        ResolvedNetwork steady = nets.get(1);
        ResolvedNetwork noisyFirst = nets.get(2);
        try (ResultStore db = ResultStore.open(dir.resolve("r.db"))) {
            CalibrationStore store = new CalibrationStore(db);
            long id = store.begin(new CalibrationStore.Start(MachineInfo.fingerprint(), "test", "test", 1, 1, 3));
            store.addNetwork(id, slowSpell, timing(28.2, false), 28.2);
            store.addNetwork(id, steady, timing(5.0, false), 5.0);
            store.addNetwork(id, noisyFirst, timing(4.0, true), 4.0);
            assertThat(store.networkRounds(id)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    slowSpell.spec().name(), 1, steady.spec().name(), 1, noisyFirst.spec().name(), 1));
            assertThat(store.notRetimed(id)).as("networks are not primitives' second round").isEmpty();

            assertThat(store.networkRoundIfFaster(id, slowSpell, 2, timing(17.1, false), 17.1)).isTrue();
            assertThat(store.networkRoundIfFaster(id, steady, 2, timing(5.2, false), 5.2)).isFalse();
            assertThat(store.networkRoundIfFaster(id, noisyFirst, 2, timing(4.5, false), 4.5)).as("a quiet timing replaces a noisy one").isTrue();
            assertThat(store.networkRounds(id)).containsOnly(Map.entry(slowSpell.spec().name(), 2), Map.entry(steady.spec().name(), 2),
                    Map.entry(noisyFirst.spec().name(), 2));

            assertThat(store.networkRoundIfFaster(id, slowSpell, 3, timing(12.0, true), 12.0)).as("a noisy timing never replaces a quiet one").isFalse();
            assertThat(store.networkRoundIfFaster(id, steady, 3, timing(4.9, false), 4.9)).isTrue();
            assertThat(store.networkRounds(id).values()).containsOnly(2, 3);

            store.complete(id, 1e10, 1e11);
            Calibration c = store.get(id).orElseThrow();
            assertThat(c.networks()).hasSize(3).noneMatch(Calibration.NetworkPoint::noisy);
            assertThat(median(c, slowSpell)).isEqualTo(17.1);
            assertThat(median(c, steady)).isEqualTo(4.9);
            assertThat(median(c, noisyFirst)).isEqualTo(4.5);
        }
    }

    private static double median(Calibration c, ResolvedNetwork n) {
        return c.networks().stream().filter(p -> p.name().equals(n.spec().name())).findFirst().orElseThrow().medianMs();
    }
}
