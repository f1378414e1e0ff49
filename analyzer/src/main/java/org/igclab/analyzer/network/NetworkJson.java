package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        if (top.has("layers")) {
            for (String section : List.of("stem", "stages", "head")) {
                if (top.has(section)) {
                    throw new InvalidDesignException(top.pathOf(section), "cannot be given beside \"layers\"");
                }
            }
            layers.addAll(LayerJson.list(top, "layers", labels));
        } else {
            if (top.has("stem")) {
                layers.addAll(LayerJson.list(top, "stem", labels));
            }
            if (top.has("stages")) {
                for (JsonFields.Element stage : top.array("stages")) {
                    JsonFields s = stage.asObject().allowOnly(Set.of("name", "blocks"));
                    layers.addAll(LayerJson.list(s, "blocks", labels));
                }
            }
            if (top.has("head")) {
                layers.addAll(LayerJson.list(top, "head", labels));
            }
        }
        if (layers.isEmpty()) {
            throw new InvalidDesignException(top.path(), "the network has no layers (give \"layers\", or \"stem\", \"stages\" and \"head\")");
        }
        return new Network(name, input, layers, labels);
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

    /**
     * The canonical JSON of a network: sections rebuilt from the layers' paths, every field explicit, and the names its
     * source gave operations (an imported ONNX model's node names) as their {@code "name"}.
     */
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
            target.add(LayerJson.write(spec, network.labels()));
        }
        return root;
    }

    public static String write(Network network) {
        return JsonFields.pretty(toJson(network));
    }
}
