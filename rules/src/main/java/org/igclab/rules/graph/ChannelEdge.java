package org.igclab.rules.graph;

/**
 * A connection between two consecutive stages of a chain.
 *
 * @param from   the channel read
 * @param to     the channel written
 * @param step   {@code W1}, {@code P1}, {@code W2}, ...: the kernel or permutation that makes the connection
 * @param group  the kernel's group the connection belongs to, or -1 for a permutation
 */
public record ChannelEdge(ChannelNode from, ChannelNode to, String step, int group) {
}
