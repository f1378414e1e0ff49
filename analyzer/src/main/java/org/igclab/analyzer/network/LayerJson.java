package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.igclab.analyzer.network.template.Templates;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/** Reading and writing one layer of a network file: an operation ({@link OpJson}), a composite or a block template. */
public final class LayerJson {
    private static final Set<String> COMPOSITES = Set.of("sequence", "residual", "mul", "concat", "split");

    private LayerJson() {
    }

    /** One layer object; its path is its place in the file. An operation's {@code "name"} goes into {@code labels} by its path. */
    static LayerSpec read(JsonFields f, Map<String, String> labels) {
        String type = f.requiredString("type");
        String path = f.path();
        if (Templates.isTemplate(type)) {
            return new LayerSpec.BlockSpec(path, Templates.parse(type, f));
        }
        Optional<OpType> op = OpType.named(type);
        if (op.isPresent()) {
            try {
                return new LayerSpec.OpSpec(path, OpJson.read(op.get(), withoutLabel(f, labels)));
            } catch (InvalidDesignException e) {
                throw e.path().startsWith(path) ? e : e.under(path);
            }
        }
        return switch (type) {
            case "sequence" -> new LayerSpec.SequenceSpec(path, list(f.allowOnly(Set.of("type", "layers")), "layers", labels));
            case "residual" -> {
                f.allowOnly(Set.of("type", "body", "shortcut"));
                LayerSpec body = new LayerSpec.SequenceSpec(f.pathOf("body"), list(f, "body", labels));
                yield new LayerSpec.ResidualSpec(path, body, f.has("shortcut")
                        ? Optional.of(new LayerSpec.SequenceSpec(f.pathOf("shortcut"), list(f, "shortcut", labels)))
                        : Optional.empty());
            }
            case "mul" -> {
                f.allowOnly(Set.of("type", "body", "other"));
                yield new LayerSpec.MulSpec(path, new LayerSpec.SequenceSpec(f.pathOf("body"), list(f, "body", labels)), f.has("other")
                        ? Optional.of(new LayerSpec.SequenceSpec(f.pathOf("other"), list(f, "other", labels)))
                        : Optional.empty());
            }
            case "concat" -> new LayerSpec.ConcatSpec(path, branches(f.allowOnly(Set.of("type", "branches")), labels));
            case "split" -> new LayerSpec.SplitSpec(path, f.allowOnly(Set.of("type", "sizes", "branches")).intList("sizes"), branches(f, labels));
            default -> {
                TreeSet<String> known = new TreeSet<>(OpType.fileNames());
                known.addAll(COMPOSITES);
                known.addAll(Templates.names());
                throw new InvalidDesignException(f.pathOf("type"), "= \"" + type + "\" is not a layer type (known: " + String.join(", ", known) + ")");
            }
        };
    }

    /** The layers of a list field. */
    static List<LayerSpec> list(JsonFields parent, String field, Map<String, String> labels) {
        List<LayerSpec> specs = new ArrayList<>();
        for (JsonFields.Element e : parent.array(field)) {
            specs.add(read(e.asObject(), labels));
        }
        return specs;
    }

    /** The operation's fields less its {@code "name"}, which goes into {@code labels}. */
    private static JsonFields withoutLabel(JsonFields f, Map<String, String> labels) {
        if (!f.has("name")) {
            return f;
        }
        labels.put(f.path(), f.requiredString("name"));
        return JsonFields.of(((ObjectNode) f.node()).deepCopy().without("name"), f.path());
    }

    private static List<LayerSpec> branches(JsonFields f, Map<String, String> labels) {
        List<LayerSpec> branches = new ArrayList<>();
        for (JsonFields.Element b : f.array("branches")) {
            if (!b.node().isArray()) {
                throw new InvalidDesignException(b.path(), "must be a list of layers");
            }
            List<LayerSpec> layers = new ArrayList<>();
            for (int i = 0; i < b.node().size(); i++) {
                layers.add(read(JsonFields.of(b.node().get(i), b.path() + "[" + i + "]"), labels));
            }
            branches.add(new LayerSpec.SequenceSpec(b.path(), layers));
        }
        return branches;
    }

    /**
     * The layer as a file writes it, every field explicit; an operation its source named (by path in {@code labels}, an
     * imported ONNX model's node names) has that {@code "name"}, which {@link #read} takes back.
     */
    public static ObjectNode write(LayerSpec spec, Map<String, String> labels) {
        return spec.accept(new LayerSpec.Visitor<>() {
            @Override
            public ObjectNode op(LayerSpec.OpSpec o) {
                ObjectNode n = OpJson.write(o.op());
                String label = labels.get(o.path());
                return label == null ? n : n.put("name", label);
            }

            @Override
            public ObjectNode sequence(LayerSpec.SequenceSpec s) {
                ObjectNode n = composite("sequence");
                n.set("layers", layers(s, labels));
                return n;
            }

            @Override
            public ObjectNode residual(LayerSpec.ResidualSpec r) {
                ObjectNode n = composite("residual");
                n.set("body", layers(r.body(), labels));
                r.shortcut().ifPresent(s -> n.set("shortcut", layers(s, labels)));
                return n;
            }

            @Override
            public ObjectNode mul(LayerSpec.MulSpec m) {
                ObjectNode n = composite("mul");
                n.set("body", layers(m.body(), labels));
                m.other().ifPresent(o -> n.set("other", layers(o, labels)));
                return n;
            }

            @Override
            public ObjectNode concat(LayerSpec.ConcatSpec c) {
                ObjectNode n = composite("concat");
                n.set("branches", branches(c.branches(), labels));
                return n;
            }

            @Override
            public ObjectNode split(LayerSpec.SplitSpec s) {
                ObjectNode n = composite("split");
                ArrayNode sizes = n.putArray("sizes");
                s.sizes().forEach(sizes::add);
                n.set("branches", branches(s.branches(), labels));
                return n;
            }

            @Override
            public ObjectNode block(LayerSpec.BlockSpec b) {
                return b.template().toJson();
            }
        });
    }

    private static ObjectNode composite(String type) {
        return JsonFields.MAPPER.createObjectNode().put("type", type);
    }

    /** A list of layers: a sequence's layers, or a one-layer list. */
    private static ArrayNode layers(LayerSpec spec, Map<String, String> labels) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        spec.asList().forEach(l -> a.add(write(l, labels)));
        return a;
    }

    private static ArrayNode branches(List<LayerSpec> branches, Map<String, String> labels) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        branches.forEach(b -> a.add(layers(b, labels)));
        return a;
    }
}
