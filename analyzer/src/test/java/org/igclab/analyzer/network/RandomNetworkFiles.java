package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.igclab.analyzer.network.template.RandomBlocks;
import org.igclab.rules.io.JsonFields;

/**
 * Random network files ({@code igc-network/1} as JSON trees) for round-trip properties: every operation of
 * {@link OpType}, composites nested a few levels, templates of every family, defaults sometimes written and sometimes
 * left out, and each of the layouts ({@code layers}, or {@code stem} / {@code stages} / {@code head}). Syntactically
 * valid; shapes need not fit. Built from jqwik combinators, so a failure shrinks to a small file.
 */
final class RandomNetworkFiles {

    private RandomNetworkFiles() {
    }

    static Arbitrary<ObjectNode> network() {
        Arbitrary<Map<String, JsonNode>> layout = Arbitraries.oneOf(
                layers(1, 5, 2).map(l -> Map.of("layers", l)),
                Combinators.combine(maybe(layers(1, 3, 1)), stages(), Arbitraries.of(true, false), maybe(layers(1, 2, 1)))
                        .as((stem, stages, keepStages, head) -> {
                            Map<String, JsonNode> sections = new LinkedHashMap<>();
                            stem.ifPresent(s -> sections.put("stem", s));
                            if (keepStages || stem.isEmpty()) {
                                sections.put("stages", stages);
                            }
                            head.ifPresent(h -> sections.put("head", h));
                            return sections;
                        }));
        return Combinators.combine(Arbitraries.of(true, false), maybe(pick(0, 999)), Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)),
                input(), layout).as((format, name, description, input, sections) -> {
                    ObjectNode root = JsonFields.MAPPER.createObjectNode();
                    if (format) {
                        root.put("format", "igc-network/1");
                    }
                    name.ifPresent(n -> root.put("name", "net " + n));
                    if (description) {
                        root.put("description", "random");
                    }
                    root.set("input", input);
                    sections.forEach(root::set);
                    return root;
                });
    }

    private static Arbitrary<ObjectNode> input() {
        return Combinators.combine(pick(1, 64), pick(1, 64), pick(1, 64), Arbitraries.of(true, false)).as((channels, height, width, square) -> {
            ObjectNode in = JsonFields.MAPPER.createObjectNode().put("channels", channels);
            return square ? in.put("size", height) : in.put("height", height).put("width", width);
        });
    }

    /** One to three stages of up to three blocks each; the last is never empty, so the network has layers. */
    private static Arbitrary<ArrayNode> stages() {
        return pick(1, 3).flatMap(count -> {
            List<Arbitrary<ObjectNode>> stages = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                String name = "stage " + s;
                stages.add(Combinators.combine(Arbitraries.of(true, false), layers(s + 1 == count ? 1 : 0, 3, 2)).as((named, blocks) -> {
                    ObjectNode stage = JsonFields.MAPPER.createObjectNode();
                    if (named) {
                        stage.put("name", name);
                    }
                    return stage.set("blocks", blocks);
                }));
            }
            return Combinators.combine(stages).as(RandomNetworkFiles::array);
        });
    }

    static Arbitrary<ArrayNode> layers(int min, int max, int depth) {
        return layer(depth).list().ofMinSize(min).ofMaxSize(max).map(RandomNetworkFiles::array);
    }

    static Arbitrary<ObjectNode> layer(int depth) {
        return depth > 0
                ? Arbitraries.frequencyOf(Tuple.of(3, op()), Tuple.of(2, template()), Tuple.of(5, composite(depth - 1)))
                : Arbitraries.frequencyOf(Tuple.of(5, op()), Tuple.of(5, template()));
    }

    /**
     * A template of any family, written-out chains (the most varied JSON) as often as all the others together, its
     * default kernel (3) and stride (1) sometimes left out.
     */
    static Arbitrary<ObjectNode> template() {
        Arbitrary<RandomBlocks.Case> block = Arbitraries.oneOf(RandomBlocks.any(), RandomBlocks.igcv2Written());
        return Combinators.combine(block, Arbitraries.of(false, true), Arbitraries.of(false, true)).as((c, dropKernel, dropStride) -> {
            ObjectNode t = c.template().toJson();
            if (dropKernel && t.path("kernel").asInt() == 3) {
                t.remove("kernel");
            }
            if (dropStride && t.path("stride").asInt() == 1) {
                t.remove("stride");
            }
            return t;
        });
    }

    static Arbitrary<ObjectNode> composite(int depth) {
        Arbitrary<ObjectNode> sequence = layers(1, 3, depth).map(l -> node("sequence").set("layers", l));
        Arbitrary<ObjectNode> residual = Combinators.combine(layers(1, 3, depth), maybe(layers(1, 2, depth))).as((body, shortcut) -> {
            ObjectNode n = node("residual").set("body", body);
            shortcut.ifPresent(s -> n.set("shortcut", s));
            return n;
        });
        Arbitrary<ObjectNode> concat = layers(1, 2, depth).list().ofMinSize(1).ofMaxSize(3).map(b -> node("concat").set("branches", array(b)));
        Arbitrary<ObjectNode> split = Combinators.combine(pick(1, 16), layers(1, 2, depth)).as(Tuple::of).list().ofMinSize(1).ofMaxSize(3)
                .map(parts -> {
                    ObjectNode n = node("split");
                    ArrayNode sizes = n.putArray("sizes");
                    ArrayNode branches = n.putArray("branches");
                    parts.forEach(p -> {
                        sizes.add(p.get1());
                        branches.add(p.get2());
                    });
                    return n;
                });
        Arbitrary<ObjectNode> mul = Combinators.combine(layers(1, 3, depth), maybe(layers(1, 2, depth))).as((body, other) -> {
            ObjectNode n = node("mul").set("body", body);
            other.ifPresent(o -> n.set("other", o));
            return n;
        });
        return Arbitraries.oneOf(sequence, residual, mul, concat, split);
    }

    /** Any operation of the one table of names, with the fields it takes, optional ones sometimes left out. */
    static Arbitrary<ObjectNode> op() {
        return Arbitraries.of(OpType.values()).flatMap(RandomNetworkFiles::op);
    }

    static Arbitrary<ObjectNode> op(OpType type) {
        ObjectNode n = node(type.fileName());
        return switch (type) {
            case CONV -> Combinators.combine(pick(1, 4), pick(1, 16), maybe(pick(1, 7)), maybe(pick(1, 3)), maybe(pick(0, 3)),
                    Arbitraries.of(true, false), maybe(Arbitraries.of(true, false)), maybe(pick(1, 3))).as((groups, times, kernel, stride, padding,
                    writeGroups, bias, dilation) -> {
                        ObjectNode c = n.deepCopy().put("out", groups * times);
                        dilation.ifPresent(d -> c.put("dilation", d));
                        kernel.ifPresent(k -> c.put("kernel", k));
                        stride.ifPresent(s -> c.put("stride", s));
                        padding.ifPresent(p -> c.put("padding", p));
                        if (writeGroups || groups > 1) {
                            c.put("groups", groups);
                        }
                        bias.ifPresent(b -> c.put("bias", b));
                        return c;
                    });
            case SHUFFLE -> pick(1, 8).map(g -> n.deepCopy().put("groups", g));
            case UNKNOWN -> Combinators.combine(Arbitraries.of("Einsum", "Foo", "Conv 1x7"), maybe(Combinators.combine(pick(1, 8), pick(1, 8),
                    pick(1, 8)).as((c, h, w) -> JsonFields.MAPPER.createObjectNode().put("channels", c).put("height", h).put("width", w))),
                    maybe(Arbitraries.of("not square", "ceil mode"))).as((name, out, note) -> {
                        ObjectNode u = n.deepCopy().put("operator", name);
                        out.ifPresent(o -> u.set("out", o));
                        note.ifPresent(t -> u.put("note", t));
                        return u;
                    });
            case PERMUTE -> pick(1, 12).flatMap(size -> Arbitraries.shuffle(IntStream.range(0, size).boxed().toList())).map(order -> {
                ObjectNode p = n.deepCopy();
                ArrayNode map = p.putArray("map");
                order.forEach(map::add);
                return p;
            });
            case MAX_POOL, AVG_POOL -> pick(1, 5).flatMap(kernel -> Combinators.combine(maybe(pick(1, 3)), maybe(pick(0, kernel / 2)))
                    .as((stride, padding) -> {
                        ObjectNode p = n.deepCopy().put("kernel", kernel);
                        stride.ifPresent(s -> p.put("stride", s));
                        padding.ifPresent(v -> p.put("padding", v));
                        return p;
                    }));
            case LINEAR -> Combinators.combine(pick(1, 100), maybe(Arbitraries.of(true, false))).as((out, bias) -> {
                ObjectNode l = n.deepCopy().put("out", out);
                bias.ifPresent(b -> l.put("bias", b));
                return l;
            });
            case BATCH_NORM, RELU, RELU6, HARDSWISH, HARDSIGMOID, SIGMOID, IDENTITY, GLOBAL_AVG_POOL -> Arbitraries.just(n).map(ObjectNode::deepCopy);
        };
    }

    private static ObjectNode node(String type) {
        return JsonFields.MAPPER.createObjectNode().put("type", type);
    }

    private static ArrayNode array(List<? extends JsonNode> nodes) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        nodes.forEach(a::add);
        return a;
    }

    private static <T> Arbitrary<Optional<T>> maybe(Arbitrary<T> value) {
        return Arbitraries.oneOf(Arbitraries.just(Optional.empty()), value.map(Optional::of));
    }

    private static Arbitrary<Integer> pick(int lo, int hi) {
        return Arbitraries.integers().between(lo, hi);
    }
}
