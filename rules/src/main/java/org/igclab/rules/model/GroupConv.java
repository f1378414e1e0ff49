package org.igclab.rules.model;

import static org.igclab.rules.model.InvalidDesignException.requirePositive;

/**
 * A group convolution: a structured sparse kernel whose channel matrix is block diagonal.
 *
 * <p>Output channel {@code o} belongs to group {@code o / (outChannels / groups)} and reads only the
 * input channels of that group, {@code [g * K, (g + 1) * K)} with {@code K = inChannels / groups}.
 * The kernel is square ({@code kernelSize x kernelSize}) and padded to keep the spatial size at
 * stride 1 ("same" padding, {@code kernelSize / 2}).
 *
 * @param inChannels  input channels, positive
 * @param outChannels output channels, positive
 * @param groups      number of groups (branches); divides both channel counts
 * @param kernelSize  side of the square spatial kernel, positive and odd (1 for a 1x1 convolution)
 * @param stride      spatial stride, positive
 */
public record GroupConv(int inChannels, int outChannels, int groups, int kernelSize, int stride) {
    /** The widest kernel modelled: permutations and path counts of wider ones would not fit in memory. */
    public static final int MAX_CHANNELS = 1 << 20;

    public GroupConv {
        requirePositive("inChannels", inChannels);
        requirePositive("outChannels", outChannels);
        requirePositive("groups", groups);
        requirePositive("kernelSize", kernelSize);
        requirePositive("stride", stride);
        if (inChannels > MAX_CHANNELS) {
            throw new InvalidDesignException("inChannels", "= " + inChannels + " exceeds the " + MAX_CHANNELS + " channels a chain may have");
        }
        if (outChannels > MAX_CHANNELS) {
            throw new InvalidDesignException("outChannels", "= " + outChannels + " exceeds the " + MAX_CHANNELS + " channels a chain may have");
        }
        InvalidDesignException.requireOddKernel("kernelSize", kernelSize);
        if (inChannels % groups != 0) {
            throw new InvalidDesignException("groups", "= " + groups + " does not divide " + inChannels + " input channels");
        }
        if (outChannels % groups != 0) {
            throw new InvalidDesignException("groups", "= " + groups + " does not divide " + outChannels + " output channels");
        }
    }

    /** A stride-1 group convolution that keeps the width {@code channels}. */
    public static GroupConv of(int channels, int groups, int kernelSize) {
        return new GroupConv(channels, channels, groups, kernelSize, 1);
    }

    /** A width-keeping stride-1 kernel described by its group size {@code K} (channels per branch). */
    public static GroupConv withGroupSize(int channels, int groupSize, int kernelSize) {
        requirePositive("groupSize", groupSize);
        if (channels % groupSize != 0) {
            throw new InvalidDesignException("groupSize", "= " + groupSize + " does not divide " + channels + " channels");
        }
        return of(channels, channels / groupSize, kernelSize);
    }

    /** {@code K}: input channels each output channel reads (channels per branch). 1 is channel-wise, {@code inChannels} dense. */
    public int groupSize() {
        return inChannels / groups;
    }

    /** Output channels per group. */
    public int outPerGroup() {
        return outChannels / groups;
    }

    /** {@code S}: kernel area, 9 for 3x3. */
    public int kernelArea() {
        return kernelSize * kernelSize;
    }

    /** The group that output channel {@code o} belongs to. */
    public int groupOfOutput(int o) {
        return o / outPerGroup();
    }

    /** Whether output {@code o} reads input {@code i}: the 0/1 connectivity {@code B[o][i]}. */
    public boolean connects(int o, int i) {
        return i / groupSize() == groupOfOutput(o);
    }

    /** True when each output reads exactly one input channel (a depthwise kernel). */
    public boolean isChannelWise() {
        return groupSize() == 1;
    }

    /** True when every output reads every input. */
    public boolean isDense() {
        return groups == 1;
    }

    /** Number of weights, {@code outChannels * K * S}; no bias. */
    public long weightCount() {
        return ExactCounts.multiply(ExactCounts.multiply((long) outChannels, groupSize()), (long) kernelArea());
    }
}
