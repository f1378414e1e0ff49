package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.igclab.analyzer.network.template.RandomBlocks;
import org.igclab.rules.io.JsonFields;

/**
 * Random network files ({@code igc-network/1} as JSON trees) for round-trip properties: every layer type, composites
 * nested a few levels, templates of every family, defaults sometimes written and sometimes left out, and each of the
 * layouts ({@code layers}, or {@code stem} / {@code stages} / {@code head}). Syntactically valid; shapes need not fit.
 */
final class RandomNetworkFiles {
    private static final List<String> OPS = List.of("conv", "shuffle", "permute", "bn", "relu", "relu6", "maxpool", "avgpool", "gap", "linear");

    private RandomNetworkFiles() {
    }

    static ObjectNode network(Random r) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        if (r.nextBoolean()) {
            root.put("format", "igc-network/1");
        }
        if (r.nextBoolean()) {
            root.put("name", "net " + r.nextInt(1000));
        }
        if (r.nextInt(4) == 0) {
            root.put("description", "random");
        }
        ObjectNode input = root.putObject("input").put("channels", pick(r, 1, 64));
        if (r.nextBoolean()) {
            input.put("size", pick(r, 1, 64));
        } else {
            input.put("height", pick(r, 1, 64)).put("width", pick(r, 1, 64));
        }
        if (r.nextBoolean()) {
            root.set("layers", layers(r, pick(r, 1, 5), 2));
        } else {
            boolean any = false;
            if (r.nextBoolean()) {
                root.set("stem", layers(r, pick(r, 1, 3), 1));
                any = true;
            }
            if (r.nextBoolean() || !any) {
                ArrayNode stages = root.putArray("stages");
                int count = pick(r, 1, 3);
                for (int s = 0; s < count; s++) {
                    ObjectNode stage = stages.addObject();
                    if (r.nextBoolean()) {
                        stage.put("name", "stage " + s);
                    }
                    // the last stage is never empty, so the network has layers
                    stage.set("blocks", layers(r, s + 1 == count ? pick(r, 1, 3) : pick(r, 0, 3), 2));
                }
            }
            if (r.nextBoolean()) {
                root.set("head", layers(r, pick(r, 1, 2), 1));
            }
        }
        return root;
    }

    static ArrayNode layers(Random r, int count, int depth) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            a.add(layer(r, depth));
        }
        return a;
    }

    static ObjectNode layer(Random r, int depth) {
        int kind = r.nextInt(10);
        if (depth > 0 && kind < 3) {
            return composite(r, depth - 1);
        }
        if (kind < 5) {
            ObjectNode t = RandomBlocks.any(r).template().toJson();
            // every template defaults to a 3x3 kernel and stride 1
            if (t.path("kernel").asInt() == 3 && r.nextBoolean()) {
                t.remove("kernel");
            }
            if (t.path("stride").asInt() == 1 && r.nextBoolean()) {
                t.remove("stride");
            }
            return t;
        }
        return op(r, OPS.get(r.nextInt(OPS.size())));
    }

    static ObjectNode composite(Random r, int depth) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        switch (r.nextInt(4)) {
            case 0 -> n.put("type", "sequence").set("layers", layers(r, pick(r, 1, 3), depth));
            case 1 -> {
                n.put("type", "residual").set("body", layers(r, pick(r, 1, 3), depth));
                if (r.nextBoolean()) {
                    n.set("shortcut", layers(r, pick(r, 1, 2), depth));
                }
            }
            case 2 -> {
                n.put("type", "concat");
                ArrayNode branches = n.putArray("branches");
                for (int b = pick(r, 1, 3); b > 0; b--) {
                    branches.add(layers(r, pick(r, 1, 2), depth));
                }
            }
            default -> {
                n.put("type", "split");
                ArrayNode sizes = n.putArray("sizes");
                ArrayNode branches = n.putArray("branches");
                for (int b = pick(r, 1, 3); b > 0; b--) {
                    sizes.add(pick(r, 1, 16));
                    branches.add(layers(r, pick(r, 1, 2), depth));
                }
            }
        }
        return n;
    }

    static ObjectNode op(Random r, String type) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", type);
        switch (type) {
            case "conv" -> {
                int groups = pick(r, 1, 4);
                int kernel = pick(r, 1, 7);
                n.put("out", groups * pick(r, 1, 16));
                maybe(r, n, "kernel", kernel);
                maybe(r, n, "stride", pick(r, 1, 3));
                maybe(r, n, "padding", pick(r, 0, 3));
                maybe(r, n, "groups", groups);
                if (r.nextBoolean()) {
                    n.put("bias", r.nextBoolean());
                }
            }
            case "shuffle" -> n.put("groups", pick(r, 1, 8));
            case "permute" -> {
                List<Integer> values = new ArrayList<>();
                for (int i = pick(r, 1, 12); i > 0; i--) {
                    values.add(values.size());
                }
                Collections.shuffle(values, r);
                ArrayNode map = n.putArray("map");
                values.forEach(map::add);
            }
            case "maxpool", "avgpool" -> {
                int kernel = pick(r, 1, 5);
                n.put("kernel", kernel);
                maybe(r, n, "stride", pick(r, 1, 3));
                maybe(r, n, "padding", pick(r, 0, kernel / 2));
            }
            case "linear" -> {
                n.put("out", pick(r, 1, 100));
                if (r.nextBoolean()) {
                    n.put("bias", r.nextBoolean());
                }
            }
            default -> {
                // bn, relu, relu6, gap: the type alone
            }
        }
        return n;
    }

    private static void maybe(Random r, ObjectNode n, String field, int value) {
        if (r.nextBoolean()) {
            n.put(field, value);
        }
    }

    private static int pick(Random r, int lo, int hi) {
        return RandomBlocks.pick(r, lo, hi);
    }
}
