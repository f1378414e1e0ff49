package org.igclab.analyzer.network.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.igclab.analyzer.chain.ShapeNames;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * Random valid block templates on random input shapes, for property tests, built from jqwik combinators so that a
 * failure shrinks to a small block. Every generator builds its numbers so that the divisibility rules hold by
 * construction (group counts divide both widths, strides and kernels of any size, widths that change or stay),
 * written from the templates' definitions rather than from their code.
 */
public final class RandomBlocks {

    /** A template and an input it is valid on. */
    public record Case(BlockTemplate template, TensorShape in) {
        @Override
        public String toString() {
            return template + " on " + in;
        }
    }

    private RandomBlocks() {
    }

    /** A case of any family. */
    public static Arbitrary<Case> any() {
        return Arbitraries.oneOf(List.of(plainConv(), depthwiseSeparable(), igcv1(), igcv2GroupSizes(), igcv2PaperRule(), igcv2Written(),
                resnetBasic(), resnetBottleneck(), invertedResidual(), squeezeExcitation(), shuffleUnit()));
    }

    /** The families whose block is one chain of structured sparse kernels. */
    public static Arbitrary<Case> chainBlocks() {
        return Arbitraries.oneOf(depthwiseSeparable(), igcv1(), igcv2GroupSizes(), igcv2PaperRule(), igcv2Written());
    }

    public static Arbitrary<Case> plainConv() {
        return Combinators.combine(pick(1, 4), pick(1, 6), pick(1, 6)).flatAs((g, in, out) ->
                Combinators.combine(pick(1, 5), stride(), Arbitraries.of("relu", "relu6", "none"), shape(g * in))
                        .as((kernel, stride, activation, shape) -> new Case(new PlainConvBlock(g * out, kernel, stride, g, activation), shape)));
    }

    public static Arbitrary<Case> depthwiseSeparable() {
        return pick(1, 24).flatMap(in -> Combinators.combine(Arbitraries.oneOf(Arbitraries.just(in), pick(1, 24)), oddSide(), stride(), norm(),
                shape(in)).as((out, kernel, stride, norm, shape) -> new Case(new DepthwiseSeparableBlock(out, kernel, stride, norm), shape)));
    }

    public static Arbitrary<Case> igcv1() {
        return Combinators.combine(pick(1, 6), pick(1, 6)).flatAs((l, m) -> Combinators.combine(maybe(pick(1, 6).map(k -> l * k)), oddSide(),
                stride(), norm(), shape(l * m)).as((out, kernel, stride, norm, shape) -> new Case(new Igcv1Block(l, out, kernel, stride, norm), shape)));
    }

    /** {@code K_1} reads {@code in / G_1} channels; the other group sizes divide the block's width. */
    public static Arbitrary<Case> igcv2GroupSizes() {
        return Combinators.combine(pick(1, 6), pick(1, 3), pick(1, 4)).flatAs((g1, k1, times) -> {
            int in = g1 * k1;
            int c = g1 * times;
            Arbitrary<List<Integer>> sizes = divisor(c).list().ofMaxSize(3).map(rest -> {
                List<Integer> all = new ArrayList<>(List.of(k1));
                all.addAll(rest);
                return all;
            });
            return Combinators.combine(sizes, widthOrKept(c, in), oddSide(), stride(), norm(), shape(in)).as((k, out, kernel, stride, norm, shape) ->
                    new Case(new Igcv2Block(new Igcv2Block.GroupSizes(k), out, kernel, stride, norm), shape));
        });
    }

    /** {@code K} with {@code L} given (the width a multiple of {@code K^(L-2)}) or left to the paper's rule. */
    public static Arbitrary<Case> igcv2PaperRule() {
        return Combinators.combine(pick(2, 8), maybe(pick(2, 4))).flatAs((k, length) -> {
            Arbitrary<Integer> width = length.isPresent()
                    ? pick(1, 4).map(times -> pow(k, length.get() - 2) * times)
                    : pick(2, 300).filter(c -> c % pow(k, ShapeNames.paperRuleLength(c) - 2) == 0);
            // the channel-wise first kernel has in groups, which must divide the width
            return width.flatMap(c -> divisor(c).flatMap(in -> Combinators.combine(widthOrKept(c, in), oddSide(), stride(), norm(), shape(in))
                    .as((out, kernel, stride, norm, shape) -> new Case(new Igcv2Block(new Igcv2Block.PaperRule(k, length), out, kernel, stride, norm),
                            shape))));
        });
    }

