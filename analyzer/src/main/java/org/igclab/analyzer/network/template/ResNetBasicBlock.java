package org.igclab.analyzer.network.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.ExactCounts;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * ResNet's basic block: two 3x3 convolutions with BN (ReLU between), added to the input or to a projection
 * (1x1 convolution + BN, with {@code shortcutGroups} groups) when the stride or width changes, then ReLU; a block
 * without a projection refuses {@code shortcutGroups}.
 * With {@code igcL} set, each 3x3 convolution is an IGC pair instead (3x3 with {@code L} groups, shuffle,
 * 1x1 with {@code C_out / L} groups, shuffle back), as in IGCV1's ImageNet networks.
 *
 * @param out            output channels
 * @param stride         stride of the first convolution and of the projection
 * @param igcL           primary groups of the IGC pairs, or empty for plain convolutions
 * @param shortcutGroups groups of the projection
 */
public record ResNetBasicBlock(int out, int stride, Optional<Integer> igcL, int shortcutGroups) implements BlockTemplate {
    public static final String TYPE = "resnet-basic";
    static final Set<String> FIELDS = Set.of("type", "out", "stride", "igcL", "shortcutGroups");

    public ResNetBasicBlock {
        InvalidDesignException.requirePositive("out", out);
        InvalidDesignException.requirePositive("stride", stride);
        InvalidDesignException.requirePositive("shortcutGroups", shortcutGroups);
        igcL.ifPresent(l -> InvalidDesignException.requirePositive("igcL", l));
        if (out % shortcutGroups != 0) {
            throw new InvalidDesignException("shortcutGroups", "= " + shortcutGroups + " does not divide " + out + " output channels");
        }
        if (igcL.isPresent() && out % igcL.get() != 0) {
            throw new InvalidDesignException("igcL", "= " + igcL.get() + " does not divide " + out + " output channels");
        }
    }

    static ResNetBasicBlock parse(JsonFields f) {
        f.allowOnly(FIELDS);
        return new ResNetBasicBlock(f.requiredInt("out"), f.optionalInt("stride", 1),
                f.has("igcL") ? Optional.of(f.requiredInt("igcL")) : Optional.empty(), f.optionalInt("shortcutGroups", 1));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label(TensorShape in) {
        return "ResNet basic" + igcL.map(l -> " IGC-L" + l + "M" + (out / l)).orElse("") + " " + in.channels() + "->" + out
                + (stride > 1 ? " /" + stride : "");
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        ResNetShortcut.check(in, out, stride, shortcutGroups);
        if (igcL.isPresent() && in.channels() % igcL.get() != 0) {
            throw new InvalidDesignException("igcL", "= " + igcL.get() + " does not divide " + in.channels() + " input channels");
        }
        SpecBuilder body = new SpecBuilder(path + ".body");
        convolution(body, "conv1", stride);
        body.bn("bn1").relu("relu1");
        convolution(body, "conv2", 1);
        body.bn("bn2");
        return ResNetShortcut.assemble(path, body, in, out, stride, shortcutGroups);
    }

    private void convolution(SpecBuilder b, String name, int convStride) {
        if (igcL.isEmpty()) {
            b.conv(name, out, 3, convStride, 1);
            return;
        }
        // written out rather than expanded from pair(): a chain's permutations are arrays, too large at the widths this takes
        int l = igcL.get();
        int m = out / l;
        b.conv(name + "_primary", out, 3, convStride, l)
                .shuffle(name + "_shuffle", l, out)
                .conv(name + "_secondary", out, 1, 1, m)
                .shuffle(name + "_shuffle_back", m, out);
    }

    /** With {@code igcL}: the two IGC pairs (primary, shuffle, secondary, shuffle back), the first with the block's stride. */
    @Override
    public List<KernelChain> chains(TensorShape in) {
        if (igcL.isEmpty()) {
            return List.of();
        }
        return List.of(pair(in.channels(), stride), pair(out, 1));
    }

    private KernelChain pair(int inChannels, int pairStride) {
        int l = igcL.get();
        int m = out / l;
        return new KernelChain(List.of(new GroupConv(inChannels, out, l, 3, pairStride), GroupConv.of(out, m, 1)),
                List.of(Permutation.shuffle(out, l)), Optional.of(Permutation.shuffle(out, m)));
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        TensorShape o = Op.Conv.same(out, 3, stride, 1).outShape(in);
        long hw = o.positions();
        int c = in.channels();
        FormulaBuilder f = new FormulaBuilder(label(in));
        if (igcL.isEmpty()) {
            f.weights("9 * C_in * C_out", 9, c, out).weights("9 * C_out * C_out", 9, out, out);
            f.macs("H_out * W_out * 9 * (C_in + C_out) * C_out", hw, 9, (long) c + out, out);
        } else {
            int l = igcL.get();
            f.weights("9 * C_out * C_in / L", 9, out, c, -l).weights("C_out * L", out, l)
                    .weights("9 * C_out * C_out / L", 9, out, out, -l).weights("C_out * L", out, l);
            // L divides both widths; exact arithmetic so a huge width is an error, never a wrapped count
            f.macs("H_out * W_out * (9 * C_out * (C_in + C_out) / L + 2 * C_out * L)", hw,
                    ExactCounts.add(ExactCounts.multiply(9L * out, ((long) c + out) / l), ExactCounts.multiply(2L * out, l)));
        }
        f.bn("2 * 2 * C_out", 2, 2, out);
        ResNetShortcut.formula(f, in, out, stride, shortcutGroups, hw);
        return f.build();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", TYPE).put("out", out).put("stride", stride);
        igcL.ifPresent(l -> n.put("igcL", l));
        return n.put("shortcutGroups", shortcutGroups);
    }
}
