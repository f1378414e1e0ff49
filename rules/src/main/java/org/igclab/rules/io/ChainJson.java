package org.igclab.rules.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * The chain file format {@code igc-chain/1}. Example ({@code samples/chains/igcv2-c64.json}):
 *
 * <pre>{@code
 * {
 *   "format": "igc-chain/1",
 *   "name": "IGCV2 C=64 K=(1,8,8)",
 *   "channels": 64,
 *   "kernels": [
 *     {"groupSize": 1, "kernel": 3},
 *     {"groupSize": 8},
 *     {"groups": 8}
 *   ],
 *   "permutations": ["canonical", {"shuffle": 8}]
 * }
 * }</pre>
 *
 * <p>A kernel gives {@code groups} or {@code groupSize} (channels per group, {@code K}); {@code kernel}
 * (side, default 1), {@code stride} (default 1), {@code in} and {@code out} (default: the previous kernel's
 * output, or {@code channels}) are optional. A permutation is {@code "canonical"} (the shuffle that
 * interleaves the previous kernel's groups), {@code "identity"}, {@code {"shuffle": r}} (reshape to
 * {@code r} rows, transpose, flatten) or an explicit list where entry {@code j} is the channel that lands
 * at position {@code j}. Without {@code permutations}, every one is canonical. {@code final} is an
 * optional permutation after the last kernel.
 */
public final class ChainJson {
    public static final String FORMAT = "igc-chain/1";
    private static final Set<String> TOP = Set.of("format", "name", "description", "channels", "kernels", "permutations", "final");
    private static final Set<String> KERNEL = Set.of("in", "out", "groups", "groupSize", "kernel", "stride");

    private ChainJson() {
    }

    /** Reads a chain file. */
    public static ChainDocument read(Path file) throws IOException {
        return parse(TextFiles.read(file, "a chain file"));
    }

    /** Parses a chain document; errors name the field by its path. */
    public static ChainDocument parse(String text) {
        return fromJson(JsonFields.parse(text));
    }

    /**
     * Builds a chain from an object already read (also used where a chain sits inside another document).
     * Unknown fields are errors here too: a misspelt {@code "permutations"} inside a list must not fall back to canonical.
     */
    public static ChainDocument fromJson(JsonFields top) {
        top.allowOnly(TOP);
        String format = top.optionalString("format", FORMAT);
        if (!format.equals(FORMAT)) {
            throw new InvalidDesignException(top.pathOf("format"), "= \"" + format + "\" is not supported (expected \"" + FORMAT + "\")");
        }
        int defaultChannels = top.has("channels") ? top.requiredInt("channels") : -1;
        if (top.has("channels") && defaultChannels <= 0) {
            throw new InvalidDesignException(top.pathOf("channels"), "= " + defaultChannels + " must be positive");
        }
        List<JsonFields.Element> kernelNodes = top.array("kernels");
        if (kernelNodes.isEmpty()) {
            throw new InvalidDesignException(top.pathOf("kernels"), "is empty; a chain needs at least one kernel");
        }
        List<GroupConv> kernels = new ArrayList<>();
        int previousOut = defaultChannels;
        for (JsonFields.Element e : kernelNodes) {
            GroupConv k = kernel(e.asObject(), previousOut);
            if (kernels.isEmpty() && defaultChannels > 0 && k.inChannels() != defaultChannels) {
                throw new InvalidDesignException(e.path() + ".in", "= " + k.inChannels() + " does not match \"channels\" = " + defaultChannels);
            }
            kernels.add(k);
            previousOut = k.outChannels();
        }
        List<Permutation> perms = new ArrayList<>();
        if (top.has("permutations")) {
            List<JsonFields.Element> permNodes = top.array("permutations");
            if (permNodes.size() != kernels.size() - 1) {
                throw new InvalidDesignException(top.pathOf("permutations"), "has " + permNodes.size() + " entries; "
                        + kernels.size() + " kernels need " + (kernels.size() - 1) + " (one between each pair)");
            }
            for (int l = 0; l < permNodes.size(); l++) {
                perms.add(permutation(permNodes.get(l), kernels.get(l)));
            }
        } else {
            for (int l = 0; l + 1 < kernels.size(); l++) {
                perms.add(canonicalAfter(kernels.get(l)));
            }
        }
        Optional<Permutation> last = top.has("final")
                ? Optional.of(permutation(new JsonFields.Element(top.required("final"), top.pathOf("final")), kernels.get(kernels.size() - 1)))
                : Optional.empty();
        try {
            return new ChainDocument(top.optionalString("name", ""), new KernelChain(kernels, perms, last));
        } catch (InvalidDesignException e) {
            throw jsonNames(e.under(top.path()));
        }
    }

