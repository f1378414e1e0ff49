package org.igclab.runtime.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;

/**
 * A training run kept in the results store and a checkpoint folder: new, resumed after an interruption (even a
 * killed process), or refused when it would silently overwrite a checkpoint.
 */
public final class StoredTraining {
    public static final String KIND = "train";

    /**
     * What to do with a checkpoint found for the same design and settings.
     */
    public enum Existing { REFUSE, RESUME, RESTART }

    private StoredTraining() {
    }

    /** The network trained: a network design as written; a bare chain is not a classifier. */
    public static ResolvedNetwork network(Design design) {
        if (design instanceof Design.NetworkDesign n) {
            return ShapeInference.resolve(n.network());
        }
        throw new DatasetException("a bare chain is not a classifier; train a network that uses it (e.g. a cifar skeleton "
                + "with an igcv2 block, see samples/networks)");
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
        return root.resolve(DesignIdentity.of(design).hash().substring(0, 12) + "-"
                + DesignIdentity.sha256(settingsJson(settings)).substring(0, 8));
    }

    public static Training.Result run(Design design, ImageDataset data, TrainingSettings settings, Path checkpointDir,
                                      Existing existing, ResultStore store, TrainingListener listener, BooleanSupplier cancelled)
            throws IOException {
        ResolvedNetwork network = network(design);
        Training.requireCompatible(network, data);
        DesignIdentity id = DesignIdentity.of(design);
        String settingsJson = settingsJson(settings);
        String settingsHash = DesignIdentity.sha256(settingsJson);
        Checkpoint checkpoint = new Checkpoint(checkpointDir);
        Checkpoint.State state = checkpoint.state().orElse(null);
        if (state != null && !state.designHash().equals(id.hash())) {
            throw new CheckpointException(checkpointDir + " holds a checkpoint of another design; choose another --checkpoint-dir");
        }
        if (state != null && !state.settingsHash().equals(settingsHash) && existing != Existing.RESTART) {
            throw new CheckpointException(checkpointDir + " holds a checkpoint of this design trained with other settings ("
                    + differences(store, state.runId(), settingsJson) + "); pass --restart to start over there, or choose another "
                    + "--checkpoint-dir");
        }
        // a restart over other settings starts afresh; only a checkpoint of the same settings can be resumed or refused
        Checkpoint.State found = state != null && state.settingsHash().equals(settingsHash) ? state : null;
        boolean resume = found != null && existing == Existing.RESUME && store.get(found.runId()).isPresent();
        if (found != null && existing == Existing.REFUSE) {
            throw new CheckpointException(checkpointDir + " holds a checkpoint of this design (" + found.epochsDone() + " of "
                    + settings.epochs() + " epochs" + (found.finished() ? ", finished" : "") + "); pass --resume to continue it or "
                    + "--restart to start over");
        }
        if (found != null && existing == Existing.RESUME && !resume) {
            throw new CheckpointException("the run " + found.runId() + " of the checkpoint in " + checkpointDir + " is not in "
                    + store.file() + "; pass the --store it was trained with, or --restart");
        }
        long runId;
        List<EpochRecord> previous;
        if (resume) {
            runId = found.runId();
            previous = store.epochs(runId).stream().filter(e -> e.epoch() <= found.epochsDone()).toList();
            store.reopen(runId);
        } else {
            if (state != null) {
                checkpoint.clear();
            }
            NetworkCost cost = CostModel.of(network);
            runId = store.begin(KIND, design.name(), id.hash(), id.canonicalJson(), settingsJson, settingsHash, cost.params().total(),
                    cost.macs(), MachineInfo.machine(), MachineInfo.engine());
            previous = List.of();
        }
        Thread interrupted = new Thread(() -> store.end(runId, "cancelled", "the process was interrupted; resume with --resume"));
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            TrainingListener recording = new TrainingListener() {
                @Override
                public void step(int epoch, int epochs, int batch, int batches, double loss, double accuracy, double seconds) {
                    listener.step(epoch, epochs, batch, batches, loss, accuracy, seconds);
                }

                @Override
                public void epoch(EpochRecord record, int epochs) {
                    store.addEpoch(runId, record);
                    listener.epoch(record, epochs);
                }
            };
            Training.Result result = Training.train(network, data, settings, checkpoint,
                    new Checkpoint.State(id.hash(), settingsHash, runId, previous.size(), false), previous, recording, cancelled);
            if (result.completed()) {
                store.finish(runId, result.engineParams(), result.testAccuracy(), JsonFields.pretty(report(result, settings)));
            } else {
                store.end(runId, "cancelled", "stopped after " + result.curve().size() + " of " + settings.epochs() + " epochs; resume with --resume");
            }
            return result;
        } catch (RuntimeException | IOException e) {
            store.end(runId, "failed", String.valueOf(e.getMessage()));
            throw e;
        } finally {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
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
                return "the settings differ";
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
