package org.igclab.analyzer.latency;

import java.util.Locale;
import java.util.Optional;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.TensorShape;

/**
 * One operation as the latency model sees it: what it is and the shapes it works on, apart from where it stands in a
 * network. A calibration times primitives; the model prices any primitive, timed or not. The planner's merged forms (a
 * dense 1x1 convolution, a channel-wise kxk one) are convolutions like any other, so they are priced the same way.
 *
 * @param kind    the operation
 * @param in      input shape of one image (for {@link Kind#ADD} and {@link Kind#CONCAT}, one of the operands)
 * @param out     output shape of one image
 * @param groups  convolution groups (1 for other operations)
 * @param kernel  kernel or window side (1 where there is none)
 * @param stride  stride (1 where there is none)
 * @param padding padding on each side (0 where there is none)
 * @param dilation spacing of a convolution's taps (1 for adjacent taps, and for other operations)
 */
public record Primitive(Kind kind, TensorShape in, TensorShape out, int groups, int kernel, int stride, int padding, int dilation) {

    /** A primitive without dilation. */
    public Primitive(Kind kind, TensorShape in, TensorShape out, int groups, int kernel, int stride, int padding) {
        this(kind, in, out, groups, kernel, stride, padding, 1);
    }

    /** Operations a calibration times: the network operations, and the joins of residuals and branches. */
    public enum Kind {
        CONV, BATCH_NORM, RELU, RELU6, HARDSWISH, HARDSIGMOID, SIGMOID, MAX_POOL, AVG_POOL, GLOBAL_AVG_POOL, SHUFFLE, PERMUTE, LINEAR,
        IDENTITY, ADD, MUL, CONCAT;

        /** {@code conv}, {@code batch_norm}, ...: the name stored and printed. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Bytes per element: float32. */
    public static final int BYTES = 4;

    /** The primitive an operation is on this input (through the one dispatch over operations). */
    public static Primitive of(Op op, TensorShape in) {
        TensorShape out = op.outShape(in);
        return op.accept(new Op.Visitor<>() {
            @Override
            public Primitive conv(Op.Conv c) {
                return new Primitive(Kind.CONV, in, out, c.groups(), c.kernel(), c.stride(), c.padding(), c.dilation());
            }

            @Override
            public Primitive shuffle(Op.Shuffle s) {
                return new Primitive(Kind.SHUFFLE, in, out, s.groups(), 1, 1, 0);
            }

            @Override
            public Primitive permute(Op.Permute p) {
                return plain(Kind.PERMUTE);
            }

            @Override
            public Primitive batchNorm(Op.BatchNorm b) {
                return plain(Kind.BATCH_NORM);
            }

            @Override
            public Primitive activation(Op.Activation a) {
                return plain(switch (a.kind()) {
                    case RELU -> Kind.RELU;
                    case RELU6 -> Kind.RELU6;
                    case HARDSWISH -> Kind.HARDSWISH;
                    case HARDSIGMOID -> Kind.HARDSIGMOID;
                    case SIGMOID -> Kind.SIGMOID;
                });
            }

            @Override
            public Primitive pool(Op.Pool p) {
                return new Primitive(p.max() ? Kind.MAX_POOL : Kind.AVG_POOL, in, out, 1, p.kernel(), p.stride(), p.padding());
            }

            @Override
            public Primitive globalAvgPool(Op.GlobalAvgPool g) {
                return plain(Kind.GLOBAL_AVG_POOL);
            }

            @Override
            public Primitive linear(Op.Linear l) {
                return plain(Kind.LINEAR);
            }

            @Override
            public Primitive identity(Op.Identity i) {
                return plain(Kind.IDENTITY);
            }

            /** An operator IGC Lab does not know has no time to predict: it is refused by name, never priced as nothing. */
            @Override
            public Primitive unknown(Op.Unknown u) {
                throw new org.igclab.rules.model.InvalidDesignException("operator", u.operator()
                        + " is not an operator IGC Lab knows, so its latency cannot be predicted");
            }

            private Primitive plain(Kind kind) {
                return new Primitive(kind, in, out, 1, 1, 1, 0);
            }
        });
    }

