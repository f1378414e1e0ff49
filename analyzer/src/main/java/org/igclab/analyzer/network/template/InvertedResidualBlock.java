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
 * MobileNetV2's inverted residual: 1x1 expansion to {@code t * C_in} (left out when {@code t = 1}) + BN + ReLU6,
 * channel-wise {@code k x k} + BN + ReLU6, linear 1x1 projection + BN; added to the input when the stride is 1
 * and the width is kept.
 *
 * @param out       output channels
 * @param expansion expansion factor {@code t}
 * @param stride    stride of the channel-wise kernel
 * @param kernel    side of the channel-wise kernel
 */
public record InvertedResidualBlock(int out, int expansion, int stride, int kernel) implements BlockTemplate {
    public static final String TYPE = "mbv2";
    static final Set<String> FIELDS = Set.of("type", "out", "expansion", "stride", "kernel");

    public InvertedResidualBlock {
        InvalidDesignException.requirePositive("out", out);
        InvalidDesignException.requirePositive("expansion", expansion);
        InvalidDesignException.requirePositive("stride", stride);
        InvalidDesignException.requirePositive("kernel", kernel);
    }

    static InvertedResidualBlock parse(JsonFields f) {
        f.allowOnly(FIELDS);
        return new InvertedResidualBlock(f.requiredInt("out"), f.optionalInt("expansion", 6), f.optionalInt("stride", 1),
                f.optionalInt("kernel", 3));
    }

    private boolean residual(TensorShape in) {
        return stride == 1 && in.channels() == out;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label(TensorShape in) {
        return "inverted residual t=" + expansion + " " + in.channels() + "->" + out + (stride > 1 ? " /" + stride : "");
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        if (residual(in) && kernel % 2 == 0) {
            throw new InvalidDesignException("kernel", "= " + kernel + " is even: padded by " + kernel / 2
                    + ", it grows the output by one and the residual cannot be added (use an odd kernel)");
        }
        int hidden = ExactCounts.multiply(in.channels(), expansion);
        SpecBuilder body = new SpecBuilder(residual(in) ? path + ".body" : path);
        if (expansion != 1) {
            body.conv("expand", hidden, 1, 1, 1).bn("expand_bn").relu6("expand_relu6");
        }
        body.conv("dw", hidden, kernel, stride, hidden).bn("dw_bn").relu6("dw_relu6")
                .conv("project", out, 1, 1, 1).bn("project_bn");
        if (!residual(in)) {
            return body.build();
        }
        return new SpecBuilder(path).add(new LayerSpec.ResidualSpec(path + ".residual", body.build(), Optional.empty())).build();
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        int c = in.channels();
        long hidden = (long) c * expansion;
        long hwIn = in.positions();
        // "same" padding kernel / 2, as the channel-wise convolution has (an even kernel grows the side by one)
        long hwOut = Op.Conv.same(1, kernel, stride, 1).outShape(in.withChannels(1)).positions();
        FormulaBuilder f = new FormulaBuilder(label(in));
        if (expansion != 1) {
            f.weights("C_in * t * C_in", c, expansion, c).bn("2 * t * C_in", 2, expansion, c)
                    .macs("H_in * W_in * C_in * t * C_in", hwIn, c, expansion, c);
        }
        return f.weights("S * t * C_in", (long) kernel * kernel, hidden).bn("2 * t * C_in", 2, hidden)
                .weights("t * C_in * C_out", hidden, out).bn("2 * C_out", 2, out)
                .macs("H_out * W_out * (S + C_out) * t * C_in", hwOut, (long) kernel * kernel + out, hidden)
                .build();
    }

    @Override
    public ObjectNode toJson() {
        return JsonFields.MAPPER.createObjectNode().put("type", TYPE).put("out", out).put("expansion", expansion)
                .put("stride", stride).put("kernel", kernel);
    }
}
