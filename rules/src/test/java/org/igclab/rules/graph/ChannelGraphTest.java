package org.igclab.rules.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.AllDirectedPaths;
import org.junit.jupiter.api.Test;

class ChannelGraphTest {

    @Test
    void igcL4M2Graph() {
        // C = 8, K = (2, 4): stages 0 (inputs), 1 (W1), 2 (P1), 3 (W2): 4 * 8 = 32 vertices.
        // Edges: W1 8 * 2 = 16, P1 8, W2 8 * 4 = 32: 56.
        KernelChain chain = KernelChain.interleaved(8, 3, 2, 4);
        Graph<ChannelNode, ChannelEdge> graph = ChannelGraph.of(chain);
        assertThat(graph.vertexSet()).hasSize(32);
        assertThat(graph.edgeSet()).hasSize(56);
        assertThat(ChannelGraph.edgeCount(chain)).isEqualTo(56);

        // W1 output 3 (group 1) reads inputs 2 and 3
        assertThat(graph.incomingEdgesOf(new ChannelNode(1, 3)))
                .extracting(e -> graph.getEdgeSource(e))
                .containsExactlyInAnyOrder(new ChannelNode(0, 2), new ChannelNode(0, 3));
        assertThat(graph.incomingEdgesOf(new ChannelNode(1, 3))).allMatch(e -> e.step().equals("W1") && e.group() == 1);
        // P1 = shuffle(8, 4) = [0,2,4,6,1,3,5,7]: position 1 holds channel 2
        assertThat(graph.incomingEdgesOf(new ChannelNode(2, 1)))
                .containsExactly(new ChannelEdge(new ChannelNode(1, 2), new ChannelNode(2, 1), "P1", -1));
        assertThat(graph.outDegreeOf(new ChannelNode(3, 0))).isZero();
        assertThat(graph.inDegreeOf(new ChannelNode(0, 0))).isZero();

        assertThat(ChannelGraph.stage(graph, 3)).extracting(ChannelNode::channel).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(ChannelGraph.stage(graph, 4)).isEmpty();
        assertThat(new ChannelNode(3, 17).id()).isEqualTo("s3_c17");
    }

    @Test
    void allDirectedPathsMatchExactCounts() {
        // strict: one path per pair; K = (2, 8) on 8 channels: each input is read by 2 W1 outputs, all of them
        // read by every W2 output, so 2 paths per pair.
        KernelChain strict = KernelChain.interleaved(8, 3, 2, 4);
        KernelChain twice = KernelChain.interleaved(8, 3, 2, 8);
        KernelChain withFinal = new KernelChain(strict.kernels(), strict.permutations(), Optional.of(Permutation.of(7, 6, 5, 4, 3, 2, 1, 0)));
        for (KernelChain chain : List.of(strict, twice, withFinal)) {
            Graph<ChannelNode, ChannelEdge> graph = ChannelGraph.of(chain);
            int last = chain.finalPermutation().isPresent() ? 4 : 3;
            AllDirectedPaths<ChannelNode, ChannelEdge> paths = new AllDirectedPaths<>(graph);
            for (int o = 0; o < 8; o++) {
                for (int i = 0; i < 8; i++) {
                    List<GraphPath<ChannelNode, ChannelEdge>> found =
                            paths.getAllPaths(new ChannelNode(0, i), new ChannelNode(last, o), true, null);
                    assertThat(java.math.BigInteger.valueOf(found.size())).as("paths %d -> %d", i, o).isEqualTo(ComplementaryCondition.exactPaths(chain, o, i));
                    assertThat(found).allMatch(p -> p.getLength() == last);
                }
            }
        }
        assertThat(ComplementaryCondition.exactPaths(twice, 5, 3)).isEqualTo(java.math.BigInteger.TWO);
    }

    @Test
    void finalPermutationAddsAStage() {
        KernelChain chain = new KernelChain(List.of(GroupConv.of(4, 2, 1)), List.of(), Optional.of(Permutation.of(1, 2, 3, 0)));
        Graph<ChannelNode, ChannelEdge> graph = ChannelGraph.of(chain);
        // stages 0, 1 (W1), 2 (final): 12 vertices; edges 4 * 2 + 4
        assertThat(graph.vertexSet()).hasSize(12);
        assertThat(graph.edgeSet()).hasSize(12);
        assertThat(graph.incomingEdgesOf(new ChannelNode(2, 3)))
                .containsExactly(new ChannelEdge(new ChannelNode(1, 0), new ChannelNode(2, 3), "P1", -1));
    }

    @Test
    void refusesGraphsTooLargeToDraw() {
        // one dense 1x1 kernel on 512 channels: 512 * 512 = 262144 edges
        KernelChain chain = new KernelChain(List.of(GroupConv.of(512, 1, 1)), List.of());
        assertThat(ChannelGraph.edgeCount(chain)).isEqualTo(262_144);
        assertThatThrownBy(() -> ChannelGraph.of(chain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the channel graph would have 262144 edges; the limit is 200000 "
                        + "(draw a narrower chain, or look at the path-count matrix instead)");
    }
}
