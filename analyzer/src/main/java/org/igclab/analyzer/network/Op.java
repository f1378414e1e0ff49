package org.igclab.analyzer.network;

import org.igclab.rules.model.ExactCounts;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.Permutation;

/**
 * The primitive operations a network is made of. Each knows its output shape, its parameters and its
 * multiply-accumulates; composites ({@link LayerSpec}) and block templates expand into these.
 * Field names in errors are those of the network file.
 */
public sealed interface Op {

    /** The output shape for an input shape; throws naming the offending field. */
    TensorShape outShape(TensorShape in);

    /** Parameters, split as the counting conventions require. */
    default ParamCount params(TensorShape in) {
        return ParamCount.ZERO;
    }

    /** MACs: counted for convolutions and fully connected layers only (src/site/markdown/conventions.md). */
    default long macs(TensorShape in, TensorShape out) {
        return 0;
    }

    /** The file's name for the operation ({@code conv}, {@code bn}, ...). */
    String type();

    /**
     * A convolution.
     *
     * @param outChannels output channels
     * @param kernel      side of the square kernel
     * @param stride      stride
     * @param padding     zero padding on each side
     * @param groups      groups; divides input and output channels
     * @param bias        whether it has a bias
     */
    record Conv(int outChannels, int kernel, int stride, int padding, int groups, boolean bias) implements Op {
        public Conv {
            InvalidDesignException.requirePositive("out", outChannels);
            InvalidDesignException.requirePositive("kernel", kernel);
            InvalidDesignException.requirePositive("stride", stride);
            InvalidDesignException.requirePositive("groups", groups);
            if (padding < 0) {
                throw new InvalidDesignException("padding", "= " + padding + " must not be negative");
            }
            if (outChannels % groups != 0) {
                throw new InvalidDesignException("groups", "= " + groups + " does not divide " + outChannels + " output channels");
            }
        }

        /** "Same" padding for an odd kernel: {@code kernel / 2}. */
        public static Conv same(int out, int kernel, int stride, int groups) {
            return new Conv(out, kernel, stride, kernel / 2, groups, false);
        }

        @Override
        public String type() {
            return "conv";
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            if (in.channels() % groups != 0) {
                throw new InvalidDesignException("groups", "= " + groups + " does not divide " + in.channels() + " input channels");
            }
            return new TensorShape(outChannels, side(in.height(), "height"), side(in.width(), "width"));
        }

        private int side(int inSide, String what) {
            long span = (long) inSide + 2L * padding - kernel; // in long: a huge padding must not wrap around
            if (span < 0) {
                throw new InvalidDesignException("kernel", "= " + kernel + " is larger than the padded input " + what
                        + " " + ((long) inSide + 2L * padding));
            }
            long side = span / stride + 1;
            if (side > Integer.MAX_VALUE) {
                throw new InvalidDesignException("padding", "= " + padding + " makes the output " + what + " " + side + ", too large");
            }
            return (int) side;
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
    }

    /** ShuffleNet's channel shuffle with {@code groups} groups: {@link Permutation#shuffle(int, int)} with that many rows. */
    record Shuffle(int groups) implements Op {
        public Shuffle {
            InvalidDesignException.requirePositive("groups", groups);
        }

        @Override
        public String type() {
            return "shuffle";
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            if (in.channels() % groups != 0) {
                throw new InvalidDesignException("groups", "= " + groups + " does not divide " + in.channels() + " channels");
            }
            return in;
        }

        public Permutation permutation(int channels) {
            return Permutation.shuffle(channels, groups);
        }
    }

    /** An explicit channel permutation. */
    record Permute(Permutation permutation) implements Op {
        @Override
        public String type() {
            return "permute";
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            if (permutation.size() != in.channels()) {
                throw new InvalidDesignException("map", "has " + permutation.size() + " entries for " + in.channels() + " channels");
            }
            return in;
        }
    }

    /** BatchNorm with affine scale and shift (2 parameters per channel; running statistics are buffers, not parameters). */
    record BatchNorm() implements Op {
        @Override
        public String type() {
            return "bn";
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return in;
        }

        @Override
        public ParamCount params(TensorShape in) {
            return new ParamCount(0, 0, 2L * in.channels());
        }
    }

    /** An element-wise activation. */
    record Activation(Kind kind) implements Op {
        public enum Kind { RELU, RELU6 }

        @Override
        public String type() {
            return kind == Kind.RELU ? "relu" : "relu6";
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return in;
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
    record Pool(boolean max, int kernel, int stride, int padding) implements Op {
        public Pool {
            InvalidDesignException.requirePositive("kernel", kernel);
            InvalidDesignException.requirePositive("stride", stride);
            if (padding < 0 || padding > kernel / 2) {
                throw new InvalidDesignException("padding", "= " + padding + " must be between 0 and half the kernel (" + kernel / 2 + ")");
            }
        }

        @Override
        public String type() {
            return max ? "maxpool" : "avgpool";
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            int h = in.height() + 2 * padding - kernel;
            int w = in.width() + 2 * padding - kernel;
            if (h < 0 || w < 0) {
                throw new InvalidDesignException("kernel", "= " + kernel + " is larger than the padded input "
                        + (in.height() + 2 * padding) + "x" + (in.width() + 2 * padding));
            }
            return new TensorShape(in.channels(), h / stride + 1, w / stride + 1);
        }
    }

    /** Global average pooling to {@code C x 1 x 1}. */
    record GlobalAvgPool() implements Op {
        @Override
        public String type() {
            return "gap";
        }

        @Override
        public TensorShape outShape(TensorShape in) {
            return new TensorShape(in.channels(), 1, 1);
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
        public String type() {
            return "linear";
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
    }
}
