package org.igclab.analyzer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.junit.jupiter.api.Test;

/** Which operations a plan may merge, and what each strategy executes, worked out by hand from the blocks' definitions. */
class LinearRunTest {

    static ResolvedNetwork network(String layers) {
        return ShapeInference.resolve(NetworkJson.parse("{\"input\": {\"channels\": 16, \"size\": 8}, \"layers\": [" + layers + "]}"));
    }

    /** Each run's path and each candidate's steps, by strategy label. */
    static Map<String, Map<String, String>> candidates(String block, Mode mode) {
        return LinearRuns.of(network(block).root(), mode).stream().collect(Collectors.toMap(LinearRun::path,
                r -> r.candidates().stream().collect(Collectors.toMap(c -> c.strategy().label(), c -> Steps.describe(c.steps())))));
    }

    @Test
    void anIgcv1BlockFoldsItsBatchNormThroughTheShuffleAndMergesThePermutationsIntoTheNextKernel() {
        assertThat(candidates("{\"type\": \"igcv1\", \"L\": 4}", Mode.INFERENCE)).containsExactly(Map.entry("layers[0].primary", Map.of(
                "designed", "conv 3x3 g4, shuffle 4, conv 1x1 g4, shuffle 4, bn",
                // BN(P y) = P BN'(y): the BatchNorm moves before the shuffle back, into the secondary kernel
                "folded", "conv 3x3 g4, shuffle 4, conv 1x1 g4 +bias = secondary.bn, shuffle 4",
                "merged", "conv 3x3 g4, conv 1x1 +bias = shuffle.secondary.shuffle_back.bn",
                "dense", "conv 3x3 +bias = primary.shuffle.secondary.shuffle_back.bn")));
    }

    @Test
    void inTrainingBatchNormEndsARunAndNothingIsFolded() {
        assertThat(candidates("{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4]}", Mode.TRAINING)).containsExactly(Map.entry("layers[0].W1", Map.of(
                "designed", "conv 3x3 g16, conv 1x1 g4, shuffle 4, conv 1x1 g4",
                "merged", "conv 3x3 g16, conv 1x1 = W2.P2.W3",
                "dense", "conv 3x3 = W1.W2.P2.W3")));
    }

    @Test
    void aNonlinearityEndsAMerge() {
        // BN and ReLU after every kernel: each run is a kernel and its BatchNorm, and a shuffle joins the next one
        Map<String, Map<String, String>> each = candidates("{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4], \"norm\": \"each\"}", Mode.INFERENCE);
        assertThat(each).containsOnlyKeys("layers[0].W1", "layers[0].W2", "layers[0].P2");
        assertThat(each.get("layers[0].P2")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "designed", "shuffle 4, conv 1x1 g4, bn", "folded", "shuffle 4, conv 1x1 g4 +bias = W3.W3_bn"));
        assertThat(candidates("{\"type\": \"igcv2\", \"groupSizes\": [1, 4, 4], \"norm\": \"each\"}", Mode.TRAINING))
                .as("in training a lone shuffle and kernel have nothing to merge").allSatisfy((path, c) -> assertThat(c).containsOnlyKeys("designed"));
    }

    @Test
    void aStrategyThatChangesNothingIsNotACandidateOfItsOwn() {
        // merged would keep the depthwise kernel and fold pw with its BatchNorm: what folded already does
        assertThat(candidates("{\"type\": \"dwsep\", \"out\": 32, \"norm\": \"end\"}", Mode.INFERENCE).get("layers[0].dw"))
                .containsOnlyKeys("designed", "folded", "dense");
    }

    @Test
    void aPlanKeepsEveryOperationOutsideItsRunsAndCoversTheNetworkInOrder() {
        ResolvedNetwork n = network("{\"type\": \"conv\", \"out\": 16, \"kernel\": 3}, {\"type\": \"igcv1\", \"L\": 4}, "
                + "{\"type\": \"igcv1\", \"L\": 4}, {\"type\": \"gap\"}");
        Plan designed = Plan.uniform(n, Mode.INFERENCE, Strategy.DESIGNED);
        assertThat(designed.steps()).extracting(s -> s.sources().get(0)).containsExactlyElementsOf(n.ops());
        Plan dense = Plan.choosing(n, Mode.INFERENCE, r -> r.path().startsWith("layers[1]") ? Strategy.DENSE : Strategy.DESIGNED);
        assertThat(dense.runs()).as("a lone convolution is no run").hasSize(2);
        List<String> steps = dense.steps().stream().map(Step::describe).toList();
        assertThat(steps).containsSubsequence("conv 3x3 +bias = primary.shuffle.secondary.shuffle_back.bn", "relu", "conv 3x3 g4", "shuffle 4");
        assertThat(dense.steps().stream().flatMap(s -> s.sources().stream()).toList()).as("every operation once, in order")
                .containsExactlyElementsOf(n.ops());
        assertThat(dense.runs().get(0).signature()).isEqualTo(dense.runs().get(1).signature());
    }
}
