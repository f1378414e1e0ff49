package org.igclab.analyzer.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.Permutation;

/** Reading and writing the primitive operations of a network file, beside {@link Op} and its table of names {@link OpType}. */
public final class OpJson {

    private OpJson() {
    }

    /** The operation of an object whose {@code type} is {@code type}; fields it does not know are refused by name. */
    public static Op read(OpType type, JsonFields f) {
        return switch (type) {
            case CONV -> {
                f.allowOnly(Set.of("type", "out", "kernel", "stride", "padding", "groups", "bias", "dilation"));
                int kernel = f.optionalInt("kernel", 3);
                int dilation = f.optionalInt("dilation", 1);
                // "same" padding for the dilated window, which spans dilation * (kernel - 1) + 1
                yield new Op.Conv(f.requiredInt("out"), kernel, f.optionalInt("stride", 1), f.optionalInt("padding", dilation * (kernel / 2)),
                        f.optionalInt("groups", 1), f.optionalBoolean("bias", false), dilation);
            }
            case SHUFFLE -> new Op.Shuffle(f.allowOnly(Set.of("type", "groups")).requiredInt("groups"));
            case PERMUTE -> {
                f.allowOnly(Set.of("type", "map"));
                int[] map = f.array("map").stream().mapToInt(JsonFields.Element::asInt).toArray();
                try {
                    yield new Op.Permute(Permutation.of(map));
                } catch (InvalidDesignException e) {
                    throw e.under("map");
                }
            }
            case BATCH_NORM -> bare(f, new Op.BatchNorm());
            case RELU -> bare(f, new Op.Activation(Op.Activation.Kind.RELU));
            case RELU6 -> bare(f, new Op.Activation(Op.Activation.Kind.RELU6));
            case HARDSWISH -> bare(f, new Op.Activation(Op.Activation.Kind.HARDSWISH));
            case HARDSIGMOID -> bare(f, new Op.Activation(Op.Activation.Kind.HARDSIGMOID));
            case SIGMOID -> bare(f, new Op.Activation(Op.Activation.Kind.SIGMOID));
            case IDENTITY -> bare(f, new Op.Identity());
            case UNKNOWN -> {
                f.allowOnly(Set.of("type", "operator", "out", "note"));
                yield new Op.Unknown(f.requiredString("operator"),
                        f.has("out") ? java.util.Optional.of(NetworkJson.input(f.object("out"))) : java.util.Optional.empty(),
                        f.optionalString("note", ""));
            }
            case MAX_POOL, AVG_POOL -> {
                f.allowOnly(Set.of("type", "kernel", "stride", "padding"));
                int kernel = f.requiredInt("kernel");
                yield new Op.Pool(type == OpType.MAX_POOL, kernel, f.optionalInt("stride", kernel), f.optionalInt("padding", 0));
            }
            case GLOBAL_AVG_POOL -> bare(f, new Op.GlobalAvgPool());
            case LINEAR -> {
                f.allowOnly(Set.of("type", "out", "bias"));
                yield new Op.Linear(f.requiredInt("out"), f.optionalBoolean("bias", true));
            }
        };
    }

    /** An operation without fields of its own. */
    private static Op bare(JsonFields f, Op op) {
        f.allowOnly(Set.of("type"));
        return op;
    }

    /** The operation as a file writes it, every field explicit. */
    public static ObjectNode write(Op op) {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", op.type().fileName());
        return op.accept(new Op.Visitor<>() {
            @Override
            public ObjectNode conv(Op.Conv c) {
                n.put("out", c.outChannels()).put("kernel", c.kernel()).put("stride", c.stride()).put("padding", c.padding())
                        .put("groups", c.groups()).put("bias", c.bias());
                // written only when dilated, so the canonical JSON (and hash) of every undilated design stays as it was
                return c.dilation() == 1 ? n : n.put("dilation", c.dilation());
            }

            @Override
            public ObjectNode shuffle(Op.Shuffle s) {
                return n.put("groups", s.groups());
            }

            @Override
            public ObjectNode permute(Op.Permute p) {
                ArrayNode map = n.putArray("map");
                for (int s : p.permutation().toArray()) {
                    map.add(s);
                }
                return n;
            }

            @Override
            public ObjectNode batchNorm(Op.BatchNorm b) {
                return n;
            }

            @Override
            public ObjectNode activation(Op.Activation a) {
                return n;
            }

            @Override
            public ObjectNode pool(Op.Pool p) {
                return n.put("kernel", p.kernel()).put("stride", p.stride()).put("padding", p.padding());
            }

            @Override
            public ObjectNode globalAvgPool(Op.GlobalAvgPool g) {
                return n;
            }

            @Override
            public ObjectNode linear(Op.Linear l) {
                return n.put("out", l.outFeatures()).put("bias", l.bias());
            }

            @Override
            public ObjectNode identity(Op.Identity i) {
                return n;
            }

            @Override
            public ObjectNode unknown(Op.Unknown u) {
                n.put("operator", u.operator());
                u.out().ifPresent(o -> n.putObject("out").put("channels", o.channels()).put("height", o.height()).put("width", o.width()));
                return u.note().isEmpty() ? n : n.put("note", u.note());
            }
        });
    }
}
