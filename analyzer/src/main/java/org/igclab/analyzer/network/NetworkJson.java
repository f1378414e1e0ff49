package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.igclab.analyzer.network.template.Templates;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.io.TextFiles;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The network file format {@code igc-network/1}: an input shape and layers in sections ({@code stem}, {@code stages}
 * with {@code blocks}, {@code head}), or one flat {@code layers} list, or a {@code skeleton} that generates them.
 * See {@code samples/networks/README.md} for every layer type and template.
 */
public final class NetworkJson {
    public static final String FORMAT = "igc-network/1";
    private static final Set<String> TOP = Set.of("format", "name", "description", "input", "stem", "stages", "head", "layers", "skeleton");
    private static final Set<String> OPS = Set.of("conv", "shuffle", "permute", "bn", "relu", "relu6", "maxpool", "avgpool", "gap", "linear");
    private static final Set<String> COMPOSITES = Set.of("sequence", "residual", "concat", "split");

    private NetworkJson() {
    }

    public static Network read(Path file) throws IOException {
        return parse(TextFiles.read(file, "a network file"));
    }

    public static Network parse(String text) {
        return fromJson(JsonFields.parse(text));
    }

    public static Network fromJson(JsonFields top) {
        top.allowOnly(TOP);
        String format = top.optionalString("format", FORMAT);
        if (!format.equals(FORMAT)) {
            throw new InvalidDesignException(top.pathOf("format"), "= \"" + format + "\" is not supported (expected \"" + FORMAT + "\")");
        }
        String name = top.optionalString("name", "");
        top.optionalString("description", "");
        if (top.has("skeleton")) {
            for (String section : List.of("stem", "stages", "head", "layers", "input")) {
                if (top.has(section)) {
                    throw new InvalidDesignException(top.pathOf(section), "cannot be given beside \"skeleton\", which generates it");
                }
            }
            return Skeletons.generate(name, top.object("skeleton"));
        }
        TensorShape input = input(top.object("input"));
        List<LayerSpec> layers = new ArrayList<>();
        if (top.has("layers")) {
            for (String section : List.of("stem", "stages", "head")) {
                if (top.has(section)) {
                    throw new InvalidDesignException(top.pathOf(section), "cannot be given beside \"layers\"");
                }
            }
            layers.addAll(list(top, "layers"));
        } else {
            if (top.has("stem")) {
                layers.addAll(list(top, "stem"));
            }
            if (top.has("stages")) {
                for (JsonFields.Element stage : top.array("stages")) {
                    JsonFields s = stage.asObject().allowOnly(Set.of("name", "blocks"));
                    layers.addAll(list(s, "blocks"));
                }
            }
            if (top.has("head")) {
                layers.addAll(list(top, "head"));
            }
        }
        if (layers.isEmpty()) {
            throw new InvalidDesignException(top.path(), "the network has no layers (give \"layers\", or \"stem\", \"stages\" and \"head\")");
        }
        return new Network(name, input, layers);
    }

    static TensorShape input(JsonFields f) {
        f.allowOnly(Set.of("channels", "height", "width", "size"));
        int channels = f.requiredInt("channels");
        if (f.has("size") && (f.has("height") || f.has("width"))) {
            throw new InvalidDesignException(f.pathOf("size"), "give either \"size\" or \"height\" and \"width\"");
        }
        int h = f.has("size") ? f.requiredInt("size") : f.requiredInt("height");
        int w = f.has("size") ? h : f.requiredInt("width");
        InvalidDesignException.requirePositive(f.pathOf("channels"), channels);
        InvalidDesignException.requirePositive(f.pathOf(f.has("size") ? "size" : "height"), h);
        InvalidDesignException.requirePositive(f.pathOf(f.has("size") ? "size" : "width"), w);
        return new TensorShape(channels, h, w);
    }

    private static List<LayerSpec> list(JsonFields parent, String field) {
        List<LayerSpec> specs = new ArrayList<>();
        for (JsonFields.Element e : parent.array(field)) {
            specs.add(layer(e.asObject()));
        }
        return specs;
    }

    /** One layer object; its path is its place in the file. */
    public static LayerSpec layer(JsonFields f) {
        String type = f.requiredString("type");
        String path = f.path();
        if (Templates.isTemplate(type)) {
            return new LayerSpec.BlockSpec(path, Templates.parse(type, f));
        }
        if (OPS.contains(type)) {
            try {
                return new LayerSpec.OpSpec(path, LayerOps.parse(type, f));
            } catch (InvalidDesignException e) {
                throw e.path().startsWith(path) ? e : e.under(path);
            }
        }
        return switch (type) {
            case "sequence" -> new LayerSpec.SequenceSpec(path, list(f.allowOnly(Set.of("type", "layers")), "layers"));
            case "residual" -> {
                f.allowOnly(Set.of("type", "body", "shortcut"));
                LayerSpec body = new LayerSpec.SequenceSpec(f.pathOf("body"), list(f, "body"));
                yield new LayerSpec.ResidualSpec(path, body, f.has("shortcut")
                        ? java.util.Optional.of(new LayerSpec.SequenceSpec(f.pathOf("shortcut"), list(f, "shortcut")))
                        : java.util.Optional.empty());
            }
            case "concat" -> new LayerSpec.ConcatSpec(path, branches(f.allowOnly(Set.of("type", "branches"))));
            case "split" -> new LayerSpec.SplitSpec(path, f.allowOnly(Set.of("type", "sizes", "branches")).intList("sizes"), branches(f));
            default -> {
                TreeSet<String> known = new TreeSet<>(OPS);
                known.addAll(COMPOSITES);
                known.addAll(Templates.names());
                throw new InvalidDesignException(f.pathOf("type"), "= \"" + type + "\" is not a layer type (known: " + String.join(", ", known) + ")");
            }
        };
    }

    private static List<LayerSpec> branches(JsonFields f) {
        List<LayerSpec> branches = new ArrayList<>();
        for (JsonFields.Element b : f.array("branches")) {
            if (!b.node().isArray()) {
                throw new InvalidDesignException(b.path(), "must be a list of layers");
            }
            List<LayerSpec> layers = new ArrayList<>();
            for (int i = 0; i < b.node().size(); i++) {
                layers.add(layer(JsonFields.of(b.node().get(i), b.path() + "[" + i + "]")));
            }
            branches.add(new LayerSpec.SequenceSpec(b.path(), layers));
        }
        return branches;
    }

    /** The canonical JSON of a network: sections rebuilt from the layers' paths, every field explicit. */
    public static ObjectNode toJson(Network network) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", network.name());
        ObjectNode input = root.putObject("input");
        input.put("channels", network.input().channels()).put("height", network.input().height()).put("width", network.input().width());
        for (LayerSpec spec : network.layers()) {
            String path = spec.path();
            ArrayNode target;
            if (path.startsWith("stages[")) {
                int stage = Integer.parseInt(path.substring(7, path.indexOf(']')));
                ArrayNode stages = root.has("stages") ? (ArrayNode) root.get("stages") : root.putArray("stages");
                while (stages.size() <= stage) {
                    stages.addObject().putArray("blocks");
                }
                target = (ArrayNode) stages.get(stage).get("blocks");
            } else {
                String section = path.substring(0, path.indexOf('['));
                target = root.has(section) ? (ArrayNode) root.get(section) : root.putArray(section);
            }
            target.add(LayerOps.toJson(spec));
        }
        return root;
    }

    public static String write(Network network) {
        return JsonFields.pretty(toJson(network));
    }
}
