package org.igclab.runtime.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.junit.jupiter.api.Test;

/** Which of a calibration network's two timings is kept: no timing here, synthetic figures. */
class NetworkRoundsTest {

    private static PrimitiveTiming.Timed timed(double ms, boolean noisy) {
        Interference i = new Interference(noisy ? Interference.Verdict.NOISY : Interference.Verdict.QUIET, noisy ? 0.5 : 0.99, noisy ? 0.6 : 0,
                1, 0.2, 0.2, 2, noisy ? "busy" : "");
        return new PrimitiveTiming.Timed(new LatencyStats("calibration", 1, 1, 1, 5, true, 20, ms, ms, ms, ms / 100, Stop.TARGET_MET, 1, i), ms);
    }

    @Test
    void theFasterQuietTimingIsKept() {
        PrimitiveTiming.Timed slowSpell = timed(28.2, false);
        PrimitiveTiming.Timed again = timed(17.1, false);
        assertThat(Calibrator.faster(slowSpell, again)).isSameAs(again);
        assertThat(Calibrator.faster(again, slowSpell)).isSameAs(again);
        // a quiet timing stands before a faster noisy one, whichever round it came in
        PrimitiveTiming.Timed noisyFast = timed(15.0, true);
        assertThat(Calibrator.faster(noisyFast, slowSpell)).isSameAs(slowSpell);
        assertThat(Calibrator.faster(slowSpell, noisyFast)).isSameAs(slowSpell);
        // two noisy ones: the faster
        assertThat(Calibrator.faster(timed(20, true), noisyFast)).isSameAs(noisyFast);
        assertThat(Calibrator.NETWORK_ROUNDS).isEqualTo(2);
    }
}
