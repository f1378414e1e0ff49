package org.igclab.analyzer.network.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/**
 * Plain convolution, {@code conv -> BN -> activation}.
 *
 * @param out        output channels
 * @param kernel     kernel side
 * @param stride     stride
 * @param groups     groups
 * @param activation an activation's name ({@code relu}, {@code relu6}, {@code hardswish}, ...) or {@code none}
 */
public record PlainConvBlock(int out, int kernel, int stride, int groups, String activation) implements BlockTemplate {
    public static final String TYPE = "conv-bn-relu";
    static final Set<String> FIELDS = Set.of("type", "out", "kernel", "stride", "groups", "activation");

    public PlainConvBlock {
        InvalidDesignException.requirePositive("out", out);
        InvalidDesignException.requirePositive("kernel", kernel);
        InvalidDesignException.requirePositive("stride", stride);
        InvalidDesignException.requirePositive("groups", groups);
        Activations.parse("activation", activation, true);
    }

    static PlainConvBlock parse(JsonFields f) {
        f.allowOnly(FIELDS);
        return new PlainConvBlock(f.requiredInt("out"), f.optionalInt("kernel", 3), f.optionalInt("stride", 1),
                f.optionalInt("groups", 1), f.optionalString("activation", "relu"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label(TensorShape in) {
        return kernel + "x" + kernel + " conv" + (groups > 1 ? " G=" + groups : "") + " " + in.channels() + "->" + out;
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        if (in.channels() % groups != 0) {
            throw new InvalidDesignException("groups", "= " + groups + " does not divide " + in.channels() + " input channels");
        }
        return new SpecBuilder(path).conv("conv", out, kernel, stride, groups).bn("bn")
                .activation("", Activations.parse("activation", activation, true)).build();
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        TensorShape o = Op.Conv.same(out, kernel, stride, groups).outShape(in);
        return new FormulaBuilder(label(in))
                .weights("S * C_out * C_in / G", (long) kernel * kernel, out, in.channels(), -groups)
                .bn("2 * C_out", 2, out)
                .macs("H_out * W_out * S * C_out * C_in / G", o.height(), o.width(), (long) kernel * kernel, out, in.channels(), -groups)
                .build();
    }

    @Override
    public ObjectNode toJson() {
        return JsonFields.MAPPER.createObjectNode().put("type", TYPE).put("out", out).put("kernel", kernel).put("stride", stride)
                .put("groups", groups).put("activation", activation);
    }
}
