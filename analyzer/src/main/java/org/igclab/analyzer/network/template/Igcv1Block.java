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
 * IGCV1's interleaved group convolution {@code IGC-L?M?}: a primary {@code k x k} group convolution with {@code L}
 * groups of {@code M} channels, a shuffle, a secondary 1x1 group convolution with {@code M} groups of {@code L}
 * channels, the shuffle back, then BN + ReLU ({@code norm = end}, as in IGCV1's code). A block that changes width
 * keeps {@code L} and scales {@code M = C_out / L}.
 *
 * @param groups primary groups {@code L}
 * @param out    output channels, or empty to keep the input width
 * @param kernel side of the primary kernel
 * @param stride stride of the primary kernel
 * @param norm   where BN + ReLU go
 */
public record Igcv1Block(int groups, Optional<Integer> out, int kernel, int stride, Norm norm) implements BlockTemplate {
    public static final String TYPE = "igcv1";
    static final Set<String> FIELDS = Set.of("type", "L", "out", "kernel", "stride", "norm");

    public Igcv1Block {
        InvalidDesignException.requirePositive("L", groups);
        out.ifPresent(o -> InvalidDesignException.requirePositive("out", o));
        InvalidDesignException.requirePositive("kernel", kernel);
        InvalidDesignException.requireOddKernel("kernel", kernel);
        InvalidDesignException.requirePositive("stride", stride);
    }

    static Igcv1Block parse(JsonFields f) {
        f.allowOnly(FIELDS);
        return new Igcv1Block(f.requiredInt("L"), f.has("out") ? Optional.of(f.requiredInt("out")) : Optional.empty(),
                f.optionalInt("kernel", 3), f.optionalInt("stride", 1), Norm.parse(f.pathOf("norm"), f.optionalString("norm", "end")));
    }

    private int outChannels(TensorShape in) {
        return out.orElse(in.channels());
    }

    /** {@code M}: channels per primary group at the output width, which is also the secondary's group count. */
    private int secondaryGroups(TensorShape in) {
        int c = outChannels(in);
        if (in.channels() % groups != 0) {
            throw new InvalidDesignException("L", "= " + groups + " does not divide " + in.channels() + " input channels");
        }
        if (c % groups != 0) {
            throw new InvalidDesignException("L", "= " + groups + " does not divide " + c + " output channels");
        }
        return c / groups;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label(TensorShape in) {
        return "IGCV1 L" + groups + "M" + secondaryGroups(in) + " " + in.channels() + "->" + outChannels(in) + (stride > 1 ? " /" + stride : "");
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        int c = outChannels(in);
        int m = secondaryGroups(in);
        SpecBuilder b = new SpecBuilder(path).conv("primary", c, kernel, stride, groups);
        if (norm == Norm.EACH) {
            b.bn("primary_bn").relu("primary_relu");
        }
        b.shuffle("shuffle", groups, c).conv("secondary", c, 1, 1, m).shuffle("shuffle_back", m, c);
        if (norm != Norm.NONE) {
            b.bn("bn").relu("relu");
        }
        return b.build();
    }

    /** Primary, shuffle, secondary, shuffle back: the chain IGCV1 computes. */
    @Override
    public Optional<KernelChain> chain(TensorShape in) {
        int c = outChannels(in);
        int m = secondaryGroups(in);
        return Optional.of(new KernelChain(
                List.of(new GroupConv(in.channels(), c, groups, kernel, stride), GroupConv.of(c, m, 1)),
                List.of(Permutation.shuffle(c, groups)), Optional.of(Permutation.shuffle(c, m))));
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        int c = outChannels(in);
        int m = secondaryGroups(in);
        TensorShape o = Op.Conv.same(c, kernel, stride, groups).outShape(in);
        long s = (long) kernel * kernel;
        FormulaBuilder f = new FormulaBuilder(label(in))
                .weights("S * C_out * C_in / L", s, c, in.channels(), -groups)
                .weights("C_out * L", c, groups);
        if (norm == Norm.EACH) {
            f.bn("2 * C_out", 2, c);
        }
        if (norm != Norm.NONE) {
            f.bn("2 * C_out", 2, c);
        }
        return f.macs("H_out * W_out * S * C_out * C_in / L", o.height(), o.width(), s, c, in.channels(), -groups)
                .macs("H_out * W_out * C_out * L", o.height(), o.width(), c, groups)
                .build();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", TYPE).put("L", groups);
        out.ifPresent(o -> n.put("out", o));
        return n.put("kernel", kernel).put("stride", stride).put("norm", norm.jsonName());
    }
}
