package org.igclab.runtime.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.engine.GracefulStop;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.Heartbeat;
import org.igclab.runtime.store.Liveness;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunStart;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.store.StoreException;

/**
 * A training run kept in the results store and a checkpoint folder: new, resumed after an interruption (even a
 * killed process), or refused when it would silently overwrite a checkpoint. The checkpoint is the truth about where
 * a run stands and holds its learning curve; the store's epoch rows follow it, so a run killed between the two, or
 * held up by a locked store, still resumes, and its missing rows are written then.
 */
public final class StoredTraining {
    public static final String KIND = "train";

    /** What to do with a checkpoint found for the same design and settings. */
    public enum Existing {
        /** Refuse to overwrite it; start a new run when there is none. */
        REFUSE,
        /** Continue it; refuse when there is none ({@code --resume}). */
        RESUME,
        /** Start over, replacing it. */
        RESTART,
        /** Continue it when there is one, else start a new run (measured sweeps, the explorer). */
        CONTINUE
    }

    private StoredTraining() {
    }

    /** The network trained: a network design as written; a bare chain is not a classifier. */
    public static ResolvedNetwork network(Design design) {
        return design.accept(new Design.Visitor<>() {
            @Override
            public ResolvedNetwork chain(Design.ChainDesign c) {
                throw new DatasetException("a bare chain is not a classifier; train a network that uses it (e.g. a cifar skeleton "
                        + "with an igcv2 block, see samples/networks)");
            }

            @Override
            public ResolvedNetwork network(Design.NetworkDesign n) {
                return ShapeInference.resolve(n.network());
            }
        });
    }

