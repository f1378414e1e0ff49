package org.igclab.analyzer.network;

import org.igclab.rules.model.ExactCounts;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.Permutation;

/**
 * The primitive operations a network is made of. Each knows its name in a file, its output shape, its parameters and
 * its multiply-accumulates; composites ({@link LayerSpec}) and block templates expand into these. Everything that
 * interprets an operation (cost, shapes, DJL, ONNX, PyTorch, JSON) does so through a {@link Visitor}, so a new
 * operation is a compile error wherever it is not yet handled. Field names in errors are those of the network file.
 */
public sealed interface Op {

    /** Its entry in the one table of operation names. */
    OpType type();

    /** The output shape for an input shape; throws naming the offending field. */
    TensorShape outShape(TensorShape in);

    /** Parameters, split as the counting conventions require. */
    ParamCount params(TensorShape in);

    /** MACs: counted for convolutions and fully connected layers only (src/site/markdown/conventions.md). */
    long macs(TensorShape in, TensorShape out);

    <R> R accept(Visitor<R> visitor);

    /** One method per operation: implementing it is handling every operation there is. */
    interface Visitor<R> {
        R conv(Conv conv);
        R shuffle(Shuffle shuffle);
        R permute(Permute permute);
        R batchNorm(BatchNorm batchNorm);
        R activation(Activation activation);
        R pool(Pool pool);
        R globalAvgPool(GlobalAvgPool pool);
        R linear(Linear linear);
        R identity(Identity identity);
        R unknown(Unknown unknown);
    }

    /**
     * An operation that declares it has no parameters and costs no multiply-accumulates: it moves or rescales data, and
     * the cost model counts it in activations and memory traffic only. An operation says so by implementing this; it
     * is never assumed.
     */
    sealed interface Free extends Op {
        @Override
        default ParamCount params(TensorShape in) {
            return ParamCount.ZERO;
        }

        @Override
        default long macs(TensorShape in, TensorShape out) {
            return 0;
        }
    }

    /**
     * A convolution.
     *
     * @param outChannels output channels
     * @param kernel      side of the square kernel
     * @param stride      stride
     * @param padding     zero padding on each side
     * @param groups      groups; divides input and output channels
     * @param bias        whether it has a bias
     * @param dilation    spacing of the kernel's taps (1: adjacent); the window spans {@code dilation * (kernel - 1) + 1}
     */
    record Conv(int outChannels, int kernel, int stride, int padding, int groups, boolean bias, int dilation) implements Op {
        public Conv {
            InvalidDesignException.requirePositive("out", outChannels);
            InvalidDesignException.requirePositive("kernel", kernel);
            InvalidDesignException.requirePositive("stride", stride);
            InvalidDesignException.requirePositive("groups", groups);
            InvalidDesignException.requirePositive("dilation", dilation);
            if (padding < 0) {
                throw new InvalidDesignException("padding", "= " + padding + " must not be negative");
            }
            if (outChannels % groups != 0) {
                throw new InvalidDesignException("groups", "= " + groups + " does not divide " + outChannels + " output channels");
            }
        }

        /** An undilated convolution. */
        public Conv(int outChannels, int kernel, int stride, int padding, int groups, boolean bias) {
            this(outChannels, kernel, stride, padding, groups, bias, 1);
        }

        /** The side of the window the kernel covers, {@code dilation * (kernel - 1) + 1}. */
        public long span() {
            return (long) dilation * (kernel - 1) + 1;
        }

        /** "Same" padding for an odd kernel: {@code kernel / 2}. */
        public static Conv same(int out, int kernel, int stride, int groups) {
            return new Conv(out, kernel, stride, kernel / 2, groups, false);
        }

        @Override
        public OpType type() {
            return OpType.CONV;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return OpShapes.conv(this, in);
        }

        @Override
        public ParamCount params(TensorShape in) {
            long weights = ExactCounts.multiply(ExactCounts.multiply((long) outChannels, in.channels() / groups), (long) kernel * kernel);
            return new ParamCount(weights, bias ? outChannels : 0, 0);
        }

        @Override
        public long macs(TensorShape in, TensorShape out) {
            return ExactCounts.multiply(params(in).weights(), out.positions());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.conv(this);
        }
    }

    /** ShuffleNet's channel shuffle with {@code groups} groups: {@link Permutation#shuffle(int, int)} with that many rows. */
    record Shuffle(int groups) implements Free {
        public Shuffle {
            InvalidDesignException.requirePositive("groups", groups);
        }

        @Override
        public OpType type() {
            return OpType.SHUFFLE;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return OpShapes.shuffle(this, in);
        }

        public Permutation permutation(int channels) {
            return Permutation.shuffle(channels, groups);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.shuffle(this);
        }
    }

    /** An explicit channel permutation. */
    record Permute(Permutation permutation) implements Free {
        @Override
        public OpType type() {
            return OpType.PERMUTE;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return OpShapes.permute(this, in);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.permute(this);
        }
    }

    /** BatchNorm with affine scale and shift (2 parameters per channel; running statistics are buffers, not parameters). */
    record BatchNorm() implements Op {
        @Override
        public OpType type() {
            return OpType.BATCH_NORM;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return in;
        }

