package org.igclab.ui.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.graph.ChannelEdge;
import org.igclab.rules.graph.ChannelGraph;
import org.igclab.rules.graph.ChannelNode;
import org.igclab.rules.model.KernelChain;
import org.jgrapht.Graph;

/**
 * The channel wiring of a chain as the paper draws it: one row of channels per stage (the input, then each kernel's
 * and each permutation's output), and an edge for every weight or permutation entry, from {@link ChannelGraph}. The
 * view places the rows; this says what connects to what, and which edges lie on the paths between two channels.
 */
public final class WiringLayout {
    /** Widest chain drawn as dots: wider, the dots and edges blur into a grey band (the heat map takes over). */
    public static final int MAX_CHANNELS = 64;
    /** Most edges drawn (a dense 64-channel kernel has 4,096). */
    public static final long MAX_EDGES = 40_000;

    private final KernelChain chain;
    private final List<String> labels;
    private final int[] sizes;
    private final int[] stage;
    private final int[] from;
    private final int[] to;
    private final int[] group;

    private WiringLayout(KernelChain chain, List<String> labels, int[] sizes, List<ChannelEdge> edges) {
        this.chain = chain;
        this.labels = List.copyOf(labels);
        this.sizes = sizes;
        int n = edges.size();
        stage = new int[n];
        from = new int[n];
        to = new int[n];
        group = new int[n];
        for (int e = 0; e < n; e++) {
            ChannelEdge edge = edges.get(e);
            stage[e] = edge.from().stage();
            from[e] = edge.from().channel();
            to[e] = edge.to().channel();
            group[e] = edge.group();
        }
    }

    /** A kernel's group as a band: the range of channels it reads and the range it writes. */
    public record GroupSpan(int group, int fromLo, int fromHi, int toLo, int toHi) {
    }

    public static boolean fits(KernelChain chain) {
        int widest = chain.kernels().stream().mapToInt(k -> Math.max(k.inChannels(), k.outChannels())).max().orElse(0);
        return widest <= MAX_CHANNELS && ChannelGraph.edgeCount(chain) <= MAX_EDGES;
    }

    public static WiringLayout of(KernelChain chain) {
        Graph<ChannelNode, ChannelEdge> graph = ChannelGraph.of(chain);
        int stages = graph.vertexSet().stream().mapToInt(ChannelNode::stage).max().orElse(0) + 1;
        int[] sizes = new int[stages];
        String[] labels = new String[stages];
        labels[0] = "input";
        for (int s = 0; s < stages; s++) {
            sizes[s] = ChannelGraph.stage(graph, s).size();
        }
        List<ChannelEdge> edges = new ArrayList<>(graph.edgeSet());
        // by stage, so that one pass forward (and one backward) finds the paths
        edges.sort(Comparator.comparingInt((ChannelEdge e) -> e.from().stage()).thenComparingInt(e -> e.from().channel())
                .thenComparingInt(e -> e.to().channel()));
        for (ChannelEdge e : edges) {
            labels[e.to().stage()] = e.step();
        }
        return new WiringLayout(chain, List.of(labels), sizes, edges);
    }

    public int stages() {
        return sizes.length;
    }

    /** Channels in a stage's row. */
    public int channels(int s) {
        return sizes[s];
    }

    /** {@code input}, {@code W1}, {@code P1}, ...: what produced the stage. */
    public String label(int s) {
        return labels.get(s);
    }

    public int edges() {
        return stage.length;
    }

    /** The stage an edge leaves (it arrives at the next). */
    public int edgeStage(int e) {
        return stage[e];
    }

    public int edgeFrom(int e) {
        return from[e];
    }

    public int edgeTo(int e) {
        return to[e];
    }

    /** The kernel group the edge belongs to; -1 for a permutation edge. */
    public int edgeGroup(int e) {
        return group[e];
    }

    /** Edges leaving a stage. */
    public int edgesFrom(int s) {
        int n = 0;
        for (int st : stage) {
            n += st == s ? 1 : 0;
        }
        return n;
    }

    /** The groups of the kernel that leaves stage {@code s} (empty after a permutation's stage). */
    public List<GroupSpan> spans(int s) {
        java.util.Map<Integer, int[]> byGroup = new java.util.TreeMap<>();
        for (int e = 0; e < edges(); e++) {
            if (stage[e] == s && group[e] >= 0) {
                int[] b = byGroup.computeIfAbsent(group[e], g -> new int[] {Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1});
                b[0] = Math.min(b[0], from[e]);
                b[1] = Math.max(b[1], from[e]);
                b[2] = Math.min(b[2], to[e]);
                b[3] = Math.max(b[3], to[e]);
            }
        }
        List<GroupSpan> spans = new ArrayList<>();
        byGroup.forEach((g, b) -> spans.add(new GroupSpan(g, b[0], b[1], b[2], b[3])));
        return spans;
    }

    /** The edges on some path from {@code input} (first row) to {@code output} (last row). */
    public BitSet path(int input, int output) {
        int last = stages() - 1;
        boolean[][] reached = new boolean[stages()][];
        boolean[][] reaches = new boolean[stages()][];
        for (int s = 0; s < stages(); s++) {
            reached[s] = new boolean[sizes[s]];
            reaches[s] = new boolean[sizes[s]];
        }
        reached[0][clamp(input, 0)] = true;
        reaches[last][clamp(output, last)] = true;
        for (int e = 0; e < edges(); e++) {
            reached[stage[e] + 1][to[e]] |= reached[stage[e]][from[e]];
        }
        for (int e = edges() - 1; e >= 0; e--) {
            reaches[stage[e]][from[e]] |= reaches[stage[e] + 1][to[e]];
        }
        BitSet on = new BitSet(edges());
        for (int e = 0; e < edges(); e++) {
            if (reached[stage[e]][from[e]] && reaches[stage[e] + 1][to[e]]) {
                on.set(e);
            }
        }
        return on;
    }

    /** The exact number of paths between the two channels (1 for every pair of a strict chain); it can pass 64 bits. */
    public java.math.BigInteger pathCount(int input, int output) {
        return ComplementaryCondition.exactPaths(chain, clamp(output, stages() - 1), clamp(input, 0));
    }

    public int clamp(int channel, int s) {
        return Math.max(0, Math.min(sizes[s] - 1, channel));
    }
}
