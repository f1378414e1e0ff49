package org.igclab.rules.graph;

/**
 * A channel at one stage of a chain: stage 0 is the chain's input, stage {@code 2l - 1} the output of
 * kernel {@code W_l}, stage {@code 2l} the output of permutation {@code P_l}.
 *
 * @param stage   position along the chain
 * @param channel channel index at that stage
 */
public record ChannelNode(int stage, int channel) {

    /** A name that DOT and GraphML accept as an identifier: {@code s3_c17}. */
    public String id() {
        return "s" + stage + "_c" + channel;
    }
}
