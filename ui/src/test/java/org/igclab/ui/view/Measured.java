package org.igclab.ui.view;

import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.runtime.evaluate.StoredEvaluation;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.train.StoredTraining;

/** Runs written into a real results store, as an evaluation or a training would leave them. */
final class Measured {

    private Measured() {
    }

    /** A finished latency evaluation of the design at batch 1. */
    static void latency(Path db, Design design, double ms, boolean noisy) {
        Interference.Verdict verdict = noisy ? Interference.Verdict.NOISY : Interference.Verdict.QUIET;
        LatencyStats b1 = new LatencyStats("sparse", 1, 1, 1, 10, true, 30, ms, ms, ms, ms * 0.01, Stop.TARGET_MET, 1,
                new Interference(verdict, 0.99, 0, 1, 0.5, 0.5, 2, noisy ? "busy" : ""));
        try (ResultStore store = ResultStore.open(db)) {
            long run = store.begin(new org.igclab.runtime.store.RunStart(StoredEvaluation.KIND, design.name(), DesignIdentity.of(design).hash(), "{}", "{}", "s", 1, 1, "m", "e"));
            store.finishEvaluation(run, 1L, List.of(b1), "{}");
        }
    }

    /** A finished training with a test accuracy. */
    static void accuracy(Path db, Design design, double accuracy) {
        try (ResultStore store = ResultStore.open(db)) {
            long run = store.begin(new org.igclab.runtime.store.RunStart(StoredTraining.KIND, design.name(), DesignIdentity.of(design).hash(), "{}", "{}", "t", 1, 1, "m", "e"));
            store.finish(run, 1L, accuracy, "{}");
        }
    }
}
