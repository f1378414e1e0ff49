package org.igclab.analyzer.network.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/**
 * MobileNetV2's inverted residual ({@code mbv2}) and MobileNetV3's block ({@code mbv3}): a 1x1 expansion to the hidden
 * width (left out when it equals the input width) + BN + activation, a channel-wise {@code k x k} + BN + activation, an
 * optional squeeze-and-excitation, a linear 1x1 projection + BN; added to the input when the stride is 1 and the width
 * is kept. The hidden width is a ratio of the input's ({@code expansion}, fractional allowed: 200/80 = 2.5) or given
 * ({@code hidden}). The two types differ in their defaults: {@code mbv2} expansion 6 and ReLU6, {@code mbv3} ReLU and a
 * hidden width that must be given.
 *
 * @param type       {@code mbv2} or {@code mbv3}
 * @param out        output channels
 * @param hidden     the hidden width, as a ratio or outright
 * @param stride     stride of the channel-wise kernel
 * @param kernel     side of the channel-wise kernel
 * @param activation after the expansion and the channel-wise kernel
 * @param se         squeeze-and-excitation on the hidden width, after the channel-wise kernel
 */
public record InvertedResidualBlock(String type, int out, Hidden hidden, int stride, int kernel, Op.Activation.Kind activation,
                                    Optional<SqueezeExcitationBlock> se) implements BlockTemplate {
    public static final String TYPE = "mbv2";
    public static final String V3 = "mbv3";
    static final Set<String> FIELDS = Set.of("type", "out", "expansion", "hidden", "stride", "kernel", "activation", "se");

    /** How wide the hidden layer is. */
    public sealed interface Hidden permits Ratio, Channels {
    }

    /** {@code t * C_in}, which must be a whole number. */
    public record Ratio(double expansion) implements Hidden {
        public Ratio {
            if (!(expansion > 0) || Double.isInfinite(expansion)) {
                throw new InvalidDesignException("expansion", "= " + expansion + " must be a positive number");
            }
        }
    }

    /** A width given outright (MobileNetV3's tables give the expanded width). */
    public record Channels(int channels) implements Hidden {
        public Channels {
            InvalidDesignException.requirePositive("hidden", channels);
        }
    }

    public InvertedResidualBlock {
        if (!type.equals(TYPE) && !type.equals(V3)) {
            throw new InvalidDesignException("type", "= \"" + type + "\" is not " + TYPE + " or " + V3);
        }
        InvalidDesignException.requirePositive("out", out);
        InvalidDesignException.requirePositive("stride", stride);
        InvalidDesignException.requirePositive("kernel", kernel);
    }

    /** MobileNetV2's block with a whole expansion factor and ReLU6. */
    public InvertedResidualBlock(int out, int expansion, int stride, int kernel) {
        this(TYPE, out, new Ratio(expansion), stride, kernel, Op.Activation.Kind.RELU6, Optional.empty());
    }

    static InvertedResidualBlock parse(JsonFields f) {
        f.allowOnly(FIELDS);
        String type = f.requiredString("type");
        boolean v3 = type.equals(V3);
        if (f.has("expansion") && f.has("hidden")) {
            throw new InvalidDesignException(f.pathOf("hidden"), "give either \"expansion\" or \"hidden\"");
        }
        Hidden hidden;
        if (f.has("hidden")) {
            hidden = new Channels(f.requiredInt("hidden"));
        } else if (f.has("expansion") || !v3) {
            hidden = new Ratio(f.optionalDouble("expansion", 6));
        } else {
            throw new InvalidDesignException(f.pathOf("hidden"), "is required: give the expanded width (or \"expansion\", its ratio to the input's)");
        }
        Op.Activation.Kind activation = Activations.required(f.pathOf("activation"), f.optionalString("activation", v3 ? "relu" : "relu6"));
        return new InvertedResidualBlock(type, f.requiredInt("out"), hidden, f.optionalInt("stride", 1), f.optionalInt("kernel", 3),
                activation, squeezeExcitation(f));
    }

    /** {@code "se": true} is MobileNetV3's; an object gives its fields; {@code false} or absent is none. */
    private static Optional<SqueezeExcitationBlock> squeezeExcitation(JsonFields f) {
        if (!f.has("se")) {
            return Optional.empty();
        }
        JsonNode se = f.required("se");
        if (se.isBoolean()) {
            return se.asBoolean() ? Optional.of(SqueezeExcitationBlock.MOBILENET_V3) : Optional.empty();
        }
        if (!se.isObject()) {
            throw new InvalidDesignException(f.pathOf("se"), "= " + JsonFields.describe(se) + " must be true, false or an object with "
                    + "\"squeeze\" or \"reduction\", \"divisor\", \"activation\", \"gate\"");
        }
        return Optional.of(SqueezeExcitationBlock.fields(f.object("se")));
    }

    /** The hidden width on {@code in}. */
    public int hiddenChannels(TensorShape in) {
        if (hidden instanceof Channels c) {
            return c.channels();
        }
        double t = ((Ratio) hidden).expansion();
        double exact = in.channels() * t;
        long rounded = Math.round(exact);
        if (rounded > Integer.MAX_VALUE) {
            throw new InvalidDesignException("expansion", "= " + number(t) + " on " + in.channels() + " input channels makes "
                    + String.format("%.0f", exact) + " hidden channels, too large");
        }
        if (Math.abs(exact - rounded) > 1e-9 * Math.max(1, exact)) {
            throw new InvalidDesignException("expansion", "= " + number(t) + " on " + in.channels() + " input channels gives "
                    + java.math.BigDecimal.valueOf(t).multiply(java.math.BigDecimal.valueOf(in.channels())).stripTrailingZeros().toPlainString()
                    + " hidden channels, not a whole number; give \"hidden\" instead");
        }
        return (int) rounded;
    }

    private boolean residual(TensorShape in) {
        return stride == 1 && in.channels() == out;
    }

    private boolean defaultActivation() {
        return activation == (type.equals(V3) ? Op.Activation.Kind.RELU : Op.Activation.Kind.RELU6);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String label(TensorShape in) {
        String widths = hidden instanceof Ratio r && type.equals(TYPE)
                ? "t=" + number(r.expansion()) + " " + in.channels() + "->" + out
                : in.channels() + "->" + hiddenChannels(in) + "->" + out;
        return (type.equals(V3) ? "MobileNetV3 block " : "inverted residual ") + widths + (kernel != 3 ? " k" + kernel : "")
                + (defaultActivation() ? "" : " " + activation.fileName()) + (se.isPresent() ? " SE" : "") + (stride > 1 ? " /" + stride : "");
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        if (residual(in) && kernel % 2 == 0) {
            throw new InvalidDesignException("kernel", "= " + kernel + " is even: padded by " + kernel / 2
                    + ", it grows the output by one and the residual cannot be added (use an odd kernel)");
        }
        int h = hiddenChannels(in);
        Optional<Op.Activation.Kind> act = Optional.of(activation);
        SpecBuilder body = new SpecBuilder(residual(in) ? path + ".body" : path);
        if (h != in.channels()) {
            body.conv("expand", h, 1, 1, 1).bn("expand_bn").activation("expand", act);
        }
        body.conv("dw", h, kernel, stride, h).bn("dw_bn").activation("dw", act);
        se.ifPresent(s -> body.add(new LayerSpec.BlockSpec(body.sub("se"), s)));
        body.conv("project", out, 1, 1, 1).bn("project_bn");
        if (!residual(in)) {
            return body.build();
        }
        return new SpecBuilder(path).add(new LayerSpec.ResidualSpec(path + ".residual", body.build(), Optional.empty())).build();
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        int c = in.channels();
        long h = hiddenChannels(in);
        long hwIn = in.positions();
        // "same" padding kernel / 2, as the channel-wise convolution has (an even kernel grows the side by one)
        TensorShape dwOut = Op.Conv.same(1, kernel, stride, 1).outShape(in.withChannels(1));
        FormulaBuilder f = new FormulaBuilder(label(in));
        if (h != c) {
            f.weights("C_in * C_hid", c, h).bn("2 * C_hid", 2, h).macs("H_in * W_in * C_in * C_hid", hwIn, c, h);
        }
        f.weights("S * C_hid", (long) kernel * kernel, h).bn("2 * C_hid", 2, h)
                .weights("C_hid * C_out", h, out).bn("2 * C_out", 2, out)
                .macs("H_out * W_out * (S + C_out) * C_hid", dwOut.positions(), (long) kernel * kernel + out, h);
        se.ifPresent(s -> f.include(s.formula(new TensorShape((int) h, dwOut.height(), dwOut.width()))));
        return f.build();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", type).put("out", out);
        if (hidden instanceof Channels c) {
            n.put("hidden", c.channels());
        } else {
            double t = ((Ratio) hidden).expansion();
            // a whole factor as an integer, as files wrote it before fractions were allowed (the canonical JSON keeps its hash)
            if (t == Math.rint(t) && t <= Integer.MAX_VALUE) {
                n.put("expansion", (int) t);
            } else {
                n.put("expansion", t);
            }
        }
        n.put("stride", stride).put("kernel", kernel);
        // mbv2 writes what it did not have before only when set, so the canonical JSON of earlier designs is unchanged
        if (type.equals(V3) || !defaultActivation()) {
            n.put("activation", activation.fileName());
        }
        if (se.isPresent() && se.get().equals(SqueezeExcitationBlock.MOBILENET_V3)) {
            n.put("se", true);
        } else if (se.isPresent()) {
            n.set("se", se.get().fieldsJson());
        } else if (type.equals(V3)) {
            n.put("se", false);
        }
        return n;
    }

    /** {@code 6} or {@code 2.5}: a ratio as people write it. */
    private static String number(double t) {
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : Double.toString(t);
    }
}
