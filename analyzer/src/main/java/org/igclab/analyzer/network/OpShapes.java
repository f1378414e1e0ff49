package org.igclab.analyzer.network;

import org.igclab.rules.model.InvalidDesignException;

/**
 * The output shapes of the operations that check their input ({@link Op}'s records delegate here): sliding windows
 * (convolution, pooling) and the channels a grouping or permutation needs. Errors name the field of the network file.
 */
final class OpShapes {
    private OpShapes() {
    }

    static TensorShape conv(Op.Conv c, TensorShape in) {
        requireGroups(c.groups(), in.channels(), " input channels");
        return new TensorShape(c.outChannels(), convSide(c, in.height(), "height"), convSide(c, in.width(), "width"));
    }

    static TensorShape pool(Op.Pool p, TensorShape in) {
        long h = windowSide(in.height(), p.kernel(), p.stride(), p.padding());
        long w = windowSide(in.width(), p.kernel(), p.stride(), p.padding());
        if (h < 0 || w < 0) {
            throw new InvalidDesignException("kernel", "= " + p.kernel() + " is larger than the padded input "
                    + (in.height() + 2 * p.padding()) + "x" + (in.width() + 2 * p.padding()));
        }
        // padding is at most half the kernel, so the output is never larger than the input
        return new TensorShape(in.channels(), (int) h, (int) w);
    }

    /** The input itself, when {@code groups} divides its channels. */
    static TensorShape shuffle(Op.Shuffle s, TensorShape in) {
        requireGroups(s.groups(), in.channels(), " channels");
        return in;
    }

    /** The input itself, when the permutation has an entry per channel. */
    static TensorShape permute(Op.Permute p, TensorShape in) {
        if (p.permutation().size() != in.channels()) {
            throw new InvalidDesignException("map", "has " + p.permutation().size() + " entries for " + in.channels() + " channels");
        }
        return in;
    }

    private static void requireGroups(int groups, int channels, String what) {
        if (channels % groups != 0) {
            throw new InvalidDesignException("groups", "= " + groups + " does not divide " + channels + what);
        }
    }

    private static int convSide(Op.Conv c, int inSide, String what) {
        long side = windowSide(inSide, c.span(), c.stride(), c.padding());
        if (side < 0) {
            throw new InvalidDesignException("kernel", "= " + c.kernel() + (c.dilation() > 1 ? " dilated by " + c.dilation() : "")
                    + " is larger than the padded input " + what + " " + ((long) inSide + 2L * c.padding()));
        }
        if (side > Integer.MAX_VALUE) {
            throw new InvalidDesignException("padding", "= " + c.padding() + " makes the output " + what + " " + side + ", too large");
        }
        return (int) side;
    }

    /**
     * Output positions along one side of a sliding window, {@code (in + 2 * padding - kernel) / stride + 1}, or -1
     * when the window is larger than the padded input. In long: a huge padding must not wrap around.
     */
    private static long windowSide(int in, long kernel, int stride, int padding) {
        long span = (long) in + 2L * padding - kernel;
        return span < 0 ? -1 : span / stride + 1;
    }
}
