package org.igclab.analyzer.network.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.ExactCounts;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Squeeze-and-excitation (Hu et al.; torchvision's {@code SqueezeExcitation}): global average pooling, a 1x1
 * convolution with bias to the squeeze width, an activation, a 1x1 convolution with bias back to {@code C}, a gate,
 * and the input multiplied by that per-channel scale. The squeeze width is given, or {@code C / reduction} rounded as
 * torchvision's {@code _make_divisible} rounds it to a multiple of {@code divisor} (MobileNetV3: reduction 4, divisor 8).
 *
 * @param squeeze    the squeeze width, or how to derive it from {@code C}
 * @param activation after the first convolution
 * @param gate       after the second (sigmoid in the SE paper, hard sigmoid in MobileNetV3)
 */
public record SqueezeExcitationBlock(Squeeze squeeze, Op.Activation.Kind activation, Op.Activation.Kind gate) implements BlockTemplate {
    public static final String TYPE = "se";
    static final Set<String> FIELDS = Set.of("squeeze", "reduction", "divisor", "activation", "gate");

    /** MobileNetV3's: {@code C / 4} rounded to a multiple of 8, ReLU, hard sigmoid. */
    public static final SqueezeExcitationBlock MOBILENET_V3 = new SqueezeExcitationBlock(new Reduced(4, 8), Op.Activation.Kind.RELU,
            Op.Activation.Kind.HARDSIGMOID);

    /** How the squeeze width is found. */
    public sealed interface Squeeze permits Fixed, Reduced {
    }

    /** A width given outright. */
    public record Fixed(int channels) implements Squeeze {
        public Fixed {
            InvalidDesignException.requirePositive("squeeze", channels);
        }
    }

    /** {@code C / reduction} (integer division), rounded to a multiple of {@code divisor} ({@code 1}: as it is). */
    public record Reduced(int reduction, int divisor) implements Squeeze {
        public Reduced {
            InvalidDesignException.requirePositive("reduction", reduction);
            InvalidDesignException.requirePositive("divisor", divisor);
        }
    }

    static SqueezeExcitationBlock parse(JsonFields f) {
        Set<String> allowed = new java.util.HashSet<>(FIELDS);
        allowed.add("type");
        return read(f.allowOnly(allowed));
    }

    /** The fields of an SE written inside another block ({@code "se": {...}}), without a type. */
    static SqueezeExcitationBlock fields(JsonFields f) {
        return read(f.allowOnly(FIELDS));
    }

    private static SqueezeExcitationBlock read(JsonFields f) {
        if (f.has("squeeze") && (f.has("reduction") || f.has("divisor"))) {
            throw new InvalidDesignException(f.pathOf("squeeze"), "give either \"squeeze\" or \"reduction\" (with \"divisor\")");
        }
        Squeeze squeeze = f.has("squeeze") ? new Fixed(f.requiredInt("squeeze"))
                : new Reduced(f.optionalInt("reduction", 16), f.optionalInt("divisor", 1));
        return new SqueezeExcitationBlock(squeeze, Activations.required(f.pathOf("activation"), f.optionalString("activation", "relu")),
                Activations.required(f.pathOf("gate"), f.optionalString("gate", "sigmoid")));
    }

    /** The squeeze width on {@code channels} input channels. */
    public int squeezeChannels(int channels) {
        if (squeeze instanceof Fixed fixed) {
            return fixed.channels();
        }
        Reduced r = (Reduced) squeeze;
        return makeDivisible(channels / r.reduction(), r.divisor());
    }

    /** torchvision's {@code _make_divisible}: the nearest multiple of {@code d}, at least {@code d}, and not below 90% of {@code v}. */
    static int makeDivisible(int v, int d) {
        long rounded = Math.max(d, ((2L * v + d) / 2) / d * d);
        if (10 * rounded < 9L * v) {
            rounded += d;
        }
        return ExactCounts.toInt(rounded);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label(TensorShape in) {
        return "SE " + in.channels() + "->" + squeezeChannels(in.channels()) + "->" + in.channels() + " " + activation.fileName() + "/"
                + gate.fileName();
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        int c = in.channels();
        SpecBuilder scale = new SpecBuilder(path + ".scale")
                .op("pool", new Op.GlobalAvgPool())
                .op("fc1", new Op.Conv(squeezeChannels(c), 1, 1, 0, 1, true))
                .activation("fc1", Optional.of(activation))
                .op("fc2", new Op.Conv(c, 1, 1, 0, 1, true))
                .activation("", Optional.of(gate));
        return new SpecBuilder(path).add(new LayerSpec.MulSpec(path + ".mul", scale.build(), Optional.empty())).build();
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        int c = in.channels();
        int s = squeezeChannels(c);
        return new FormulaBuilder(label(in))
                .weights("C * C_sq", c, s).weights("C_sq * C", s, c)
                .bias("C_sq + C", (long) s + c)
                .macs("2 * C * C_sq", 2, c, s)
                .build();
    }

    /** The fields beside {@code type}, as {@link #fields} reads them. */
    ObjectNode fieldsJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode();
        if (squeeze instanceof Fixed fixed) {
            n.put("squeeze", fixed.channels());
        } else {
            Reduced r = (Reduced) squeeze;
            n.put("reduction", r.reduction()).put("divisor", r.divisor());
        }
        return n.put("activation", activation.fileName()).put("gate", gate.fileName());
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", TYPE);
        n.setAll(fieldsJson());
        return n;
    }
}