    /** A chain written out: any widths, kernel sides, strides on any kernel, any permutations, maybe a final one. */
    public static Arbitrary<Case> igcv2Written() {
        return Combinators.combine(pick(1, 16), pick(1, 4)).flatAs((in, length) -> kernels(in, length).flatMap(kernels -> {
            List<Arbitrary<Permutation>> between = new ArrayList<>();
            for (int l = 0; l + 1 < kernels.size(); l++) {
                between.add(permutation(kernels.get(l).outChannels()));
            }
            Arbitrary<List<Permutation>> perms = between.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(between).as(List::copyOf);
            Arbitrary<Optional<Permutation>> last = maybe(permutation(kernels.get(kernels.size() - 1).outChannels()));
            Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.just(""), pick(0, 99).map(n -> "chain " + n));
            Arbitrary<ChainDocument> chain = Combinators.combine(perms, last, name)
                    .as((p, f, n) -> new ChainDocument(n, new KernelChain(kernels, p, f)));
            // out, kernel and stride are ignored beside a written chain
            return Combinators.combine(chain, maybe(pick(1, 64)), oddSide(), stride(), norm(), shape(in))
                    .as((doc, out, kernel, stride, norm, shape) -> new Case(new Igcv2Block(new Igcv2Block.Written(doc), out, kernel, stride, norm), shape));
        }));
    }

    /** {@code count} kernels from {@code width} on: groups dividing the width, outputs up to 32 channels (a wider width kept). */
    private static Arbitrary<List<GroupConv>> kernels(int width, int count) {
        if (count == 0) {
            return Arbitraries.just(List.of());
        }
        Arbitrary<GroupConv> first = divisor(width).flatMap(g -> Combinators.combine(
                width > 32 ? Arbitraries.just(width) : pick(1, Math.max(1, 32 / g)).map(times -> g * times), oddSide(),
                Arbitraries.frequency(Tuple.of(3, 1), Tuple.of(1, 2))).as((out, side, stride) -> new GroupConv(width, out, g, side, stride)));
        return first.flatMap(k -> kernels(k.outChannels(), count - 1).map(rest -> {
            List<GroupConv> all = new ArrayList<>(List.of(k));
            all.addAll(rest);
            return all;
        }));
    }

    public static Arbitrary<Case> resnetBasic() {
        return Combinators.combine(maybe(pick(1, 4)), pick(1, 4)).flatAs((l, sg) -> {
            int base = lcm(l.orElse(1), sg);
            return pick(1, 4).flatMap(times -> {
                int in = base * times;
                Arbitrary<Integer> out = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(in)), Tuple.of(2, pick(1, 4).map(t -> base * t)));
                // shortcutGroups only where there is a projection
                return Combinators.combine(out, pick(1, 2), shape(in)).as((o, stride, shape) ->
                        new Case(new ResNetBasicBlock(o, stride, l, stride == 1 && o == in ? 1 : sg), shape));
            });
        });
    }

    /** Bottleneck width a multiple of the 3x3's groups; the projection's groups divide both widths. */
    public static Arbitrary<Case> resnetBottleneck() {
        return Combinators.combine(pick(1, 4), pick(1, 3), pick(1, 3)).flatAs((g, times, sg) ->
                Combinators.combine(pick(1, 4), pick(1, 4), pick(1, 2), Arbitraries.of(true, false), Arbitraries.of(true, false)).flatAs(
                        (i, o, stride, keep, widthGiven) -> {
                            int in = sg * i;
                            int out = keep ? in : sg * o * 4;
                            Optional<Integer> width = widthGiven || out < 4 ? Optional.of(g * times) : Optional.empty();
                            int mid = width.orElse(out / 4);
                            int groups = mid % g == 0 ? g : 1;
                            boolean projects = stride != 1 || in != out;
                            return shape(in).map(s -> new Case(new ResNetBottleneckBlock(out, width, stride, groups, projects ? sg : 1), s));
                        }));
    }

    /** A squeeze-and-excitation with its width given or derived (divisors 1 and 8, MobileNetV3's rounding), any activations. */
    public static Arbitrary<Case> squeezeExcitation() {
        return Combinators.combine(squeeze(), activation(), activation(), pick(1, 64)).flatAs((sq, act, gate, c) ->
                shape(c).map(s -> new Case(new SqueezeExcitationBlock(sq, act, gate), s)));
    }

    static Arbitrary<SqueezeExcitationBlock.Squeeze> squeeze() {
        return Arbitraries.oneOf(pick(1, 32).map(SqueezeExcitationBlock.Fixed::new),
                Combinators.combine(pick(1, 16), Arbitraries.of(1, 8)).as(SqueezeExcitationBlock.Reduced::new));
    }

    static Arbitrary<org.igclab.analyzer.network.Op.Activation.Kind> activation() {
        return Arbitraries.of(org.igclab.analyzer.network.Op.Activation.Kind.class);
    }

    public static Arbitrary<Case> invertedResidual() {
        return pick(1, 16).flatMap(in -> Combinators.combine(Arbitraries.oneOf(Arbitraries.just(in), pick(1, 16)),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(1)), Tuple.of(2, pick(1, 3)))).flatAs((out, stride) -> {
                    // a residual needs the size kept, so an odd kernel there; even kernels elsewhere
                    Arbitrary<Integer> kernel = stride == 1 && out.equals(in) ? Arbitraries.of(1, 3, 5) : pick(1, 5);
                    // the hidden width as a whole ratio, a fractional one (h / in, as MobileNetV3's 200/80), or given outright
                    Arbitrary<InvertedResidualBlock.Hidden> hidden = Arbitraries.oneOf(
                            pick(1, 6).map(t -> new InvertedResidualBlock.Ratio(t)),
                            pick(1, 40).map(h -> new InvertedResidualBlock.Ratio(h / (double) in)),
                            pick(1, 40).map(InvertedResidualBlock.Channels::new));
                    Arbitrary<Optional<SqueezeExcitationBlock>> se = maybe(Arbitraries.oneOf(Arbitraries.just(SqueezeExcitationBlock.MOBILENET_V3),
                            Combinators.combine(squeeze(), activation(), activation()).as(SqueezeExcitationBlock::new)));
                    return Combinators.combine(Arbitraries.of(InvertedResidualBlock.TYPE, InvertedResidualBlock.V3), hidden, kernel, activation(),
                            se, shape(in)).as((type, h, k, act, s, shape) -> new Case(new InvertedResidualBlock(type, out, h, stride, k, act, s), shape));
                }));
    }

    /** Stride 1 keeps the width; stride 2 concatenates the pooled input with a branch whose width the groups divide. */
    public static Arbitrary<Case> shuffleUnit() {
        return Combinators.combine(pick(1, 4), maybe(pick(1, 3)), pick(1, 2)).flatAs((g, firstGroups, stride) -> {
            int lcm = lcm(g, firstGroups.orElse(g));
            Arbitrary<Case> given = Combinators.combine(pick(1, 4), pick(1, 4), pick(1, 4)).flatAs((b, i, more) -> {
                int in = lcm * i;
                int out = stride == 1 ? in : in + lcm * more;
                return shape(in).map(s -> new Case(new ShuffleUnitBlock(out, g, stride, Optional.of(lcm * b), firstGroups), s));
            });
            // the bottleneck left to C_out / 4
            Arbitrary<Case> quarter = pick(1, 3).flatMap(k -> {
                int out = 4 * lcm * k;
                Arbitrary<Integer> in = stride == 1 ? Arbitraries.just(out) : pick(1, 4 * k - 1).map(i -> lcm * i);
                return in.flatMap(c -> shape(c).map(s -> new Case(new ShuffleUnitBlock(out, g, stride, Optional.empty(), firstGroups), s)));
            });
            return Arbitraries.oneOf(given, quarter);
        });
    }

    // ---- small helpers -------------------------------------------------------------------------------------------

    static Arbitrary<Permutation> permutation(int n) {
        return Arbitraries.oneOf(Arbitraries.just(Permutation.identity(n)), divisor(n).map(d -> Permutation.shuffle(n, d)),
                Arbitraries.shuffle(IntStream.range(0, n).boxed().toList())
                        .map(order -> Permutation.of(order.stream().mapToInt(Integer::intValue).toArray())));
    }

    /** An output width {@code c}: left out (empty) when it is the input's, or written. */
    static Arbitrary<Optional<Integer>> widthOrKept(int c, int in) {
        return c == in ? Arbitraries.of(Optional.empty(), Optional.of(c)) : Arbitraries.just(Optional.of(c));
    }

    static Arbitrary<TensorShape> shape(int channels) {
        return Combinators.combine(pick(1, 20), pick(1, 20)).as((h, w) -> new TensorShape(channels, h, w));
    }

    static Arbitrary<Integer> stride() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(1)), Tuple.of(1, pick(2, 3)));
    }

    static Arbitrary<Norm> norm() {
        return Arbitraries.of(Norm.class);
    }

    /** 1, 3 or 5: kernels of chains are odd, so that they keep the spatial size. */
    static Arbitrary<Integer> oddSide() {
        return Arbitraries.of(1, 3, 5);
    }

    static <T> Arbitrary<Optional<T>> maybe(Arbitrary<T> value) {
        return Arbitraries.oneOf(Arbitraries.just(Optional.empty()), value.map(Optional::of));
    }

    public static Arbitrary<Integer> pick(int lo, int hi) {
        return Arbitraries.integers().between(lo, hi);
    }

    public static Arbitrary<Integer> divisor(int n) {
        return Arbitraries.of(IntStream.rangeClosed(1, n).filter(d -> n % d == 0).boxed().toList());
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
