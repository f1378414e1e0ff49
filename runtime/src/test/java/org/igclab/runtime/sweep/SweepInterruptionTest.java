package org.igclab.runtime.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.sweep.SpaceJson;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.runtime.evaluate.EvaluationSettings;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.igclab.runtime.store.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A measured sweep stopped in the middle of a design leaves that design interrupted, never running, and says where it stopped. */
class SweepInterruptionTest {
    static final String SPACE = """
            {"format": "igc-space/1", "name": "tiny chains",
             "template": {"format": "igc-network/1", "input": {"channels": "${C}", "size": 8},
                          "layers": [{"type": "igcv2", "groupSizes": [1, "${K}", "${C / K}"]}]},
             "grid": {"C": [16, 32], "K": [2, 4]}}""";

    @Test
    void aStopDuringTheSecondDesignLeavesItInterruptedAndTheFirstDone(@TempDir Path dir) {
        Sweep sweep = Sweep.run(SpaceJson.parse(SPACE, dir), ProgressListener.NONE);
        EvaluationSettings settings = EvaluationSettings.defaults().withBatches(List.of(1));
        try (ResultStore store = ResultStore.open(dir.resolve("r.db"))) {
            // polled between timed passes: true once one design is done and the next one has begun
            BooleanSupplier stop = () -> !runs(store, "done").isEmpty() && !runs(store, ResultStore.RUNNING).isEmpty();
            StringWriter err = new StringWriter();
            assertThatThrownBy(() -> SweepMeasurement.latency(sweep, settings, store, new PrintWriter(err), stop))
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("interrupted at design 2 of 4")
                    .hasMessageContaining("the same command continues the sweep");
            assertThat(runs(store, "done")).hasSize(1);
            assertThat(runs(store, ResultStore.INTERRUPTED)).singleElement()
                    .satisfies(r -> assertThat(r.latency()).isEmpty());
            assertThat(runs(store, ResultStore.RUNNING)).isEmpty();
        }
    }

    static List<RunRecord> runs(ResultStore store, String status) {
        return store.list(new RunQuery("evaluate", null, status, 0));
    }
}
