package org.igclab.analyzer.plan;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.Layer.OpLayer;
import org.igclab.analyzer.network.Op;
import org.igclab.rules.model.Permutation;

/**
 * The weights of a planned step as a pure function of the design's weights: the reference the runtime's computed
 * kernels are checked against. A step's operations after its first convolution are pointwise, so the product is a
 * left multiplication of the first kernel's weights by channel matrices: a 1x1 kernel, a permutation's rows, or
 * BatchNorm's per-channel scale (and shift, into the bias).
 */
public final class WeightAlgebra {

    private WeightAlgebra() {
    }

    /**
     * A convolution's weights in PyTorch's layout.
     *
     * @param weight {@code (out, in / groups, k, k)}, row-major
     * @param bias   {@code (out)}, or empty
     */
    public record Kernel(int out, int inPerGroup, int size, double[] weight, Optional<double[]> bias) {
        public double at(int o, int i, int u, int v) {
            return weight[((o * inPerGroup + i) * size + u) * size + v];
        }
    }

    /** BatchNorm in inference: {@code gamma * (x - mean) / sqrt(variance + epsilon) + beta}, per channel. */
    public record Norm(double[] gamma, double[] beta, double[] mean, double[] variance, double epsilon) {
        double scale(int c) {
            return gamma[c] / Math.sqrt(variance[c] + epsilon);
        }

        double shift(int c) {
            return beta[c] - mean[c] * scale(c);
        }
    }

    /** The design's weights, by operation. */
    public interface Weights {
        Kernel conv(OpLayer op);

        Norm norm(OpLayer op);
    }

    /** The dense kernel a {@link Step.Compose} or {@link Step.FoldNorm} executes. */
    public static Kernel of(Step step, Weights weights) {
        if (step instanceof Step.FoldNorm f) {
            return foldNorm(f, weights);
        }
        if (step instanceof Step.Compose c) {
            return compose(c.sources(), weights);
        }
        throw new IllegalArgumentException("a kept step has the design's own weights: " + step.describe());
    }

    /** A dense affine map being built: {@code w[o][i][u][v]} over the step's input channels, and a bias. */
    private static final class Dense {
        double[][] w;
        double[] b;
        final int in;
        final int k;

        Dense(int out, int in, int k) {
            this.w = new double[out][in * k * k];
            this.b = new double[out];
            this.in = in;
            this.k = k;
        }
    }

    private static Kernel compose(List<OpLayer> sources, Weights weights) {
        int h = 0;
        while (!(sources.get(h).op() instanceof Op.Conv)) {
            h++;
        }
        OpLayer head = sources.get(h);
        Op.Conv conv = (Op.Conv) head.op();
        int in = head.in().channels();
        Kernel k = weights.conv(head);
        Dense d = new Dense(conv.outChannels(), in, conv.kernel());
        Optional<Permutation> before = permutation(sources.subList(0, h), in);
        int outPerGroup = conv.outChannels() / conv.groups();
        int area = conv.kernel() * conv.kernel();
        for (int o = 0; o < conv.outChannels(); o++) {
            int first = (o / outPerGroup) * k.inPerGroup();
            for (int i = 0; i < k.inPerGroup(); i++) {
                // the kernel reads position first + i of the permuted input: design channel sourceOf(first + i)
                int channel = before.isPresent() ? before.get().sourceOf(first + i) : first + i;
                for (int t = 0; t < area; t++) {
                    d.w[o][channel * area + t] = k.weight()[(o * k.inPerGroup() + i) * area + t];
                }
            }
            d.b[o] = k.bias().isPresent() ? k.bias().get()[o] : 0;
        }
        boolean biased = k.bias().isPresent();
        for (OpLayer op : sources.subList(h + 1, sources.size())) {
            biased |= apply(d, op, weights);
        }
        return kernel(d, biased);
    }

