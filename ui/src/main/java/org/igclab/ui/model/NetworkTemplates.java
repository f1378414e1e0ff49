package org.igclab.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.io.TextFiles;
import org.igclab.rules.model.InvalidDesignException;

/** The templates the explorer offers: the block alone, then each distinct skeleton among the sample networks. */
public final class NetworkTemplates {
    private final List<NetworkTemplate> all;
    private final List<String> problems;

    private NetworkTemplates(List<NetworkTemplate> all, List<String> problems) {
        this.all = List.copyOf(all);
        this.problems = List.copyOf(problems);
    }

    /** The block alone, for a session without sample networks. */
    public static NetworkTemplates blockOnly() {
        return new NetworkTemplates(List.of(NetworkTemplate.BLOCK), List.of());
    }

    /**
     * The skeleton networks of a folder ({@code samples/networks}). Networks that share a skeleton (the three CIFAR
     * depth-38 samples differ only in width and block, which the explorer replaces) give one template.
     */
    public static NetworkTemplates load(Path folder) {
        Map<String, NetworkTemplate> byKey = new LinkedHashMap<>();
        byKey.put(NetworkTemplate.BLOCK_KEY, NetworkTemplate.BLOCK);
        List<String> problems = new ArrayList<>();
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    read(file, problems).ifPresent(t -> byKey.putIfAbsent(t.key(), t));
                }
            } catch (IOException e) {
                // the block template needs no file
                problems.add("cannot list the sample networks in " + folder + ": " + e.getMessage());
            }
        }
        return new NetworkTemplates(new ArrayList<>(byKey.values()), problems);
    }

    /** The file's template; empty for a network built without a skeleton (not a template), or one that cannot be read. */
    private static Optional<NetworkTemplate> read(Path file, List<String> problems) {
        try {
            JsonNode network = JsonFields.parse(TextFiles.read(file, "a network file")).node();
            return network.has("skeleton") ? Optional.of(NetworkTemplate.of(network)) : Optional.empty();
        } catch (IOException | InvalidDesignException e) {
            problems.add("left out " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The sample files that could not be read or used as templates, and why (the explorer goes on without them). */
    public List<String> problems() {
        return problems;
    }

    /** These templates and one more (a network the user opened), unless one of its key is there already. */
    public NetworkTemplates with(NetworkTemplate extra) {
        if (find(extra.key()).isPresent()) {
            return this;
        }
        List<NetworkTemplate> more = new ArrayList<>(all);
        more.add(extra);
        return new NetworkTemplates(more, problems);
    }

    public List<NetworkTemplate> all() {
        return all;
    }

    public Optional<NetworkTemplate> find(String key) {
        return all.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** The template of a key, or the block when the key is unknown (a settings file from another samples folder). */
    public NetworkTemplate get(String key) {
        return find(key).orElse(NetworkTemplate.BLOCK);
    }
}
