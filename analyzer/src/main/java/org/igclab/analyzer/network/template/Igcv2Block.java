package org.igclab.analyzer.network.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.igclab.analyzer.chain.ShapeNames;
import org.igclab.analyzer.network.ChainOps;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.io.ChainJson;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * An IGCV2 block: a chain of structured sparse kernels (a {@code k x k} first kernel, then 1x1 group convolutions)
 * with interleaving permutations, then BN + ReLU ({@code norm = end}). The chain is given by its group sizes, by
 * the paper's rule ({@code K}, {@code L = ceil(log_8 C) + 1} by default, the last kernel taking what is left),
 * or written out as a chain ({@code igc-chain/1}). A block that changes width does so in its first kernel (a channel
 * multiplier) or, with {@link Widen#LAST}, in its last kernel, whose groups then write more channels than they read:
 * the chain keeps {@code prod K_l = C_in} and can be strictly complementary (see concepts.md).
 *
 * @param recipe how the chain is made
 * @param out    output channels, or empty to keep the input width (ignored for a written-out chain)
 * @param kernel side of the first kernel
 * @param stride stride of the first kernel
 * @param norm   where BN + ReLU go
 * @param widen  which kernel changes the width when {@code out} differs from the input's
 */
public record Igcv2Block(Recipe recipe, Optional<Integer> out, int kernel, int stride, Norm norm, Widen widen) implements BlockTemplate {
    public static final String TYPE = "igcv2";
    static final Set<String> FIELDS = Set.of("type", "groupSizes", "K", "L", "chain", "out", "kernel", "stride", "norm", "widen");

    /** Which kernel of a width-changing block changes the width. */
    public enum Widen {
        /** The first kernel: a channel multiplier; every later kernel works on the output width. */
        FIRST,
        /** The last kernel: every earlier kernel works on the input width, and the last one's groups write more channels. */
        LAST;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Widen parse(String field, String value) {
            for (Widen w : values()) {
                if (w.jsonName().equals(value)) {
                    return w;
                }
            }
            throw new InvalidDesignException(field, "= \"" + value + "\" is not one of first, last");
        }
    }

    /** How the chain is made. */
    public sealed interface Recipe permits GroupSizes, PaperRule, Written {
    }

    /** {@code K_1..K_L}; {@code K_1} counts input channels per group of the first kernel. */
    public record GroupSizes(List<Integer> sizes) implements Recipe {
        public GroupSizes {
            sizes = List.copyOf(sizes);
            if (sizes.isEmpty()) {
                throw new InvalidDesignException("groupSizes", "is empty");
            }
            for (int i = 0; i < sizes.size(); i++) {
                InvalidDesignException.requirePositive("groupSizes[" + i + "]", sizes.get(i));
            }
        }
    }

    /**
     * Channel-wise first kernel, then {@code L - 1} 1x1 kernels of group size {@code K} (the last takes the rest).
     * {@code L} is at most {@link #MAX_LENGTH}: with {@code K >= 2} no width reaches even 32 kernels.
     */
    public record PaperRule(int groupSize, Optional<Integer> length) implements Recipe {
        public static final int MAX_LENGTH = 64;

        public PaperRule {
            InvalidDesignException.requirePositive("K", groupSize);
            length.ifPresent(l -> {
                if (l < 2 || l > MAX_LENGTH) {
                    throw new InvalidDesignException("L", "= " + l + " must be from 2 to " + MAX_LENGTH);
                }
            });
        }
    }

    /** A chain written out in full. */
    public record Written(ChainDocument chain) implements Recipe {
    }

    /** A block that widens in its first kernel. */
    public Igcv2Block(Recipe recipe, Optional<Integer> out, int kernel, int stride, Norm norm) {
        this(recipe, out, kernel, stride, norm, Widen.FIRST);
    }

    public Igcv2Block {
        java.util.Objects.requireNonNull(widen, "widen");
        out.ifPresent(o -> InvalidDesignException.requirePositive("out", o));
        InvalidDesignException.requirePositive("kernel", kernel);
        InvalidDesignException.requireOddKernel("kernel", kernel);
        InvalidDesignException.requirePositive("stride", stride);
    }

    static Igcv2Block parse(JsonFields f) {
        f.allowOnly(FIELDS);
        int given = (f.has("groupSizes") ? 1 : 0) + (f.has("chain") ? 1 : 0) + (f.has("K") ? 1 : 0);
        if (given > 1) {
            throw new InvalidDesignException(f.path(), "give only one of \"groupSizes\", \"K\" (with \"L\") and \"chain\"");
        }
        if (f.has("L") && !f.has("K") && !f.has("groupSizes") && !f.has("chain")) {
            throw new InvalidDesignException(f.pathOf("L"), "needs \"K\" beside it");
        }
        Recipe recipe;
        if (f.has("groupSizes")) {
            recipe = new GroupSizes(f.intList("groupSizes"));
        } else if (f.has("chain")) {
            recipe = new Written(ChainJson.fromJson(f.object("chain")));
        } else {
            recipe = new PaperRule(f.optionalInt("K", 8), f.has("L") ? Optional.of(f.requiredInt("L")) : Optional.empty());
        }
        return new Igcv2Block(recipe, f.has("out") ? Optional.of(f.requiredInt("out")) : Optional.empty(),
                f.optionalInt("kernel", 3), f.optionalInt("stride", 1), Norm.parse(f.pathOf("norm"), f.optionalString("norm", "end")),
                Widen.parse(f.pathOf("widen"), f.optionalString("widen", "first")));
    }

    @Override
    public Optional<KernelChain> chain(TensorShape in) {
        return Optional.of(kernels(in));
    }

    /** The chain this block computes on an input of {@code in}. */
    public KernelChain kernels(TensorShape in) {
        if (recipe instanceof Written w) {
            KernelChain c = w.chain().chain();
            if (c.inChannels() != in.channels()) {
                throw new InvalidDesignException("chain", "reads " + c.inChannels() + " channels but the block's input has " + in.channels());
            }
            return c;
        }
        int c = out.orElse(in.channels());
        // the width the kernels between the first and the last work on
        int inner = widen == Widen.LAST ? in.channels() : c;
        List<Integer> sizes = recipe instanceof GroupSizes g ? g.sizes() : paperRule((PaperRule) recipe, inner);
        String field = recipe instanceof GroupSizes ? "groupSizes" : "K";
        List<GroupConv> kernels = new ArrayList<>();
        List<Permutation> perms = new ArrayList<>();
        for (int l = 0; l < sizes.size(); l++) {
            int inChannels = l == 0 ? in.channels() : inner;
            int outChannels = l + 1 == sizes.size() ? c : inner;
            int k = sizes.get(l);
            String at = recipe instanceof GroupSizes ? field + "[" + l + "]" : field;
            if (inChannels % k != 0) {
                throw new InvalidDesignException(at, "= " + k + " does not divide " + inChannels + " channels");
            }
            int groups = inChannels / k;
            if (outChannels % groups != 0) {
                throw new InvalidDesignException(at, "= " + k + " makes " + groups + " groups, which do not divide " + outChannels
                        + " output channels");
            }
            kernels.add(new GroupConv(inChannels, outChannels, groups, l == 0 ? kernel : 1, l == 0 ? stride : 1));
            if (l + 1 < sizes.size()) {
                perms.add(Permutation.shuffle(outChannels, groups));
            }
        }
        return new KernelChain(kernels, perms);
    }

    private static List<Integer> paperRule(PaperRule rule, int channels) {
        int k = rule.groupSize();
        int length = rule.length().orElse(ShapeNames.paperRuleLength(channels));
        List<Integer> sizes = new ArrayList<>();
        sizes.add(1);
        long product = 1;
        for (int l = 1; l < length - 1 && product <= channels; l++) {
            sizes.add(k);
            product *= k;
        }
        if (length < 2 || sizes.size() < length - 1 || product > channels || channels % product != 0) {
            String power = sizes.size() < length - 1 ? "> " + channels : "= " + product;
            throw new InvalidDesignException("K", "= " + k + " with L = " + length + " does not factor " + channels
                    + " channels (K^(L-2) " + power + "); give groupSizes instead");
        }
        sizes.add((int) (channels / product));
        return sizes;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String label(TensorShape in) {
        KernelChain c = kernels(in);
        String ks = c.kernels().stream().map(g -> String.valueOf(g.groupSize())).collect(Collectors.joining(","));
        boolean widensLast = widen == Widen.LAST && c.inChannels() != c.outChannels() && c.length() > 1;
        return "IGCV2 K=(" + ks + ") " + c.inChannels() + "->" + c.outChannels() + (c.kernel(0).stride() > 1 ? " /" + c.kernel(0).stride() : "")
                + (widensLast ? " widening last" : "");
    }

    @Override
    public LayerSpec expand(String path, TensorShape in) {
        SpecBuilder b = new SpecBuilder(path);
        b.chain(kernels(in), l -> {
            if (norm == Norm.EACH) {
                b.bn("W" + (l + 1) + "_bn").relu("W" + (l + 1) + "_relu");
            }
        });
        if (norm == Norm.END) {
            b.bn("bn").relu("relu");
        }
        return b.build();
    }

    @Override
    public BlockFormula formula(TensorShape in) {
        KernelChain chain = kernels(in);
        FormulaBuilder f = new FormulaBuilder(label(in));
        TensorShape shape = in;
        for (int l = 0; l < chain.length(); l++) {
            GroupConv k = chain.kernel(l);
            String n = Integer.toString(l + 1);
            f.weights("C_" + n + " * K_" + n + " * S_" + n, k.outChannels(), k.groupSize(), k.kernelArea());
            shape = ChainOps.kernel(k).outShape(shape);
            f.macs("H_" + n + " * W_" + n + " * C_" + n + " * K_" + n + " * S_" + n, shape.height(), shape.width(), k.outChannels(),
                    k.groupSize(), k.kernelArea());
            if (norm == Norm.EACH || (norm == Norm.END && l + 1 == chain.length())) {
                f.bn("2 * C_" + n, 2, k.outChannels());
            }
        }
        return f.build();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonFields.MAPPER.createObjectNode().put("type", TYPE);
        if (recipe instanceof GroupSizes g) {
            ArrayNode a = n.putArray("groupSizes");
            g.sizes().forEach(a::add);
        } else if (recipe instanceof PaperRule p) {
            n.put("K", p.groupSize());
            p.length().ifPresent(l -> n.put("L", l));
        } else {
            ObjectNode chain = ChainJson.toJson(((Written) recipe).chain());
            chain.remove("format");
            n.set("chain", chain);
        }
        out.ifPresent(o -> n.put("out", o));
        n.put("kernel", kernel).put("stride", stride).put("norm", norm.jsonName());
        // written only when it is not the default, so that existing designs keep their canonical form and hash
        return widen == Widen.FIRST ? n : n.put("widen", widen.jsonName());
    }
}
