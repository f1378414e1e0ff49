package org.igclab.rules.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The chain list format {@code igc-chains/1}: several chains in one file, for tests that run over a family of
 * designs ({@code @DesignSource}) and for keeping designs together. Example:
 *
 * <pre>{@code
 * {
 *   "format": "igc-chains/1",
 *   "name": "blocks of the C=64 network",
 *   "chains": [
 *     {"name": "IGCV2 K=(1,8,8)", "channels": 64, "kernels": [{"groupSize": 1, "kernel": 3}, {"groupSize": 8}, {"groupSize": 8}]},
 *     {"name": "depthwise-separable", "channels": 64, "kernels": [{"groupSize": 1, "kernel": 3}, {"groups": 1}]}
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code format} is required (a list without it could be mistaken for something else); {@code name} and
 * {@code description} are optional. Each entry of {@code chains} is a chain exactly as in a chain file
 * ({@link ChainJson}, its own {@code format} optional); errors name the entry, e.g.
 * {@code chains[2].kernels[1].groups = 5 does not divide 64 input channels}.
 */
public final class ChainListJson {
    public static final String FORMAT = "igc-chains/1";
    private static final Set<String> TOP = Set.of("format", "name", "description", "chains");

    private ChainListJson() {
    }

    /** Parses a chain list; errors name the field by its path. */
    public static ChainList parse(String text) {
        return fromJson(JsonFields.parse(text));
    }

    /** Builds a chain list from an object already read. */
    public static ChainList fromJson(JsonFields top) {
        top.allowOnly(TOP);
        String format = top.requiredString("format");
        if (!format.equals(FORMAT)) {
            throw new InvalidDesignException(top.pathOf("format"), "= \"" + format + "\" is not supported (expected \"" + FORMAT + "\")");
        }
        List<ChainDocument> chains = new ArrayList<>();
        for (JsonFields.Element e : top.array("chains")) {
            chains.add(ChainJson.fromJson(e.asObject()));
        }
        return new ChainList(top.optionalString("name", ""), chains);
    }

    /** The canonical JSON of a list: each chain as {@link ChainJson#toJson} writes it. */
    public static ObjectNode toJson(ChainList list) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", list.name());
        ArrayNode chains = root.putArray("chains");
        for (ChainDocument doc : list.chains()) {
            ObjectNode chain = ChainJson.toJson(doc);
            // The list's format covers its entries.
            chain.remove("format");
            chains.add(chain);
        }
        return root;
    }

    /** {@link #toJson} as indented text. */
    public static String write(ChainList list) {
        return JsonFields.pretty(toJson(list));
    }
}
