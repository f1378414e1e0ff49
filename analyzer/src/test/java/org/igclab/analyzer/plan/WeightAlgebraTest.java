package org.igclab.analyzer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.igclab.analyzer.network.Layer.OpLayer;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every planned step, executed with the weights {@link WeightAlgebra} computes, gives what the design's operations
 * give one after another, on small integer weights and inputs: exactly where no BatchNorm is folded (sums of integer
 * products are exact in double), to rounding where one is. The operations are executed by a plain reference
 * implementation here, independent of any engine.
 */
class WeightAlgebraTest {

    static final String[] BLOCKS = {
        "{\"type\": \"igcv1\", \"L\": 4}",
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4]}",
        "{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4], \"stride\": 2}",
        "{\"type\": \"igcv2\", \"groupSizes\": [2, 2, 4], \"out\": 32}",
        "{\"type\": \"dwsep\", \"out\": 32, \"norm\": \"end\"}",
        "{\"type\": \"permute\", \"map\": [15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]}, {\"type\": \"conv\", \"out\": 8, \"kernel\": 3}, {\"type\": \"bn\"}",
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void everyStrategyComputesTheDesignsFunction(int index) {
        ResolvedNetwork n = LinearRunTest.network(BLOCKS[index]);
        Random r = new Random(index);
        Weights w = new Weights(n, r);
        double[][][] x = randomImage(n.spec().input().channels(), n.spec().input().height(), r);
        for (Mode mode : Mode.values()) {
            double[][][] designed = run(Plan.uniform(n, mode, Strategy.DESIGNED).steps(), w, x);
            for (Strategy s : Strategy.values()) {
                double[][][] planned = run(Plan.uniform(n, mode, s).steps(), w, x);
                double tolerance = mode == Mode.TRAINING ? 0 : 1e-9 * max(designed);
                assertThat(maxDifference(designed, planned)).as(mode + " " + s + " on " + BLOCKS[index]).isLessThanOrEqualTo(tolerance);
            }
        }
    }

    /** Small integer weights for every convolution, BatchNorm statistics with an exact scale where possible. */
    record Weights(Map<OpLayer, WeightAlgebra.Kernel> convs, Map<OpLayer, WeightAlgebra.Norm> norms) implements WeightAlgebra.Weights {
        Weights(ResolvedNetwork n, Random r) {
            this(new HashMap<>(), new HashMap<>());
            for (OpLayer op : n.ops()) {
                if (op.op() instanceof Op.Conv c) {
                    int per = op.in().channels() / c.groups();
                    double[] w = new double[c.outChannels() * per * c.kernel() * c.kernel()];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = r.nextInt(7) - 3;
                    }
                    convs.put(op, new WeightAlgebra.Kernel(c.outChannels(), per, c.kernel(), w, Optional.empty()));
                } else if (op.op() instanceof Op.BatchNorm) {
                    int ch = op.in().channels();
                    norms.put(op, new WeightAlgebra.Norm(ints(r, ch, 1, 3), ints(r, ch, -2, 2), ints(r, ch, -2, 2), ints(r, ch, 1, 4), 1e-5));
                }
            }
        }

        @Override
        public WeightAlgebra.Kernel conv(OpLayer op) {
            return convs.get(op);
        }

        @Override
        public WeightAlgebra.Norm norm(OpLayer op) {
            return norms.get(op);
        }
    }

    static double[] ints(Random r, int n, int from, int to) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = from + r.nextInt(to - from + 1);
        }
        return a;
    }

    static double[][][] randomImage(int c, int side, Random r) {
        double[][][] x = new double[c][side][side];
        for (double[][] plane : x) {
            for (double[] row : plane) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.nextInt(9) - 4;
                }
            }
        }
        return x;
    }

    /** The steps executed one after another: kept operations as themselves, the others as their computed kernels. */
    static double[][][] run(List<Step> steps, Weights w, double[][][] x) {
        double[][][] y = x;
        for (Step s : steps) {
            if (s instanceof Step.Keep k) {
                y = op(k.layer(), w, y);
            } else {
                Op.Conv c = (Op.Conv) s.op();
                y = conv(y, WeightAlgebra.of(s, w), c.groups(), c.stride(), c.padding());
            }
        }
        return y;
    }

    static double[][][] op(OpLayer layer, Weights w, double[][][] x) {
        Op o = layer.op();
        if (o instanceof Op.Conv c) {
            return conv(x, w.conv(layer), c.groups(), c.stride(), c.padding());
        }
        if (o instanceof Op.Shuffle || o instanceof Op.Permute) {
            Permutation p = WeightAlgebra.permutation(List.of(layer), x.length).orElseThrow();
            double[][][] y = new double[x.length][][];
            for (int j = 0; j < y.length; j++) {
                y[j] = x[p.sourceOf(j)];
            }
            return y;
        }
        if (o instanceof Op.BatchNorm) {
            WeightAlgebra.Norm n = w.norm(layer);
            double[][][] y = new double[x.length][x[0].length][x[0][0].length];
            for (int c = 0; c < x.length; c++) {
                for (int i = 0; i < y[c].length; i++) {
                    for (int j = 0; j < y[c][i].length; j++) {
                        y[c][i][j] = n.gamma()[c] * (x[c][i][j] - n.mean()[c]) / Math.sqrt(n.variance()[c] + n.epsilon()) + n.beta()[c];
                    }
                }
            }
            return y;
        }
        if (o instanceof Op.Activation) {
            // ReLU: a nonlinearity between runs, so that a plan merging across it would show
            double[][][] y = new double[x.length][x[0].length][];
            for (int c = 0; c < x.length; c++) {
                for (int i = 0; i < x[c].length; i++) {
                    y[c][i] = java.util.Arrays.stream(x[c][i]).map(v -> Math.max(0, v)).toArray();
                }
            }
            return y;
        }
        throw new IllegalArgumentException("not handled here: " + layer.path());
    }

    /** A group convolution, zero padding, as PyTorch defines it. */
    static double[][][] conv(double[][][] x, WeightAlgebra.Kernel k, int groups, int stride, int padding) {
        int side = x[0].length;
        int outSide = (side + 2 * padding - k.size()) / stride + 1;
        int outPerGroup = k.out() / groups;
        double[][][] y = new double[k.out()][outSide][outSide];
        for (int o = 0; o < k.out(); o++) {
            int first = (o / outPerGroup) * k.inPerGroup();
            for (int i = 0; i < outSide; i++) {
                for (int j = 0; j < outSide; j++) {
                    double sum = k.bias().isPresent() ? k.bias().get()[o] : 0;
                    for (int c = 0; c < k.inPerGroup(); c++) {
                        for (int u = 0; u < k.size(); u++) {
                            for (int v = 0; v < k.size(); v++) {
                                int a = i * stride + u - padding;
                                int b = j * stride + v - padding;
                                if (a >= 0 && a < side && b >= 0 && b < side) {
                                    sum += k.at(o, c, u, v) * x[first + c][a][b];
                                }
                            }
                        }
                    }
                    y[o][i][j] = sum;
                }
            }
        }
        return y;
    }

    static double max(double[][][] a) {
        double m = 0;
        for (double[][] p : a) {
            for (double[] row : p) {
                for (double v : row) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return m;
    }

    static double maxDifference(double[][][] a, double[][][] b) {
        assertThat(b.length).isEqualTo(a.length);
        double m = 0;
        for (int c = 0; c < a.length; c++) {
            for (int i = 0; i < a[c].length; i++) {
                for (int j = 0; j < a[c][i].length; j++) {
                    m = Math.max(m, Math.abs(a[c][i][j] - b[c][i][j]));
                }
            }
        }
        return m;
    }
}
