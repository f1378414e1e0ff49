package org.igclab.ui.model;

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

    private NetworkTemplates(List<NetworkTemplate> all) {
        this.all = List.copyOf(all);
    }

    /** The block alone, for a session without sample networks. */
    public static NetworkTemplates blockOnly() {
        return new NetworkTemplates(List.of(NetworkTemplate.BLOCK));
    }

    /**
     * The skeleton networks of a folder ({@code samples/networks}). Networks that share a skeleton (the three CIFAR
     * depth-38 samples differ only in width and block, which the explorer replaces) give one template.
     */
    public static NetworkTemplates load(Path folder) {
        Map<String, NetworkTemplate> byKey = new LinkedHashMap<>();
        byKey.put(NetworkTemplate.BLOCK_KEY, NetworkTemplate.BLOCK);
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    read(file).ifPresent(t -> byKey.putIfAbsent(t.key(), t));
                }
            } catch (IOException e) {
                // an unreadable samples folder leaves the block template, which needs no file
            }
        }
        return new NetworkTemplates(new ArrayList<>(byKey.values()));
    }

    private static Optional<NetworkTemplate> read(Path file) {
        try {
            return Optional.of(NetworkTemplate.of(JsonFields.parse(TextFiles.read(file, "a network file")).node()));
        } catch (IOException | InvalidDesignException e) {
            return Optional.empty();
        }
    }

    /** These templates and one more (a network the user opened), unless one of its key is there already. */
    public NetworkTemplates with(NetworkTemplate extra) {
        if (find(extra.key()).isPresent()) {
            return this;
        }
        List<NetworkTemplate> more = new ArrayList<>(all);
        more.add(extra);
        return new NetworkTemplates(more);
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
