package org.igclab.rules.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Reads a file that holds chains, whichever of these it is:
 * <ul>
 *   <li>a chain file, {@code igc-chain/1} ({@link ChainJson}): one chain;</li>
 *   <li>a chain list, {@code igc-chains/1} ({@link ChainListJson}): its chains, in order;</li>
 *   <li>the output of {@code igc enumerate --json} ({@link EnumerationJson}): each design's canonical interleaved chain.</li>
 * </ul>
 * Networks, spaces and sweeps ({@code igc-network/1}, {@code igc-space/1}, {@code igc-sweep/1}) describe whole
 * networks whose blocks only the analyzer can build; they are refused with a message that says what to use instead.
 */
public final class ChainFiles {
    private static final Set<String> NETWORK_FORMATS = Set.of("igc-network/1", "igc-space/1", "igc-sweep/1");

    /**
     * One chain of a file.
     *
     * @param path     where it sits in the file: empty for a chain file, {@code chains[2]} or {@code designs[2]} in a list
     * @param document the chain and its name
     */
    public record Entry(String path, ChainDocument document) {
    }

    private ChainFiles() {
    }

    /** Reads the chains of a file, in file order. */
    public static List<Entry> read(Path file) throws IOException {
        return parse(TextFiles.read(file, "a chain file"));
    }

    /** Parses a document in any of the formats above; errors name the field by its path. */
    public static List<Entry> parse(String text) {
        JsonFields top = JsonFields.parse(text);
        String format = top.optionalString("format", "");
        if (format.equals(ChainListJson.FORMAT)) {
            return entries("chains", ChainListJson.fromJson(top).chains());
        }
        if (format.equals(ChainJson.FORMAT) || (format.isEmpty() && top.has("kernels"))) {
            return List.of(new Entry("", ChainJson.fromJson(top)));
        }
        if (EnumerationJson.looksLike(top)) {
            return entries("designs", EnumerationJson.fromJson(top));
        }
        if (NETWORK_FORMATS.contains(format)) {
            throw new InvalidDesignException(top.pathOf("format"), "= \"" + format + "\" describes networks, not chains; "
                    + "list the chains in an \"" + ChainListJson.FORMAT + "\" file or use the output of 'igc enumerate --json'");
        }
        if (!format.isEmpty()) {
            throw new InvalidDesignException(top.pathOf("format"), "= \"" + format + "\" holds no chains (expected \""
                    + ChainJson.FORMAT + "\", \"" + ChainListJson.FORMAT + "\" or the output of 'igc enumerate --json')");
        }
        throw new InvalidDesignException("", "holds no chains: give \"format\": \"" + ChainJson.FORMAT + "\" with \"kernels\", \""
                + ChainListJson.FORMAT + "\" with \"chains\", or the output of 'igc enumerate --json' (with \"designs\")");
    }

    private static List<Entry> entries(String field, List<ChainDocument> documents) {
        List<Entry> out = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            out.add(new Entry(field + "[" + i + "]", documents.get(i)));
        }
        return out;
    }
}