    private static InvalidDesignException jsonNames(InvalidDesignException e) {
        return e.renamed("kernelSize", "kernel").renamed("inChannels", "in").renamed("outChannels", "out")
                .renamed("finalPermutation", "final");
    }

    private static GroupConv kernel(JsonFields k, int previousOut) {
        k.allowOnly(KERNEL);
        if (!k.has("in") && previousOut < 0) {
            throw new InvalidDesignException(k.pathOf("in"), "is missing (give \"channels\" at the top or \"in\" on the first kernel)");
        }
        int in = k.optionalInt("in", previousOut);
        int out = k.optionalInt("out", in);
        if (k.has("groups") == k.has("groupSize")) {
            throw new InvalidDesignException(k.path(), "needs exactly one of \"groups\" or \"groupSize\"");
        }
        int groups;
        if (k.has("groups")) {
            groups = k.requiredInt("groups");
        } else {
            int size = k.requiredInt("groupSize");
            InvalidDesignException.requirePositive(k.pathOf("groupSize"), size);
            if (in % size != 0) {
                throw new InvalidDesignException(k.pathOf("groupSize"), "= " + size + " does not divide " + in + " input channels");
            }
            groups = in / size;
        }
        try {
            return new GroupConv(in, out, groups, k.optionalInt("kernel", 1), k.optionalInt("stride", 1));
        } catch (InvalidDesignException e) {
            throw jsonNames(e.under(k.path()));
        }
    }

    private static Permutation permutation(JsonFields.Element e, GroupConv before) {
        JsonNode v = e.node();
        int size = before.outChannels();
        try {
            if (v.isTextual()) {
                return switch (v.asText()) {
                    case "canonical" -> canonicalAfter(before);
                    case "identity" -> Permutation.identity(size);
                    default -> throw new InvalidDesignException("", "= " + v + " is not a permutation "
                            + "(use \"canonical\", \"identity\", {\"shuffle\": rows} or a list of channels)");
                };
            }
            if (v.isObject()) {
                JsonFields f = JsonFields.of(v, "").allowOnly(Set.of("shuffle"));
                return Permutation.shuffle(size, f.requiredInt("shuffle"));
            }
            if (v.isArray()) {
                int[] map = new int[v.size()];
                for (int j = 0; j < map.length; j++) {
                    map[j] = JsonFields.toInt(v.get(j), "[" + j + "]");
                }
                Permutation p = Permutation.of(map);
                if (p.size() != size) {
                    throw new InvalidDesignException("", "has " + p.size() + " entries but the kernel before it has " + size + " output channels");
                }
                return p;
            }
            throw new InvalidDesignException("", "= " + v + " is not a permutation");
        } catch (InvalidDesignException ex) {
            throw ex.under(e.path());
        }
    }

    private static Permutation canonicalAfter(GroupConv kernel) {
        return Permutation.shuffle(kernel.outChannels(), kernel.groups());
    }

    /** The canonical JSON of a chain: every field explicit, permutations as names or shuffles where they are. */
    public static ObjectNode toJson(ChainDocument doc) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", doc.name());
        KernelChain chain = doc.chain();
        root.put("channels", chain.inChannels());
        ArrayNode kernels = root.putArray("kernels");
        for (GroupConv k : chain.kernels()) {
            ObjectNode n = kernels.addObject();
            n.put("in", k.inChannels());
            n.put("out", k.outChannels());
            n.put("groups", k.groups());
            n.put("kernel", k.kernelSize());
            n.put("stride", k.stride());
        }
        ArrayNode perms = root.putArray("permutations");
        for (Permutation p : chain.permutations()) {
            perms.add(permutationJson(p));
        }
        chain.finalPermutation().ifPresent(p -> root.set("final", permutationJson(p)));
        return root;
    }

    /** {@link #toJson} as indented text. */
    public static String write(ChainDocument doc) {
        return JsonFields.pretty(toJson(doc));
    }

    private static JsonNode permutationJson(Permutation p) {
        if (p.isIdentity()) {
            return JsonFields.MAPPER.getNodeFactory().textNode("identity");
        }
        int rows = p.shuffleRows();
        if (rows > 0) {
            return JsonFields.MAPPER.createObjectNode().put("shuffle", rows);
        }
        ArrayNode list = JsonFields.MAPPER.createArrayNode();
        for (int s : p.toArray()) {
            list.add(s);
        }
        return list;
    }
}
