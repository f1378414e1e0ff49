package org.igclab.rules.graph;

import java.math.BigInteger;
import java.util.Arrays;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.igclab.rules.testing.RandomChains;
import org.jgrapht.Graph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/** The channel graph has the right size, and its source-to-sink path counts are the complementary condition's. */
class ChannelGraphPropertiesTest {

    @Property(tries = 150)
    void graphPathsAreTheExactPathCounts(@ForAll("chains") KernelChain chain) {
        Graph<ChannelNode, ChannelEdge> graph = ChannelGraph.of(chain);

        int vertices = chain.inChannels();
        long edges = 0;
        for (GroupConv k : chain.kernels()) {
            vertices += k.outChannels();
            edges += (long) k.outChannels() * k.groupSize();
        }
        for (Permutation p : chain.permutations()) {
            vertices += p.size();
            edges += p.size();
        }
        if (chain.finalPermutation().isPresent()) {
            vertices += chain.outChannels();
            edges += chain.outChannels();
        }
        assertThat(graph.vertexSet()).hasSize(vertices);
        assertThat((long) graph.edgeSet().size()).isEqualTo(edges).isEqualTo(ChannelGraph.edgeCount(chain));
        assertThat(graph.edgeSet()).allMatch(e -> graph.getEdgeTarget(e).stage() == graph.getEdgeSource(e).stage() + 1);

        int lastStage = 2 * chain.length() - 1 + (chain.finalPermutation().isPresent() ? 1 : 0);
        assertThat(ChannelGraph.stage(graph, 0)).hasSize(chain.inChannels()).allMatch(v -> graph.inDegreeOf(v) == 0);
        assertThat(ChannelGraph.stage(graph, lastStage)).hasSize(chain.outChannels()).allMatch(v -> graph.outDegreeOf(v) == 0);
        assertThat(ChannelGraph.stage(graph, lastStage + 1)).isEmpty();

        // number of paths from every input to every vertex, in topological order
        int in = chain.inChannels();
        Map<ChannelNode, long[]> paths = new HashMap<>();
        TopologicalOrderIterator<ChannelNode, ChannelEdge> order = new TopologicalOrderIterator<>(graph);
        while (order.hasNext()) {
            ChannelNode v = order.next();
            long[] counts = new long[in];
            if (graph.inDegreeOf(v) == 0) {
                assertThat(v.stage()).isZero();
                counts[v.channel()] = 1;
            }
            for (ChannelEdge e : graph.incomingEdgesOf(v)) {
                long[] from = paths.get(graph.getEdgeSource(e));
                for (int i = 0; i < in; i++) {
                    counts[i] += from[i];
                }
            }
            paths.put(v, counts);
        }
        for (ChannelNode sink : ChannelGraph.stage(graph, lastStage)) {
            assertThat(Arrays.stream(paths.get(sink)).mapToObj(BigInteger::valueOf).toList()).as("paths into output %d", sink.channel())
                    .containsExactly(ComplementaryCondition.exactPathsFrom(chain, sink.channel()));
        }
    }

    @Provide
    Arbitrary<KernelChain> chains() {
        return RandomChains.chains();
    }
}
