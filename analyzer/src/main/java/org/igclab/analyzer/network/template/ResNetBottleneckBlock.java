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
 * ResNet's bottleneck block as torchvision builds it (ResNet-50/101/152, "v1.5": the stride on the 3x3): a 1x1
 * convolution to the bottleneck width + BN + ReLU, a 3x3 convolution with {@code groups} groups (ResNeXt) and the stride
 * + BN + ReLU, a 1x1 convolution to {@code out} + BN; added to the input or to a projection (1x1 convolution with
 * {@code shortcutGroups} groups + BN) where the stride or the width changes; then ReLU.
 *
 * @param out            output channels
 * @param width          bottleneck width, or empty for {@code out / 4}
 * @param stride         stride of the 3x3 convolution and of the projection
 * @param groups         groups of the 3x3 convolution
 * @param shortcutGroups groups of the projection
 */
public record ResNetBottleneckBlock(int out, Optional<Integer> width, int stride, int groups, int shortcutGroups) implements BlockTemplate {
    public static final String TYPE = "resnet-bottleneck";
    static final Set<String> FIELDS = Set.of("type", "out", "width", "stride", "groups", "shortcutGroups");

    public ResNetBottleneckBlock {
        InvalidDesignException.requirePositive("out", out);
        width.ifPresent(w -> InvalidDesignException.requirePositive("width", w));
        InvalidDesignException.requirePositive("stride", stride);
        InvalidDesignException.requirePositive("groups", groups);
        InvalidDesignException.requirePositive("shortcutGroups", shortcutGroups);
        if (out % shortcutGroups != 0) {
            throw new InvalidDesignException("shortcutGroups", "= " + shortcutGroups + " does not divide " + out + " output channels");
        }
        if (width.isEmpty() && out < 4) {
            throw new InvalidDesignException("out", "= " + out + " leaves no bottleneck (out / 4 = 0); give \"width\"");
        }
    }

    static ResNetBottleneckBlock parse(JsonFields f) {
        f.allowOnly(FIELDS);
        return new ResNetBottleneckBlock(f.requiredInt("out"), f.has("width") ? Optional.of(f.requiredInt("width")) : Optional.empty(),
                f.optionalInt("stride", 1), f.optionalInt("groups", 1), f.optionalInt("shortcutGroups", 1));
    }

    /** The bottleneck width. */
    public int mid() {
        return width.orElse(out / 4);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label(TensorShape in) {
        return "ResNet bottleneck " + in.channels() + "->" + mid() + "->" + out + (groups > 1 ? " G=" + groups : "")
                + (stride > 1 ? " /" + stride : "");
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        ResNetShortcut.check(in, out, stride, shortcutGroups);
        if (mid() % groups != 0) {
            throw new InvalidDesignException("groups", "= " + groups + " does not divide the bottleneck's " + mid() + " channels");
        }
        SpecBuilder body = new SpecBuilder(path + ".body")
                .conv("conv1", mid(), 1, 1, 1).bn("bn1").relu("relu1")
                .conv("conv2", mid(), 3, stride, groups).bn("bn2").relu("relu2")
                .conv("conv3", out, 1, 1, 1).bn("bn3");
        return ResNetShortcut.assemble(path, body, in, out, stride, shortcutGroups);
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        int c = in.channels();
        long w = mid();
        long hwOut = Op.Conv.same(out, 3, stride, 1).outShape(in).positions();
        FormulaBuilder f = new FormulaBuilder(label(in))
                .weights("C_in * C_mid", c, w).weights("9 * C_mid * C_mid / G", 9, w, w, -groups).weights("C_mid * C_out", w, out)
                .bn("2 * (2 * C_mid + C_out)", 2, 2 * w + out)
                .macs("H_in * W_in * C_in * C_mid", in.positions(), c, w)
                .macs("H_out * W_out * C_mid * (9 * C_mid / G + C_out)", hwOut, w, ExactCounts.add(9L * w / groups, out));
        ResNetShortcut.formula(f, in, out, stride, shortcutGroups, hwOut);
        return f.build();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", TYPE).put("out", out);
        width.ifPresent(v -> n.put("width", v));
        return n.put("stride", stride).put("groups", groups).put("shortcutGroups", shortcutGroups);
    }
}
