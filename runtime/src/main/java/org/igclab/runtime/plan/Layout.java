package org.igclab.runtime.plan;

import org.igclab.analyzer.cli.Choice;

/**
 * How a plan's activations are laid out in memory while it is timed: NCHW, channels last (NHWC in memory, the same
 * shape and values: libtorch's convolutions, BatchNorm and ReLU keep it from one operation to the next), or
 * {@link #AUTO}, the whole network timed in both and the faster kept. A choice for the whole network, not per run:
 * switching layouts between runs costs a copy each time.
 */
public enum Layout {
    NCHW,
    CHANNELS_LAST,
    AUTO;

    /** {@code nchw}, {@code channels-last}, {@code auto}: as written on the command line. */
    public String label() {
        return Choice.nameOf(this);
    }

    /**
     * The layout kept from the whole network's medians in each (infinite where it was not timed, as when it did not
     * agree with the design): channels last only when strictly faster, NCHW (the design's own) otherwise.
     */
    public static Layout faster(double nchwMs, double channelsLastMs) {
        return channelsLastMs < nchwMs ? CHANNELS_LAST : NCHW;
    }

    /** The command line's names. */
    public static final class Names extends Choice<Layout> {
        public Names() {
            super(values());
        }
    }
}
