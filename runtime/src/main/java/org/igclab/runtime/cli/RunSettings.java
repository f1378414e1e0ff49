package org.igclab.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.text.TextTable;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.train.StoredTraining;

/** How {@code igc results} shows a run's settings, its checkpoint folder and its times. */
final class RunSettings {
    /** Where {@code igc train} and measured sweeps put checkpoints unless told otherwise. */
    static final String CHECKPOINT_ROOT = "igc-checkpoints";

    private RunSettings() {
    }

    /** The settings as stored, parsed; a text that is not JSON is kept as text. */
    static JsonNode json(RunRecord r) {
        try {
            return JsonFields.MAPPER.readTree(r.settingsJson());
        } catch (IOException e) {
            return JsonFields.MAPPER.getNodeFactory().textNode(r.settingsJson());
        }
    }

    /** {@code fashion-mnist, 10 epochs, batch 128, train 2,000 / test all} or {@code batches 1,32, 1 thread, sparse}. */
    static String brief(RunRecord r) {
        JsonNode s = json(r);
        if (!s.isObject()) {
            return s.asText();
        }
        List<String> parts = new ArrayList<>();
        if (s.has("epochs")) {
            parts.add(s.path("dataset").asText("?"));
            parts.add(TextTable.count(s.get("epochs").asLong(), "epoch"));
            parts.add("batch " + s.path("batchSize").asText("?"));
            parts.add("train " + limit(s.path("trainLimit")) + " / test " + limit(s.path("testLimit")));
        } else {
            if (s.has("batches")) {
                List<String> batches = new ArrayList<>();
                s.get("batches").forEach(b -> batches.add(b.asText()));
                parts.add("batches " + String.join(",", batches));
            }
            if (s.has("threads")) {
                parts.add(s.get("threads").asInt() == 0 ? "default threads" : TextTable.count(s.get("threads").asLong(), "thread"));
            }
            if (s.has("executions")) {
                List<String> executions = new ArrayList<>();
                s.get("executions").forEach(e -> executions.add(e.asText().toLowerCase(java.util.Locale.ROOT)));
                parts.add(String.join("+", executions));
            }
        }
        return String.join(", ", parts);
    }

    private static String limit(JsonNode n) {
        return n.isMissingNode() || n.asLong() == 0 ? "all" : TextTable.grouped(n.asLong());
    }

    /**
     * A training's checkpoint folder: the one stored with the run; for a run of a store before schema 6, which did not
     * store it, the folder {@code igc train} names by default under the folder it ran in ({@link #derivedCheckpoint});
     * empty for an evaluation.
     */
    static Optional<String> checkpointFolder(RunRecord r) {
        if (!r.kind().equals("train")) {
            return Optional.empty();
        }
        if (r.checkpointDir() != null) {
            return Optional.of(r.checkpointDir());
        }
        if (r.designHash() == null || r.settingsHash() == null) {
            return Optional.empty();
        }
        return Optional.of(CHECKPOINT_ROOT + "/" + StoredTraining.defaultCheckpointName(r.designHash(), r.settingsHash()));
    }

    /** Whether {@link #checkpointFolder} is derived rather than stored: a training of a store before schema 6. */
    static boolean derivedCheckpoint(RunRecord r) {
        return r.kind().equals("train") && r.checkpointDir() == null;
    }

    /** An ISO-8601 instant to the second ({@code 2026-11-30T20:32:33Z}); a text that is not one is shown as it is. */
    static String toSecond(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
