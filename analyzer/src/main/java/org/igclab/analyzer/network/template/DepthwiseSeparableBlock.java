package org.igclab.analyzer.network.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * The depthwise-separable block of Xception and MobileNetV1: a channel-wise {@code k x k} convolution, then a
 * dense 1x1 convolution. With {@code norm = each} (MobileNetV1) BN + ReLU follow each; with {@code end} only the block.
 *
 * @param out    output channels
 * @param kernel side of the channel-wise kernel
 * @param stride stride of the channel-wise kernel
 * @param norm   where BN + ReLU go
 */
public record DepthwiseSeparableBlock(int out, int kernel, int stride, Norm norm) implements BlockTemplate {
    public static final String TYPE = "dwsep";
    static final Set<String> FIELDS = Set.of("type", "out", "kernel", "stride", "norm");

    public DepthwiseSeparableBlock {
        InvalidDesignException.requirePositive("out", out);
        InvalidDesignException.requirePositive("kernel", kernel);
        InvalidDesignException.requireOddKernel("kernel", kernel);
        InvalidDesignException.requirePositive("stride", stride);
    }

    static DepthwiseSeparableBlock parse(JsonFields f) {
        f.allowOnly(FIELDS);
        return new DepthwiseSeparableBlock(f.requiredInt("out"), f.optionalInt("kernel", 3), f.optionalInt("stride", 1),
                Norm.parse(f.pathOf("norm"), f.optionalString("norm", "each")));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label(TensorShape in) {
        return "depthwise-separable " + in.channels() + "->" + out + (stride > 1 ? " /" + stride : "");
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        int c = in.channels();
        SpecBuilder b = new SpecBuilder(path).conv("dw", c, kernel, stride, c);
        if (norm == Norm.EACH) {
            b.bn("dw_bn").relu("dw_relu");
        }
        b.conv("pw", out, 1, 1, 1);
        if (norm != Norm.NONE) {
            b.bn("pw_bn").relu("pw_relu");
        }
        return b.build();
    }

    /** Channel-wise then dense: the chain {@code K = (1, C_in)}. */
    @Override
    public Optional<KernelChain> chain(TensorShape in) {
        int c = in.channels();
        return Optional.of(new KernelChain(
                List.of(new GroupConv(c, c, c, kernel, stride), new GroupConv(c, out, 1, 1, 1)),
                List.of(Permutation.identity(c))));
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        TensorShape o = Op.Conv.same(out, kernel, stride, 1).outShape(in);
        int c = in.channels();
        FormulaBuilder f = new FormulaBuilder(label(in))
                .weights("S * C_in", (long) kernel * kernel, c)
                .weights("C_in * C_out", c, out);
        if (norm == Norm.EACH) {
            f.bn("2 * C_in", 2, c);
        }
        if (norm != Norm.NONE) {
            f.bn("2 * C_out", 2, out);
        }
        return f.macs("H_out * W_out * S * C_in", o.height(), o.width(), (long) kernel * kernel, c)
                .macs("H_out * W_out * C_in * C_out", o.height(), o.width(), c, out)
                .build();
    }

    @Override
    public ObjectNode toJson() {
        return JsonFields.MAPPER.createObjectNode().put("type", TYPE).put("out", out).put("kernel", kernel).put("stride", stride)
                .put("norm", norm.jsonName());
    }
}
