package org.igclab.runtime.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;

/**
 * The primitives a calibration times: convolutions over input and output channels, groups (dense, grouped, channel-wise,
 * channel-wise with a multiplier), kernel 1 and 3, stride 1 and 2 and input sides; pools, BatchNorm, activations,
 * shuffles and permutations, global pooling, fully connected layers, and the adds and concatenations of residuals and
 * branches. The widths and sides cover the sample networks' (CIFAR's 32/16/8, Fashion-MNIST's 28/14/7, widths up to
 * 1024) without being theirs: a design's operations are mostly predicted, not looked up.
 */
public final class CalibrationGrid {
    /** The grids by name. */
    public enum Size { FULL, QUICK }

    private CalibrationGrid() {
    }

    /** The grid's primitives, in the order they are timed (cheap kinds first), without repeats. */
    public static List<Primitive> of(Size size) {
        boolean quick = size == Size.QUICK;
        int[] sides = quick ? new int[] {8, 32} : new int[] {7, 8, 14, 16, 28, 32};
        int[] widths = quick ? new int[] {16, 128} : new int[] {16, 48, 128, 384};
        Set<Primitive> grid = new LinkedHashSet<>();
        for (int side : sides) {
            for (int c : widths) {
                TensorShape x = new TensorShape(c, side, side);
                grid.add(Primitive.of(new Op.BatchNorm(), x));
                grid.add(Primitive.of(new Op.Activation(Op.Activation.Kind.RELU), x));
                grid.add(Primitive.of(new Op.Activation(Op.Activation.Kind.RELU6), x));
                grid.add(Primitive.of(new Op.Activation(Op.Activation.Kind.HARDSWISH), x));
                grid.add(Primitive.of(new Op.Activation(Op.Activation.Kind.HARDSIGMOID), x));
                grid.add(Primitive.of(new Op.Activation(Op.Activation.Kind.SIGMOID), x));
                grid.add(Primitive.mul(x));
                grid.add(Primitive.add(x));
                grid.add(Primitive.concat(x, x.withChannels(2 * c)));
                grid.add(Primitive.of(new Op.GlobalAvgPool(), x));
                grid.add(Primitive.of(new Op.Shuffle(c / 8), x));
                grid.add(Primitive.of(new Op.Shuffle(2), x));
                grid.add(Primitive.of(new Op.Permute(org.igclab.rules.model.Permutation.shuffle(c, 4)), x));
                grid.add(Primitive.of(new Op.Pool(true, 3, 2, 1), x));
                grid.add(Primitive.of(new Op.Pool(false, 3, 2, 1), x));
                grid.add(Primitive.of(new Op.Pool(false, 2, 2, 0), x));
            }
        }
        for (int in : quick ? new int[] {64, 1024} : new int[] {64, 256, 1024}) {
            for (int out : new int[] {10, 100, 1000}) {
                grid.add(Primitive.of(new Op.Linear(out, true), new TensorShape(in, 1, 1)));
            }
        }
        for (int side : sides) {
            convs(grid, side, quick);
        }
        return List.copyOf(grid);
    }

    private static void convs(Set<Primitive> grid, int side, boolean quick) {
        int[] widths = quick ? new int[] {16, 128} : new int[] {16, 48, 128, 384};
        for (int c : widths) {
            int[] outs = quick ? new int[] {c} : new int[] {c, 2 * c};
            for (int out : outs) {
                add(grid, c, out, 1, 1, 1, side);
                add(grid, c, out, 1, 3, 1, side);
            }
            add(grid, c, 2 * c, 1, 3, 2, side);
            add(grid, c, c, c, 3, 1, side);
            add(grid, c, c, c, 3, 2, side);
            add(grid, c, 2 * c, c, 3, 1, side);
            add(grid, c, 2 * c, c, 3, 2, side);
            for (int groups : quick ? new int[] {4} : new int[] {4, 8, 16}) {
                add(grid, c, c, groups, 3, 1, side);
                add(grid, c, 2 * c, groups, 3, 2, side);
            }
        }
        // 1x1 group convolutions of K channels per group, IGCV2's later kernels, up to the widest stage of the samples
        for (int c : quick ? new int[] {32, 512} : new int[] {32, 128, 512, 1024}) {
            for (int k : quick ? new int[] {4} : new int[] {2, 4, 8, 16}) {
                add(grid, c, c, c / k, 1, 1, side);
            }
            if (c > 128 && side > 16) {
                continue;
            }
            add(grid, c, c, 1, 1, 1, side);
            add(grid, c, c, c, 3, 1, side);
        }
        // the stem: three input channels
        add(grid, 3, quick ? 32 : 16, 1, 3, 1, side);
        if (!quick) {
            add(grid, 3, 64, 1, 3, 1, side);
        }
    }

    private static void add(Set<Primitive> grid, int in, int out, int groups, int kernel, int stride, int side) {
        if (stride > 1 && side < 8) {
            return;
        }
        grid.add(Primitive.of(Op.Conv.same(out, kernel, stride, groups), new TensorShape(in, side, side)));
    }

    /** How many primitives of each kind a grid has, for messages. */
    static List<String> summary(List<Primitive> grid) {
        List<String> out = new ArrayList<>();
        for (Primitive.Kind k : Primitive.Kind.values()) {
            long n = grid.stream().filter(p -> p.kind() == k).count();
            if (n > 0) {
                out.add(n + " " + k.label());
            }
        }
        return out;
    }
}
