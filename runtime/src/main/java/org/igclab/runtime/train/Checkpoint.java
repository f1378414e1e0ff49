package org.igclab.runtime.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.igclab.analyzer.io.AtomicFiles;
import org.igclab.rules.io.JsonFields;

/**
 * A training run's checkpoint folder: the parameters after the last finished epoch ({@code igc-NNNN.params}) and
 * {@code state.json} saying which design, settings, run and epoch they belong to. Parameters are written to a
 * temporary folder and moved into place before the state names them, so a crash at any point leaves the last
 * complete epoch loadable.
 *
 * @param dir the folder
 */
public record Checkpoint(Path dir) {
    private static final String PREFIX = "igc";

    /**
     * What a checkpoint holds.
     *
     * @param designHash   the design's hash
     * @param settingsHash the training settings' hash
     * @param runId        the run in the results store
     * @param epochsDone   epochs finished and saved
     * @param finished     whether the run completed
     */
    public record State(String designHash, String settingsHash, long runId, int epochsDone, boolean finished) {
    }

    public Optional<State> state() {
        Path file = dir.resolve("state.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JsonFields.MAPPER.readTree(Files.readString(file));
            return Optional.of(new State(n.get("designHash").asText(), n.get("settingsHash").asText(), n.get("runId").asLong(),
                    n.get("epochsDone").asInt(), n.get("finished").asBoolean()));
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("the checkpoint state " + file + " is unreadable (" + e.getMessage() + "); move the folder away to start over");
        }
    }

    /** Saves the model after {@code state.epochsDone()} epochs, then the state. */
    public void save(Model model, State state) throws IOException {
        Files.createDirectories(dir);
        Path staging = Files.createTempDirectory(dir, ".saving-");
        try {
            model.setProperty("Epoch", Integer.toString(state.epochsDone()));
            model.save(staging, PREFIX);
            Path params = paramsFile(state.epochsDone());
            Files.move(staging.resolve(params.getFileName()), params, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(staging);
        }
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        n.put("designHash", state.designHash()).put("settingsHash", state.settingsHash()).put("runId", state.runId())
                .put("epochsDone", state.epochsDone()).put("finished", state.finished());
        AtomicFiles.writeInternal(dir.resolve("state.json"), JsonFields.pretty(n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int older = state.epochsDone() - 1; older >= 0; older--) {
            Files.deleteIfExists(paramsFile(older));
        }
    }

    /** Removes the state and every saved parameter file, for a run that starts over. */
    public void clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Files.deleteIfExists(dir.resolve("state.json"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches(PREFIX + "-\\d{4}\\.params")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Loads the parameters saved after {@code epochs} epochs into the model's block. */
    public void load(Model model, int epochs) throws IOException {
        try {
            model.load(dir, PREFIX, java.util.Map.of("epoch", Integer.toString(epochs)));
        } catch (MalformedModelException e) {
            throw new CheckpointException("the checkpoint " + paramsFile(epochs) + " does not fit this design: " + e.getMessage());
        }
    }

    private Path paramsFile(int epoch) {
        return dir.resolve(String.format("%s-%04d.params", PREFIX, epoch));
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