    /** One pointwise operation applied to the map's outputs; whether it adds a bias. */
    private static boolean apply(Dense d, OpLayer op, Weights weights) {
        Op o = op.op();
        if (o instanceof Op.Shuffle || o instanceof Op.Permute) {
            Permutation p = permutation(List.of(op), d.w.length).orElseThrow();
            double[][] w = new double[d.w.length][];
            double[] b = new double[d.b.length];
            for (int j = 0; j < w.length; j++) {
                w[j] = d.w[p.sourceOf(j)];
                b[j] = d.b[p.sourceOf(j)];
            }
            d.w = w;
            d.b = b;
            return false;
        }
        if (o instanceof Op.BatchNorm) {
            Norm n = weights.norm(op);
            for (int c = 0; c < d.w.length; c++) {
                double s = n.scale(c);
                for (int x = 0; x < d.w[c].length; x++) {
                    d.w[c][x] *= s;
                }
                d.b[c] = d.b[c] * s + n.shift(c);
            }
            return true;
        }
        if (o instanceof Op.Conv c && c.kernel() == 1 && c.stride() == 1 && c.padding() == 0) {
            Kernel k = weights.conv(op);
            int outPerGroup = c.outChannels() / c.groups();
            double[][] w = new double[c.outChannels()][d.w[0].length];
            double[] b = new double[c.outChannels()];
            for (int out = 0; out < c.outChannels(); out++) {
                int first = (out / outPerGroup) * k.inPerGroup();
                for (int i = 0; i < k.inPerGroup(); i++) {
                    double a = k.weight()[out * k.inPerGroup() + i];
                    for (int x = 0; x < w[out].length; x++) {
                        w[out][x] += a * d.w[first + i][x];
                    }
                    b[out] += a * d.b[first + i];
                }
                b[out] += k.bias().isPresent() ? k.bias().get()[out] : 0;
            }
            d.w = w;
            d.b = b;
            return k.bias().isPresent();
        }
        throw new IllegalArgumentException("not a pointwise linear operation: " + op.path() + " (" + Steps.name(o) + ")");
    }

    /** BatchNorm's scale and shift moved into the convolution, carried back through the permutations between. */
    private static Kernel foldNorm(Step.FoldNorm step, Weights weights) {
        Kernel k = weights.conv(step.conv());
        Norm n = weights.norm(step.norm());
        int channels = k.out();
        Optional<Permutation> between = permutation(step.between(), channels);
        int perOut = k.weight().length / channels;
        double[] w = new double[k.weight().length];
        double[] b = new double[channels];
        for (int c = 0; c < channels; c++) {
            // channel c of the convolution reaches the BatchNorm at the position the permutations move it to
            int at = between.isPresent() ? between.get().inverse().sourceOf(c) : c;
            double s = n.scale(at);
            for (int x = 0; x < perOut; x++) {
                w[c * perOut + x] = k.weight()[c * perOut + x] * s;
            }
            b[c] = (k.bias().isPresent() ? k.bias().get()[c] : 0) * s + n.shift(at);
        }
        return new Kernel(channels, k.inPerGroup(), k.size(), w, Optional.of(b));
    }

    private static Kernel kernel(Dense d, boolean biased) {
        int out = d.w.length;
        int per = d.w[0].length;
        double[] w = new double[out * per];
        for (int o = 0; o < out; o++) {
            System.arraycopy(d.w[o], 0, w, o * per, per);
        }
        return new Kernel(out, d.in, d.k, w, biased ? Optional.of(d.b) : Optional.empty());
    }

    /** The permutations among these operations, one after another, or empty when there are none. */
    public static Optional<Permutation> permutation(List<OpLayer> ops, int channels) {
        Permutation p = null;
        for (OpLayer op : ops) {
            Permutation next = op.op() instanceof Op.Shuffle s ? s.permutation(channels)
                    : op.op() instanceof Op.Permute m ? m.permutation() : null;
            if (next == null) {
                throw new IllegalArgumentException("not a permutation: " + op.path());
            }
            p = p == null ? next : p.then(next);
        }
        return Optional.ofNullable(p);
    }
}
