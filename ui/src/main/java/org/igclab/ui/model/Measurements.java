package org.igclab.ui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.evaluate.StoredEvaluation;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.train.StoredTraining;

/**
 * What the results store has measured, by design hash ({@link org.igclab.analyzer.design.DesignIdentity}): the newest
 * finished evaluation's median latency at batch 1 that was measured quiet (or, when every one was noisy or unchecked,
 * the newest, marked noisy), and the newest finished training's test accuracy.
 */
public final class Measurements {
    public static final Measurements NONE = new Measurements(Map.of());

    /** A design's measurements; either may be missing. */
    public record Measured(MeasuredLatency latency, Double accuracy) {
        static final Measured NOTHING = new Measured(null, null);
    }

    private final Map<String, Measured> byHash;

    private Measurements(Map<String, Measured> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** Reads the store; a store that does not exist yet is not created (merely looking must not leave a file behind). */
    public static Measurements load(Path store) {
        if (store == null || !Files.isRegularFile(store)) {
            return NONE;
        }
        Map<String, Measured> found = new HashMap<>();
        try (ResultStore s = ResultStore.open(store)) {
            // newest first: the first value seen for a design is the one kept
            for (RunRecord r : s.list(new RunQuery(null, null, "done", 0))) {
                Measured m = found.getOrDefault(r.designHash(), Measured.NOTHING);
                Optional<LatencyStats> b1 = r.latency(1).filter(l -> Double.isFinite(l.medianMs()));
                boolean better = m.latency() == null || m.latency().noisy() && b1.map(LatencyStats::trusted).orElse(false);
                if (StoredEvaluation.KIND.equals(r.kind()) && b1.isPresent() && better) {
                    found.put(r.designHash(), new Measured(new MeasuredLatency(b1.get().medianMs(), !b1.get().trusted()), m.accuracy()));
                } else if (StoredTraining.KIND.equals(r.kind()) && m.accuracy() == null && r.accuracy() != null) {
                    found.put(r.designHash(), new Measured(m.latency(), r.accuracy()));
                }
            }
        }
        return new Measurements(found);
    }

    /**
     * The rows with what the store holds of them now, in the same order: the identity hash of a design is computed where
     * the row has none yet (it serializes the design).
     */
    public List<DesignRow> join(List<DesignRow> rows, NetworkTemplate template) {
        List<DesignRow> joined = new java.util.ArrayList<>(rows.size());
        for (DesignRow row : rows) {
            String hash = row.hash() != null ? row.hash() : DesignIdentity.of(template.design(row.design().shape())).hash();
            joined.add(row.measured(hash, of(hash)));
        }
        return joined;
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    public int size() {
        return byHash.size();
    }

    public Measured of(String hash) {
        return hash == null ? Measured.NOTHING : byHash.getOrDefault(hash, Measured.NOTHING);
    }
}
