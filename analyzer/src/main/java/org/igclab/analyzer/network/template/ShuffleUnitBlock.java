package org.igclab.analyzer.network.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;

/**
 * ShuffleNet's unit: 1x1 group convolution to the bottleneck + BN + ReLU, channel shuffle, channel-wise 3x3 + BN,
 * 1x1 group convolution + BN. Stride 1: added to the input, then ReLU. Stride 2: concatenated with a 3x3 average
 * pool of the input (the branch makes {@code C_out - C_in} channels), then ReLU.
 *
 * @param out         output channels
 * @param groups      groups {@code g} of the 1x1 convolutions and of the shuffle
 * @param stride      1 or 2
 * @param bottleneck  bottleneck channels, or empty for {@code C_out / 4}
 * @param firstGroups groups of the first 1x1 convolution, or empty for {@code g} (ShuffleNet uses 1 on its first stage)
 */
public record ShuffleUnitBlock(int out, int groups, int stride, Optional<Integer> bottleneck, Optional<Integer> firstGroups)
        implements BlockTemplate {
    public static final String TYPE = "shufflenet";
    static final Set<String> FIELDS = Set.of("type", "out", "groups", "stride", "bottleneck", "firstGroups");

    public ShuffleUnitBlock {
        InvalidDesignException.requirePositive("out", out);
        InvalidDesignException.requirePositive("groups", groups);
        if (stride != 1 && stride != 2) {
            throw new InvalidDesignException("stride", "= " + stride + " must be 1 or 2");
        }
        bottleneck.ifPresent(b -> InvalidDesignException.requirePositive("bottleneck", b));
        firstGroups.ifPresent(g -> InvalidDesignException.requirePositive("firstGroups", g));
    }

    static ShuffleUnitBlock parse(JsonFields f) {
        f.allowOnly(FIELDS);
        return new ShuffleUnitBlock(f.requiredInt("out"), f.optionalInt("groups", 3), f.optionalInt("stride", 1),
                f.has("bottleneck") ? Optional.of(f.requiredInt("bottleneck")) : Optional.empty(),
                f.has("firstGroups") ? Optional.of(f.requiredInt("firstGroups")) : Optional.empty());
    }

    private int mid() {
        return bottleneck.orElse(out / 4);
    }

    private int branchOut(TensorShape in) {
        int b = stride == 1 ? out : out - in.channels();
        if (stride == 1 && in.channels() != out) {
            throw new InvalidDesignException("out", "= " + out + " must equal the " + in.channels() + " input channels at stride 1");
        }
        if (b <= 0) {
            throw new InvalidDesignException("out", "= " + out + " must exceed the " + in.channels() + " input channels at stride 2");
        }
        return b;
    }

    private void check(TensorShape in) {
        int g1 = firstGroups.orElse(groups);
        int b = branchOut(in);
        requireDivides(firstGroups.isPresent() ? "firstGroups" : "groups", g1, in.channels(), "input channels");
        requireDivides(firstGroups.isPresent() ? "firstGroups" : "groups", g1, mid(), "bottleneck channels");
        requireDivides("groups", groups, mid(), "bottleneck channels");
        requireDivides("groups", groups, b, "branch output channels");
        if (mid() <= 0) {
            throw new InvalidDesignException("bottleneck", "= " + mid() + " must be positive");
        }
    }

    private static void requireDivides(String field, int d, int n, String what) {
        if (n % d != 0) {
            throw new InvalidDesignException(field, "= " + d + " does not divide " + n + " " + what);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label(TensorShape in) {
        return "ShuffleNet unit g=" + groups + " " + in.channels() + "->" + out + (stride > 1 ? " /" + stride : "");
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        check(in);
        int mid = mid();
        SpecBuilder branch = new SpecBuilder(path + ".branch")
                .conv("gconv1", mid, 1, 1, firstGroups.orElse(groups)).bn("bn1").relu("relu1")
                .shuffle("shuffle", groups, mid)
                .conv("dw", mid, 3, stride, mid).bn("bn2")
                .conv("gconv2", branchOut(in), 1, 1, groups).bn("bn3");
        LayerSpec combined = stride == 1
                ? new LayerSpec.ResidualSpec(path + ".residual", branch.build(), Optional.empty())
                : new LayerSpec.ConcatSpec(path + ".concat", List.of(
                        new LayerSpec.OpSpec(path + ".pool", new Op.Pool(false, 3, 2, 1)), branch.build()));
        return new SpecBuilder(path).add(combined).relu("relu").build();
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        check(in);
        int c = in.channels();
        int mid = mid();
        int b = branchOut(in);
        int g1 = firstGroups.orElse(groups);
        long hwIn = in.positions();
        long hwOut = Op.Conv.same(mid, 3, stride, mid).outShape(in.withChannels(mid)).positions();
        return new FormulaBuilder(label(in))
                .weights("C_in * C_mid / g_1", c, mid, -g1)
                .weights("9 * C_mid", 9, mid)
                .weights("C_mid * C_branch / g", mid, b, -groups)
                .bn("2 * (2 * C_mid + C_branch)", 2, 2L * mid + b)
                .macs("H_in * W_in * C_in * C_mid / g_1", hwIn, c, mid, -g1)
                .macs("H_out * W_out * (9 * C_mid + C_mid * C_branch / g)", hwOut, 9L * mid + (long) mid * b / groups)
                .build();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", TYPE).put("out", out).put("groups", groups).put("stride", stride);
        bottleneck.ifPresent(v -> n.put("bottleneck", v));
        firstGroups.ifPresent(v -> n.put("firstGroups", v));
        return n;
    }
}