        @Override
        public ParamCount params(TensorShape in) {
            return new ParamCount(0, 0, 2L * in.channels());
        }

        /** Scale and shift are not counted as MACs (conventions.md counts convolutions and fully connected layers). */
        @Override
        public long macs(TensorShape in, TensorShape out) {
            return 0;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.batchNorm(this);
        }
    }

    /**
     * An element-wise activation, as PyTorch defines it: {@code hardsigmoid(x) = relu6(x + 3) / 6} and
     * {@code hardswish(x) = x * hardsigmoid(x)}. Every switch over {@link Kind} is exhaustive, so a new kind is a compile
     * error too.
     */
    record Activation(Kind kind) implements Free {
        public enum Kind {
            RELU(OpType.RELU), RELU6(OpType.RELU6), HARDSWISH(OpType.HARDSWISH), HARDSIGMOID(OpType.HARDSIGMOID), SIGMOID(OpType.SIGMOID);

            private final OpType type;

            Kind(OpType type) {
                this.type = type;
            }

            /** The activation a file names ({@code relu}, {@code hardswish}, ...), if it is one. */
            public static java.util.Optional<Kind> named(String name) {
                return java.util.Arrays.stream(values()).filter(k -> k.type.fileName().equals(name)).findFirst();
            }

            /** {@code relu}, {@code hardswish}, ...: the name of the operation in a file. */
            public String fileName() {
                return type.fileName();
            }
        }

        @Override
        public OpType type() {
            return kind.type;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return in;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.activation(this);
        }
    }

    /**
     * Max or average pooling (average pooling counts padding, as PyTorch's default does).
     *
     * @param max     max pooling when true, average otherwise
     * @param kernel  window side
     * @param stride  stride
     * @param padding padding on each side
     */
    record Pool(boolean max, int kernel, int stride, int padding) implements Free {
        public Pool {
            InvalidDesignException.requirePositive("kernel", kernel);
            InvalidDesignException.requirePositive("stride", stride);
            if (padding < 0 || padding > kernel / 2) {
                throw new InvalidDesignException("padding", "= " + padding + " must be between 0 and half the kernel (" + kernel / 2 + ")");
            }
        }

        @Override
        public OpType type() {
            return max ? OpType.MAX_POOL : OpType.AVG_POOL;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return OpShapes.pool(this, in);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pool(this);
        }
    }

    /** Global average pooling to {@code C x 1 x 1}. */
    record GlobalAvgPool() implements Free {
        @Override
        public OpType type() {
            return OpType.GLOBAL_AVG_POOL;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return new TensorShape(in.channels(), 1, 1);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.globalAvgPool(this);
        }
    }

    /**
     * A fully connected layer on the flattened input ({@code C * H * W} features).
     *
     * @param outFeatures output features
     * @param bias        whether it has a bias
     */
    record Linear(int outFeatures, boolean bias) implements Op {
        public Linear {
            InvalidDesignException.requirePositive("out", outFeatures);
        }

        @Override
        public OpType type() {
            return OpType.LINEAR;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return new TensorShape(outFeatures, 1, 1);
        }

        @Override
        public ParamCount params(TensorShape in) {
            return new ParamCount(ExactCounts.multiply(in.elements(), outFeatures), bias ? outFeatures : 0, 0);
        }

        @Override
        public long macs(TensorShape in, TensorShape out) {
            return params(in).weights();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.linear(this);
        }
    }

    /** The identity: a branch that passes its input on (ShuffleNet V2's untouched half), or a no-op from an imported model. */
    record Identity() implements Free {
        @Override
        public OpType type() {
            return OpType.IDENTITY;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return in;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.identity(this);
        }
    }

    /**
     * An operator IGC Lab does not know, kept in its place so the rest of a network (an imported model) can be counted.
     * It is not {@link Free}: its parameters and MACs are not known, so every total over it is a lower bound, and the
     * reports say so and name it. It cannot be instantiated or exported.
     *
     * @param operator its name where it came from ({@code Einsum}, {@code Conv 1x7})
     * @param out      its output shape when known, else the input shape is assumed to pass unchanged
     * @param note     why it is not counted, or empty
     */
    record Unknown(String operator, java.util.Optional<TensorShape> out, String note) implements Op {
        public Unknown {
            if (operator == null || operator.isBlank()) {
                throw new InvalidDesignException("operator", "is empty: name the operator");
            }
            note = note == null ? "" : note;
        }

        @Override
        public OpType type() {
            return OpType.UNKNOWN;
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return out.orElse(in);
        }

        /** The error of a backend asked to build or export it: there is nothing to build it from. */
        public InvalidDesignException refusal(String path) {
            return new InvalidDesignException(path, "is an operator IGC Lab does not know (" + operator
                    + "): a network that holds one can be counted (as a lower bound), not built or exported");
        }

        /** Nothing is known; the totals are marked as lower bounds instead. */
        @Override
        public ParamCount params(TensorShape in) {
            return ParamCount.ZERO;
        }

        @Override
        public long macs(TensorShape in, TensorShape out) {
            return 0;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unknown(this);
        }
    }
}
