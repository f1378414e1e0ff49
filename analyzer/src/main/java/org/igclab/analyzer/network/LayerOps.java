package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.Permutation;

/** Reading and writing the primitive operations and composites of a network file. */
final class LayerOps {

    private LayerOps() {
    }

    static Op parse(String type, JsonFields f) {
        return switch (type) {
            case "conv" -> {
                f.allowOnly(Set.of("type", "out", "kernel", "stride", "padding", "groups", "bias"));
                int kernel = f.optionalInt("kernel", 3);
                yield new Op.Conv(f.requiredInt("out"), kernel, f.optionalInt("stride", 1), f.optionalInt("padding", kernel / 2),
                        f.optionalInt("groups", 1), f.optionalBoolean("bias", false));
            }
            case "shuffle" -> new Op.Shuffle(f.allowOnly(Set.of("type", "groups")).requiredInt("groups"));
            case "permute" -> {
                f.allowOnly(Set.of("type", "map"));
                int[] map = f.array("map").stream().mapToInt(JsonFields.Element::asInt).toArray();
                try {
                    yield new Op.Permute(Permutation.of(map));
                } catch (InvalidDesignException e) {
                    throw e.under("map");
                }
            }
            case "bn" -> {
                f.allowOnly(Set.of("type"));
                yield new Op.BatchNorm();
            }
            case "relu", "relu6" -> {
                f.allowOnly(Set.of("type"));
                yield new Op.Activation(type.equals("relu") ? Op.Activation.Kind.RELU : Op.Activation.Kind.RELU6);
            }
            case "maxpool", "avgpool" -> {
                f.allowOnly(Set.of("type", "kernel", "stride", "padding"));
                int kernel = f.requiredInt("kernel");
                yield new Op.Pool(type.equals("maxpool"), kernel, f.optionalInt("stride", kernel), f.optionalInt("padding", 0));
            }
            case "gap" -> {
                f.allowOnly(Set.of("type"));
                yield new Op.GlobalAvgPool();
            }
            case "linear" -> {
                f.allowOnly(Set.of("type", "out", "bias"));
                yield new Op.Linear(f.requiredInt("out"), f.optionalBoolean("bias", true));
            }
            default -> throw new IllegalArgumentException(type);
        };
    }

    static ObjectNode toJson(LayerSpec spec) {
        if (spec instanceof LayerSpec.OpSpec o) {
            return opJson(o.op());
        }
        if (spec instanceof LayerSpec.BlockSpec b) {
            return b.template().toJson();
        }
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        if (spec instanceof LayerSpec.SequenceSpec s) {
            n.put("type", "sequence");
            n.set("layers", list(s.layers()));
        } else if (spec instanceof LayerSpec.ResidualSpec r) {
            n.put("type", "residual");
            n.set("body", list(((LayerSpec.SequenceSpec) r.body()).layers()));
            r.shortcut().ifPresent(s -> n.set("shortcut", list(((LayerSpec.SequenceSpec) s).layers())));
        } else if (spec instanceof LayerSpec.ConcatSpec c) {
            n.put("type", "concat");
            n.set("branches", branches(c.branches()));
        } else {
            LayerSpec.SplitSpec s = (LayerSpec.SplitSpec) spec;
            n.put("type", "split");
            ArrayNode sizes = n.putArray("sizes");
            s.sizes().forEach(sizes::add);
            n.set("branches", branches(s.branches()));
        }
        return n;
    }

    private static ArrayNode list(List<LayerSpec> layers) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        layers.forEach(l -> a.add(toJson(l)));
        return a;
    }

    private static ArrayNode branches(List<LayerSpec> branches) {
        ArrayNode a = JsonFields.MAPPER.createArrayNode();
        branches.forEach(b -> a.add(list(((LayerSpec.SequenceSpec) b).layers())));
        return a;
    }

    private static ObjectNode opJson(Op op) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", op.type());
        if (op instanceof Op.Conv c) {
            n.put("out", c.outChannels()).put("kernel", c.kernel()).put("stride", c.stride()).put("padding", c.padding())
                    .put("groups", c.groups()).put("bias", c.bias());
        } else if (op instanceof Op.Shuffle s) {
            n.put("groups", s.groups());
        } else if (op instanceof Op.Permute p) {
            ArrayNode map = n.putArray("map");
            for (int s : p.permutation().toArray()) {
                map.add(s);
            }
        } else if (op instanceof Op.Pool p) {
            n.put("kernel", p.kernel()).put("stride", p.stride()).put("padding", p.padding());
        } else if (op instanceof Op.Linear l) {
            n.put("out", l.outFeatures()).put("bias", l.bias());
        }
        return n;
    }
}