    public static String settingsJson(TrainingSettings settings) {
        try {
            return JsonFields.MAPPER.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default checkpoint folder: one per design and settings under {@code root}. */
    public static Path defaultCheckpointDir(Path root, Design design, TrainingSettings settings) {
        return root.resolve(defaultCheckpointName(DesignIdentity.of(design).hash(), DesignIdentity.sha256(settingsJson(settings))));
    }

    /** The default checkpoint folder's name for a design hash and a settings hash, as a stored run has them. */
    public static String defaultCheckpointName(String designHash, String settingsHash) {
        return designHash.substring(0, Math.min(12, designHash.length())) + "-" + settingsHash.substring(0, Math.min(8, settingsHash.length()));
    }

    /**
     * Trains and records a run: new, continued from its checkpoint ({@link Existing#RESUME}), or started over.
     *
     * @param stop polled between steps; when it turns true the run saves a checkpoint where it stands, is stored as
     *             {@code interrupted}, and the result is not {@linkplain Training.Result#completed() completed}
     * @throws CancellationException when the stop came before the run began (nothing was stored)
     */
    @SuppressWarnings("try") // the heartbeat beats on its own thread while the body runs
    public static Training.Result run(Design design, ImageDataset data, TrainingSettings settings, Path checkpointDir,
                                      Existing existing, ResultStore store, TrainingListener listener, BooleanSupplier stop)
            throws IOException {
        ResolvedNetwork network = network(design);
        Training.requireCompatible(network, data);
        DesignIdentity id = DesignIdentity.of(design);
        String settingsJson = settingsJson(settings);
        String settingsHash = DesignIdentity.sha256(settingsJson);
        Checkpoint checkpoint = new Checkpoint(checkpointDir);
        Checkpoint.State state = checkpoint.state().orElse(null);
        Checkpoint.State found = usable(state, id.hash(), settingsHash, settingsJson, existing, settings, store, checkpointDir);
        if (stop.getAsBoolean()) {
            throw new CancellationException("interrupted before the training began; nothing was stored");
        }
        long runId;
        Checkpoint.State from;
        if (found != null) {
            runId = found.runId();
            from = found.curve() != null ? found : withCurve(found, store.epochs(runId));
            store.reopen(runId);
        } else {
            if (state != null) {
                checkpoint.clear();
            }
            NetworkCost cost = CostModel.of(network);
            runId = store.begin(RunStart.here(KIND, design, settingsJson, cost));
            from = Checkpoint.State.start(id.hash(), settingsHash, runId);
        }
        store.checkpointDir(runId, checkpointDir);
        EpochRows rows = new EpochRows(store, runId, checkpoint, listener);
        rows.addAll(from.curve());
        try (Heartbeat beat = store.heartbeat(runId)) {
            Training.Result result = Training.train(network, data, settings, checkpoint, from, rows, stop);
            if (result.completed()) {
                rows.flush();
                store.finish(runId, result.engineParams(), result.testAccuracy(), JsonFields.pretty(report(result, settings)));
                checkpoint.prune();
            } else {
                rows.tryFlush();
                store.end(runId, ResultStore.INTERRUPTED, interruption(result, settings, stop));
            }
            return result;
        } catch (RuntimeException | IOException e) {
            try {
                store.end(runId, "failed", String.valueOf(e.getMessage()));
            } catch (StoreException locked) {
                e.addSuppressed(locked);
            }
            throw e;
        }
    }

    /**
     * The checkpoint to continue, or null to start a new run; refuses what would lose work or mix runs.
     */
    private static Checkpoint.State usable(Checkpoint.State state, String designHash, String settingsHash, String settingsJson,
                                           Existing existing, TrainingSettings settings, ResultStore store, Path dir) {
        if (state != null && !state.designHash().equals(designHash)) {
            throw new CheckpointException(dir + " holds a checkpoint of another design; choose another --checkpoint-dir");
        }
        if (state != null && !state.settingsHash().equals(settingsHash) && existing != Existing.RESTART) {
            throw new CheckpointException(dir + " holds a checkpoint of this design trained with other settings ("
                    + differences(store, state.runId(), settingsJson) + "); pass --restart to start over there, or choose another "
                    + "--checkpoint-dir");
        }
        // a restart over other settings starts afresh; only a checkpoint of the same settings can be resumed or refused
        Checkpoint.State found = state != null && state.settingsHash().equals(settingsHash) ? state : null;
        if (existing == Existing.RESUME && found == null) {
            throw new CheckpointException("--resume: " + dir + " holds no checkpoint of this design and settings (nothing was saved "
                    + "there yet); pass --restart to start a new run");
        }
        if (found != null && existing == Existing.REFUSE) {
            throw new CheckpointException(dir + " holds a checkpoint of this design (" + found.epochsDone() + " of "
                    + settings.epochs() + " epochs" + (found.finished() ? ", finished" : "") + "); pass --resume to continue it or "
                    + "--restart to start over");
        }
        if (found == null || existing == Existing.RESTART) {
            return null;
        }
        // RESUME or CONTINUE with a checkpoint of this design and settings
        RunRecord run = store.get(found.runId()).orElseThrow(() -> new CheckpointException("the run " + found.runId()
                + " of the checkpoint in " + dir + " is not in " + store.file() + "; pass the --store it was trained with, or --restart"));
        if (Liveness.stillRunning(run)) {
            throw new CheckpointException("run " + run.id() + " is being trained by process " + run.pid() + " on " + run.host()
                    + " (heartbeat " + run.heartbeatAt() + "); wait for it, or stop it first");
        }
        return found;
    }

    /** A format-1 checkpoint's state with the learning curve the store has for its finished epochs. */
    private static Checkpoint.State withCurve(Checkpoint.State state, List<EpochRecord> stored) {
        List<EpochRecord> curve = stored.stream().filter(e -> e.epoch() <= state.epochsDone()).toList();
        return new Checkpoint.State(state.designHash(), state.settingsHash(), state.runId(), state.position(), state.finished(),
                state.snapshot(), curve);
    }

    /** {@code stopped (SIGINT) at epoch 2 of 10, step 17 of 469; resume with igc train --resume}. */
    private static String interruption(Training.Result result, TrainingSettings settings, BooleanSupplier stop) {
        String why = stop instanceof GracefulStop g ? g.reason().map(r -> " (" + r + ")").orElse("") : "";
        Position at = result.reached();
        return "stopped" + why + " at epoch " + at.epoch() + " of " + settings.epochs() + ", step " + at.step() + "; resume with igc train --resume";
    }

    /** {@code epochs 1 there, 2 here}: how the stored run's settings differ from these, or a generic note. */
    private static String differences(ResultStore store, long runId, String settingsJson) {
        return store.get(runId).map(run -> {
            try {
                var before = JsonFields.MAPPER.readTree(run.settingsJson());
                var now = JsonFields.MAPPER.readTree(settingsJson);
                List<String> changed = new java.util.ArrayList<>();
                now.fieldNames().forEachRemaining(f -> {
                    if (!now.get(f).equals(before.get(f))) {
                        changed.add(f + " " + before.get(f) + " there, " + now.get(f) + " here");
                    }
                });
                return changed.isEmpty() ? "the settings differ" : String.join(", ", changed);
            } catch (IOException e) {
                return "the settings differ (the stored ones cannot be read: " + e.getMessage() + ")";
            }
        }).orElse("the settings differ");
    }

    public static ObjectNode report(Training.Result result, TrainingSettings settings) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.set("settings", JsonFields.MAPPER.valueToTree(settings));
        n.put("testAccuracy", result.testAccuracy()).put("engineParams", result.engineParams()).put("completed", result.completed());
        n.set("curve", JsonFields.MAPPER.valueToTree(result.curve()));
        n.put("seconds", result.curve().stream().mapToDouble(EpochRecord::seconds).sum());
        return n;
    }
}