    /** The element-wise sum of a residual: two operands of this shape. */
    public static Primitive add(TensorShape shape) {
        return new Primitive(Kind.ADD, shape, shape, 1, 1, 1, 0);
    }

    /** The element-wise product of a squeeze-and-excitation: a tensor of this shape by per-channel factors. */
    public static Primitive mul(TensorShape shape) {
        return new Primitive(Kind.MUL, shape, shape, 1, 1, 1, 0);
    }

    /** Branches joined along channels (or a split's slices): their total output. */
    public static Primitive concat(TensorShape in, TensorShape out) {
        return new Primitive(Kind.CONCAT, in, out, 1, 1, 1, 0);
    }

    /** The network operation to instantiate for timing; empty for the joins, which are not operations of their own. */
    public Optional<Op> op() {
        return Optional.ofNullable(switch (kind) {
            case CONV -> new Op.Conv(out.channels(), kernel, stride, padding, groups, false, dilation);
            case BATCH_NORM -> new Op.BatchNorm();
            case RELU -> new Op.Activation(Op.Activation.Kind.RELU);
            case RELU6 -> new Op.Activation(Op.Activation.Kind.RELU6);
            case HARDSWISH -> new Op.Activation(Op.Activation.Kind.HARDSWISH);
            case HARDSIGMOID -> new Op.Activation(Op.Activation.Kind.HARDSIGMOID);
            case SIGMOID -> new Op.Activation(Op.Activation.Kind.SIGMOID);
            case IDENTITY -> new Op.Identity();
            case MAX_POOL -> new Op.Pool(true, kernel, stride, padding);
            case AVG_POOL -> new Op.Pool(false, kernel, stride, padding);
            case GLOBAL_AVG_POOL -> new Op.GlobalAvgPool();
            case SHUFFLE -> new Op.Shuffle(groups);
            case PERMUTE -> new Op.Permute(org.igclab.rules.model.Permutation.shuffle(in.channels(), in.channels() % 2 == 0 ? 2 : 1));
            case LINEAR -> new Op.Linear(out.channels(), true);
            case ADD, MUL, CONCAT -> null;
        });
    }

    /** Multiply-accumulates for one image (convolutions and fully connected layers, as the cost model counts). */
    public double macs() {
        return switch (kind) {
            case CONV -> (double) out.elements() * (in.channels() / groups) * kernel * kernel;
            case LINEAR -> (double) in.elements() * out.channels();
            default -> 0;
        };
    }

    /** Weights read once per pass. */
    public double weights() {
        return switch (kind) {
            case CONV -> (double) out.channels() * (in.channels() / groups) * kernel * kernel;
            case LINEAR -> (double) in.elements() * out.channels();
            case BATCH_NORM -> 4.0 * in.channels();
            default -> 0;
        };
    }

    /** Input elements read for one image (both operands for an add). */
    public double reads() {
        return kind == Kind.ADD ? 2.0 * in.elements() : kind == Kind.MUL ? in.elements() + in.channels() : in.elements();
    }

    /** Bytes a pass of {@code batch} images must move at least: inputs and outputs per image, weights once. */
    public double bytes(int batch) {
        if (kind == Kind.IDENTITY) {
            return 0; // passes its input on: nothing is read or written
        }
        return BYTES * (batch * (reads() + out.elements()) + weights());
    }

    /** How the convolution's channels are grouped: what changes the kernel PyTorch picks. */
    public String grouping() {
        if (kind != Kind.CONV || groups == 1) {
            return "dense";
        }
        return groups == in.channels() && groups == out.channels() ? "channel-wise" : "grouped";
    }

    /** {@code conv 3x3/2 grouped G=4 64x32x32->128x16x16}: a stable key, stored with each calibration point. */
    public String key() {
        String window = kernel > 1 || stride > 1 ? " " + kernel + "x" + kernel + (stride > 1 ? "/" + stride : "") + (padding != kernel / 2 ? " p" + padding : "") : "";
        String g = (groups > 1 ? " G=" + groups : "") + (dilation > 1 ? " dil=" + dilation : "");
        return kind.label() + window + g + " " + in + "->" + out;
    }
}
