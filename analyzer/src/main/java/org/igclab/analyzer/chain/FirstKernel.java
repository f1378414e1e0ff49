package org.igclab.analyzer.chain;

/** What the first (spatial) kernel of an enumerated chain may be. */
public enum FirstKernel {
    /** {@code K_1 = 1}: a channel-wise (depthwise) spatial kernel, as in Xception and IGCV2. */
    CHANNEL_WISE,
    /** {@code K_1 >= 2}: a group convolution, as in IGCV1 (or dense when {@code K_1 = C}). */
    GROUPED,
    /** Either. */
    ANY;

    boolean allowsChannelWise() {
        return this != GROUPED;
    }

    boolean allowsGrouped() {
        return this != CHANNEL_WISE;
    }
}
