package org.igclab.rules.graph;

import java.util.ArrayList;
import java.util.List;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The channel graph of a chain: every channel at every stage is a vertex, every nonzero weight or
 * permutation entry an edge from the channel read to the channel written. Paths from a stage-0 vertex
 * to a last-stage vertex are exactly the paths the complementary condition counts.
 */
public final class ChannelGraph {
    /** Largest graph built, in edges; the drawing of anything larger is unreadable anyway. */
    public static final long MAX_EDGES = 200_000;

    private ChannelGraph() {
    }

    /** Number of edges the chain's graph would have. */
    public static long edgeCount(KernelChain chain) {
        long edges = 0;
        for (GroupConv k : chain.kernels()) {
            edges += (long) k.outChannels() * k.groupSize();
        }
        edges += chain.permutations().stream().mapToLong(Permutation::size).sum();
        edges += chain.finalPermutation().map(Permutation::size).orElse(0);
        return edges;
    }

    /**
     * Builds the graph.
     *
     * @throws IllegalArgumentException when it would have more than {@link #MAX_EDGES} edges
     */
    public static Graph<ChannelNode, ChannelEdge> of(KernelChain chain) {
        long edges = edgeCount(chain);
        if (edges > MAX_EDGES) {
            throw new IllegalArgumentException("the channel graph would have " + edges + " edges; the limit is "
                    + MAX_EDGES + " (draw a narrower chain, or look at the path-count matrix instead)");
        }
        Graph<ChannelNode, ChannelEdge> graph = new DirectedAcyclicGraph<>(null, null, false);
        addStage(graph, 0, chain.inChannels());
        int stage = 0;
        for (int l = 0; l < chain.length(); l++) {
            GroupConv k = chain.kernel(l);
            addStage(graph, stage + 1, k.outChannels());
            for (int o = 0; o < k.outChannels(); o++) {
                int g = k.groupOfOutput(o);
                for (int i = g * k.groupSize(); i < (g + 1) * k.groupSize(); i++) {
                    link(graph, new ChannelNode(stage, i), new ChannelNode(stage + 1, o), "W" + (l + 1), g);
                }
            }
            stage++;
            Permutation p = chain.permutationAfter(l).orElse(null);
            if (p != null) {
                addStage(graph, stage + 1, p.size());
                for (int j = 0; j < p.size(); j++) {
                    link(graph, new ChannelNode(stage, p.sourceOf(j)), new ChannelNode(stage + 1, j), "P" + (l + 1), -1);
                }
                stage++;
            }
        }
        return graph;
    }

    /** The vertices of one stage, in channel order. */
    public static List<ChannelNode> stage(Graph<ChannelNode, ChannelEdge> graph, int stage) {
        List<ChannelNode> nodes = new ArrayList<>();
        for (ChannelNode n : graph.vertexSet()) {
            if (n.stage() == stage) {
                nodes.add(n);
            }
        }
        nodes.sort((a, b) -> Integer.compare(a.channel(), b.channel()));
        return nodes;
    }

    private static void addStage(Graph<ChannelNode, ChannelEdge> graph, int stage, int channels) {
        for (int c = 0; c < channels; c++) {
            graph.addVertex(new ChannelNode(stage, c));
        }
    }

    private static void link(Graph<ChannelNode, ChannelEdge> graph, ChannelNode from, ChannelNode to, String step, int group) {
        graph.addEdge(from, to, new ChannelEdge(from, to, step, group));
    }
}
