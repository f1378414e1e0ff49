package org.igclab.analyzer.network.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.igclab.analyzer.chain.ShapeNames;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * Random valid block templates on random input shapes, for property tests. Every generator builds its numbers so
 * that the divisibility rules hold by construction (group counts divide both widths, strides and kernels of any
 * size, widths that change or stay), written from the templates' definitions rather than from their code.
 */
public final class RandomBlocks {

    /** A template and an input it is valid on. */
    public record Case(BlockTemplate template, TensorShape in) {
        @Override
        public String toString() {
            return template + " on " + in;
        }
    }

    /** Every template family, by name. */
    public static final List<String> FAMILIES = List.of("conv-bn-relu", "dwsep", "igcv1", "igcv2-groupSizes", "igcv2-paper-rule",
            "igcv2-chain", "resnet-basic", "mbv2", "shufflenet");

    private RandomBlocks() {
    }

    public static Function<Random, Case> family(String name) {
        return switch (name) {
            case "conv-bn-relu" -> RandomBlocks::plainConv;
            case "dwsep" -> RandomBlocks::depthwiseSeparable;
            case "igcv1" -> RandomBlocks::igcv1;
            case "igcv2-groupSizes" -> RandomBlocks::igcv2GroupSizes;
            case "igcv2-paper-rule" -> RandomBlocks::igcv2PaperRule;
            case "igcv2-chain" -> RandomBlocks::igcv2Written;
            case "resnet-basic" -> RandomBlocks::resnetBasic;
            case "mbv2" -> RandomBlocks::invertedResidual;
            case "shufflenet" -> RandomBlocks::shuffleUnit;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A case of any family. */
    public static Case any(Random r) {
        return family(FAMILIES.get(r.nextInt(FAMILIES.size()))).apply(r);
    }

    public static Case plainConv(Random r) {
        int g = pick(r, 1, 4);
        int in = g * pick(r, 1, 6);
        int out = g * pick(r, 1, 6);
        return new Case(new PlainConvBlock(out, pick(r, 1, 5), stride(r), g, oneOf(r, List.of("relu", "relu6", "none"))), shape(r, in));
    }

    public static Case depthwiseSeparable(Random r) {
        int in = pick(r, 1, 24);
        int out = r.nextBoolean() ? in : pick(r, 1, 24);
        return new Case(new DepthwiseSeparableBlock(out, oddSide(r), stride(r), norm(r)), shape(r, in));
    }

    public static Case igcv1(Random r) {
        int l = pick(r, 1, 6);
        int in = l * pick(r, 1, 6);
        Optional<Integer> out = r.nextBoolean() ? Optional.empty() : Optional.of(l * pick(r, 1, 6));
        return new Case(new Igcv1Block(l, out, oddSide(r), stride(r), norm(r)), shape(r, in));
    }

    /** {@code K_1} reads {@code in / G_1} channels; the other group sizes divide the block's width. */
    public static Case igcv2GroupSizes(Random r) {
        int g1 = pick(r, 1, 6);
        int k1 = pick(r, 1, 3);
        int in = g1 * k1;
        int c = g1 * pick(r, 1, 4);
        List<Integer> sizes = new ArrayList<>(List.of(k1));
        int length = pick(r, 1, 4);
        for (int l = 1; l < length; l++) {
            sizes.add(divisor(r, c));
        }
        Optional<Integer> out = c == in && r.nextBoolean() ? Optional.empty() : Optional.of(c);
        return new Case(new Igcv2Block(new Igcv2Block.GroupSizes(sizes), out, oddSide(r), stride(r), norm(r)), shape(r, in));
    }

    /** {@code K} with {@code L} given (the width a multiple of {@code K^(L-2)}) or left to the paper's rule. */
    public static Case igcv2PaperRule(Random r) {
        int k = pick(r, 2, 8);
        Optional<Integer> length = r.nextBoolean() ? Optional.of(pick(r, 2, 4)) : Optional.empty();
        int c;
        if (length.isPresent()) {
            c = pow(k, length.get() - 2) * pick(r, 1, 4);
        } else {
            do {
                c = pick(r, 2, 300);
            } while (c % pow(k, ShapeNames.paperRuleLength(c) - 2) != 0);
        }
        int in = divisor(r, c); // the channel-wise first kernel has in groups, which must divide the width
        Optional<Integer> out = c == in && r.nextBoolean() ? Optional.empty() : Optional.of(c);
        return new Case(new Igcv2Block(new Igcv2Block.PaperRule(k, length), out, oddSide(r), stride(r), norm(r)), shape(r, in));
    }

    /** A chain written out: any widths, kernel sides, strides on any kernel, any permutations, maybe a final one. */
    public static Case igcv2Written(Random r) {
        int in = pick(r, 1, 16);
        int width = in;
        int length = pick(r, 1, 4);
        List<GroupConv> kernels = new ArrayList<>();
        List<Permutation> perms = new ArrayList<>();
        for (int l = 0; l < length; l++) {
            int g = divisor(r, width);
            int out = width > 32 ? width : g * pick(r, 1, Math.max(1, 32 / g));
            kernels.add(new GroupConv(width, out, g, oddSide(r), r.nextInt(4) == 0 ? 2 : 1));
            width = out;
            if (l + 1 < length) {
                perms.add(permutation(r, width));
            }
        }
        Optional<Permutation> last = r.nextBoolean() ? Optional.of(permutation(r, width)) : Optional.empty();
        ChainDocument doc = new ChainDocument(r.nextBoolean() ? "" : "chain " + r.nextInt(100), new KernelChain(kernels, perms, last));
        // out, kernel and stride are ignored beside a written chain
        Optional<Integer> out = r.nextBoolean() ? Optional.empty() : Optional.of(pick(r, 1, 64));
        return new Case(new Igcv2Block(new Igcv2Block.Written(doc), out, oddSide(r), stride(r), norm(r)), shape(r, in));
    }

    public static Case resnetBasic(Random r) {
        Optional<Integer> l = r.nextBoolean() ? Optional.of(pick(r, 1, 4)) : Optional.empty();
        int sg = pick(r, 1, 4);
        int base = lcm(l.orElse(1), sg);
        int in = base * pick(r, 1, 4);
        int out = r.nextInt(3) == 0 ? in : base * pick(r, 1, 4);
        return new Case(new ResNetBasicBlock(out, pick(r, 1, 2), l, sg), shape(r, in));
    }

    public static Case invertedResidual(Random r) {
        int in = pick(r, 1, 16);
        int out = r.nextBoolean() ? in : pick(r, 1, 16);
        int stride = r.nextInt(3) == 0 ? 1 : pick(r, 1, 3);
        // a residual needs the size kept, so an odd kernel there; even kernels elsewhere
        int kernel = stride == 1 && out == in ? oneOf(r, List.of(1, 3, 5)) : pick(r, 1, 5);
        return new Case(new InvertedResidualBlock(out, pick(r, 1, 6), stride, kernel), shape(r, in));
    }

    /** Stride 1 keeps the width; stride 2 concatenates the pooled input with a branch whose width the groups divide. */
    public static Case shuffleUnit(Random r) {
        int g = pick(r, 1, 4);
        Optional<Integer> firstGroups = r.nextBoolean() ? Optional.of(pick(r, 1, 3)) : Optional.empty();
        int lcm = lcm(g, firstGroups.orElse(g));
        int stride = pick(r, 1, 2);
        Optional<Integer> bottleneck;
        int in;
        int out;
        if (r.nextBoolean()) {
            bottleneck = Optional.of(lcm * pick(r, 1, 4));
            in = lcm * pick(r, 1, 4);
            out = stride == 1 ? in : in + lcm * pick(r, 1, 4);
        } else {
            bottleneck = Optional.empty(); // C_out / 4
            int k = pick(r, 1, 3);
            out = 4 * lcm * k;
            in = stride == 1 ? out : lcm * pick(r, 1, 4 * k - 1);
        }
        return new Case(new ShuffleUnitBlock(out, g, stride, bottleneck, firstGroups), shape(r, in));
    }

    // ---- small helpers -------------------------------------------------------------------------------------------

    static Permutation permutation(Random r, int n) {
        return switch (r.nextInt(3)) {
            case 0 -> Permutation.identity(n);
            case 1 -> Permutation.shuffle(n, divisor(r, n));
            default -> {
                List<Integer> values = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    values.add(i);
                }
                Collections.shuffle(values, r);
                yield Permutation.of(values.stream().mapToInt(Integer::intValue).toArray());
            }
        };
    }

    static TensorShape shape(Random r, int channels) {
        return new TensorShape(channels, pick(r, 1, 20), pick(r, 1, 20));
    }

    static int stride(Random r) {
        return r.nextInt(3) == 0 ? pick(r, 2, 3) : 1;
    }

    static Norm norm(Random r) {
        return Norm.values()[r.nextInt(Norm.values().length)];
    }

    /** 1, 3 or 5: kernels of chains are odd, so that they keep the spatial size. */
    static int oddSide(Random r) {
        return 2 * pick(r, 0, 2) + 1;
    }

    public static int pick(Random r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    public static <T> T oneOf(Random r, List<T> xs) {
        return xs.get(r.nextInt(xs.size()));
    }

    public static int divisor(Random r, int n) {
        List<Integer> ds = new ArrayList<>();
        for (int d = 1; d <= n; d++) {
            if (n % d == 0) {
                ds.add(d);
            }
        }
        return ds.get(r.nextInt(ds.size()));
    }

    static int pow(int base, int exponent) {
        int p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= base;
        }
        return p;
    }

    static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static int lcm(int a, int b) {
        return a / gcd(a, b) * b;
    }
}
