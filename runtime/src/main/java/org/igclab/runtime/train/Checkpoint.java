package org.igclab.runtime.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.igclab.analyzer.io.AtomicFiles;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.store.EpochRecord;

/**
 * A training run's checkpoint folder. Each save is a numbered snapshot: {@code igc-NNNN.params} (every parameter of
 * the network, BatchNorm running statistics included, in DJL's format) and {@code igc-NNNN.optimizer} (the momentum
 * buffers, an encoded DJL {@code NDList} named by parameter path), then {@code state.json}, replaced atomically,
 * names the snapshot and holds the {@link Position} and the learning curve so far. A crash at any point leaves
 * {@code state.json} naming a complete snapshot; older snapshots are removed by {@link #prune()} only once the
 * results store has the epoch, so a checkpoint never names a file that is gone.
 *
 * @param dir the folder
 */
public record Checkpoint(Path dir) {
    /** The state file's format; checkpoints of format 1 (epoch ends only, no momentum) are still read. */
    public static final String FORMAT = "igc-checkpoint/2";
    private static final String PREFIX = "igc";
    private static final String SNAPSHOT_FILE = PREFIX + "-\\d{4,}\\.(params|optimizer)";
    private static final String STAGING = ".saving-";

    /**
     * What a checkpoint holds besides its files.
     *
     * @param designHash   the design's hash
     * @param settingsHash the training settings' hash
     * @param runId        the run in the results store
     * @param position     where the run stands
     * @param finished     whether every epoch ran
     * @param snapshot     the number of the files holding the parameters and momentum (0: none saved yet)
     * @param curve        one record per finished epoch, or null in a format-1 checkpoint (the store has them)
     */
    public record State(String designHash, String settingsHash, long runId, Position position, boolean finished, int snapshot,
                        List<EpochRecord> curve) {

        /** A new run's state, before anything was saved. */
        public static State start(String designHash, String settingsHash, long runId) {
            return new State(designHash, settingsHash, runId, Position.START, false, 0, List.of());
        }

        public int epochsDone() {
            return position.epochsDone();
        }

        State next(Position at, List<EpochRecord> curveNow, boolean done) {
            return new State(designHash, settingsHash, runId, at, done, snapshot + 1, List.copyOf(curveNow));
        }
    }

    public Optional<State> state() {
        Path file = dir.resolve("state.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JsonFields.MAPPER.readTree(Files.readString(file));
            int epochs = n.get("epochsDone").asInt();
            boolean format1 = !n.has("snapshot");
            Position position = format1 ? Position.afterEpoch(epochs, -1)
                    : JsonFields.MAPPER.treeToValue(n.get("position"), Position.class);
            List<EpochRecord> curve = format1 ? null
                    : List.of(JsonFields.MAPPER.treeToValue(n.get("curve"), EpochRecord[].class));
            return Optional.of(new State(n.get("designHash").asText(), n.get("settingsHash").asText(), n.get("runId").asLong(), position,
                    n.get("finished").asBoolean(), format1 ? epochs : n.get("snapshot").asInt(), curve));
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("the checkpoint state " + file + " is unreadable (" + e.getMessage() + "); move the folder away to start over", e);
        }
    }

    /** Saves the model's parameters and the optimizer's momentum as snapshot {@code state.snapshot()}, then the state naming them. */
    public void save(Model model, NDList momentum, State state) throws IOException {
        Files.createDirectories(dir);
        Path staging = Files.createTempDirectory(dir, STAGING);
        try {
            model.setProperty("Epoch", Integer.toString(state.snapshot()));
            model.save(staging, PREFIX);
            Path params = paramsFile(state.snapshot());
            move(staging, params);
            // no buffers (momentum 0, or no update yet) is no file: DJL cannot decode an empty list
            if (!momentum.isEmpty()) {
                Files.write(staging.resolve(optimizerFile(state.snapshot()).getFileName()), momentum.encode());
                move(staging, optimizerFile(state.snapshot()));
            }
        } finally {
            deleteTree(staging);
        }
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("format", FORMAT).put("designHash", state.designHash()).put("settingsHash", state.settingsHash()).put("runId", state.runId())
                .put("epochsDone", state.epochsDone()).put("finished", state.finished()).put("snapshot", state.snapshot());
        n.set("position", JsonFields.MAPPER.valueToTree(state.position()));
        n.set("curve", JsonFields.MAPPER.valueToTree(state.curve()));
        AtomicFiles.writeInternal(dir.resolve("state.json"), JsonFields.pretty(n).getBytes(StandardCharsets.UTF_8));
    }

    private static void move(Path staging, Path target) throws IOException {
        Files.move(staging.resolve(target.getFileName()), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The network built as designed with the parameters of the state's snapshot (to export, or to test trained weights). */
    public Instantiation instantiate(ResolvedNetwork network, State state) throws IOException {
        return Instantiation.loaded(network, model -> load(model, state));
    }

    /** Loads the parameters of the state's snapshot into the model's block. */
    public void load(Model model, State state) throws IOException {
        try {
            model.load(dir, PREFIX, Map.of("epoch", Integer.toString(state.snapshot())));
        } catch (MalformedModelException e) {
            throw new CheckpointException("the checkpoint " + paramsFile(state.snapshot()) + " does not fit this design: " + e.getMessage(), e);
        }
    }

    /**
     * The momentum buffers of the state's snapshot; empty where there were none (momentum 0, or no update yet) and
     * in a format-1 checkpoint, which did not save them.
     */
    Optional<NDList> momentum(NDManager manager, State state) throws IOException {
        Path file = optimizerFile(state.snapshot());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(NDList.decode(manager, Files.readAllBytes(file)));
    }

    /** Removes the snapshots {@code state.json} does not name, and what killed saves left behind. */
    public void prune() throws IOException {
        Optional<State> current = state();
        if (current.isEmpty() || !Files.isDirectory(dir)) {
            return;
        }
        List<Path> keep = List.of(paramsFile(current.get().snapshot()), optimizerFile(current.get().snapshot()));
        for (Path p : entries()) {
            String name = p.getFileName().toString();
            if (name.startsWith(STAGING)) {
                deleteTree(p);
            } else if (name.matches(SNAPSHOT_FILE) && !keep.contains(p)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Removes the state and every snapshot, for a run that starts over. */
    public void clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Files.deleteIfExists(dir.resolve("state.json"));
        for (Path p : entries()) {
            if (p.getFileName().toString().matches(SNAPSHOT_FILE)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.toList());
        }
    }

    Path paramsFile(int snapshot) {
        return dir.resolve(String.format("%s-%04d.params", PREFIX, snapshot));
    }

    Path optimizerFile(int snapshot) {
        return dir.resolve(String.format("%s-%04d.optimizer", PREFIX, snapshot));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
