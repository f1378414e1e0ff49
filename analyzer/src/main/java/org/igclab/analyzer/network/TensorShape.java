package org.igclab.analyzer.network;

import org.igclab.rules.model.ExactCounts;
/**
 * The shape of one image's activations, channels x height x width (the batch is left out).
 *
 * @param channels channels, positive
 * @param height   rows, positive
 * @param width    columns, positive
 */
public record TensorShape(int channels, int height, int width) {

    public TensorShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new org.igclab.rules.model.InvalidDesignException("", "the shape " + channels + "x" + height + "x" + width
                    + " has an empty dimension");
        }
    }

    /** {@code C * H * W}, exactly. */
    public long elements() {
        return ExactCounts.multiply(ExactCounts.multiply((long) channels, height), width);
    }

    /** Spatial positions {@code H * W}. */
    public long positions() {
        return (long) height * width;
    }

    public TensorShape withChannels(int c) {
        return new TensorShape(c, height, width);
    }

    /** {@code 64x56x56}. */
    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
