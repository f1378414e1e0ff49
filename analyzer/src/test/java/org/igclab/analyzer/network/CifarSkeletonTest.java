package org.igclab.analyzer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.template.Igcv2Block;
import org.igclab.analyzer.network.template.Norm;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;
import org.junit.jupiter.api.Test;

/** The typed CIFAR skeleton: one network generator for a file, a sweep and the explorer. */
class CifarSkeletonTest {

    private static CifarSkeleton read(String json) {
        return CifarSkeleton.read(JsonFields.of(JsonFields.parse(json).node(), "skeleton"));
    }

    private static List<Integer> groupSizes(Network n, int layer) {
        return ((Igcv2Block.GroupSizes) ((Igcv2Block) ((LayerSpec.BlockSpec) n.layers().get(layer)).template()).recipe()).sizes();
    }

    @Test
    void aChainOfTheWidthWidensItsLastKernelWithTheStages() {
        Network n = read("{\"type\": \"cifar\", \"width\": 64, \"depth\": 11, \"block\": {\"type\": \"igcv2\", \"groupSizes\": [16, 2, 2], "
                + "\"widen\": \"last\"}}").network("n");
        // stem (3), three stages of 3 blocks, head (2); a stage's first block reads the narrower width and widens last
        assertThat(groupSizes(n, 3)).containsExactly(16, 2, 2);
        assertThat(groupSizes(n, 6)).containsExactly(16, 2, 2);
        assertThat(groupSizes(n, 7)).containsExactly(16, 2, 4);
        assertThat(groupSizes(n, 9)).containsExactly(16, 2, 4);
        assertThat(groupSizes(n, 10)).containsExactly(16, 2, 8);
        assertThat(((Igcv2Block) ((LayerSpec.BlockSpec) n.layers().get(6)).template()).widen()).isEqualTo(Igcv2Block.Widen.LAST);
        // a chain that does not multiply to the width, or widens first, is kept as written
        for (String block : new String[] {"\"groupSizes\": [16, 2], \"widen\": \"last\"", "\"groupSizes\": [16, 2, 2]"}) {
            Network written = read("{\"type\": \"cifar\", \"width\": 64, \"depth\": 5, \"block\": {\"type\": \"igcv2\", " + block + "}}")
                    .network("n");
            List<Integer> lastStage = groupSizes(written, 5);
            assertThat(lastStage.get(lastStage.size() - 1)).as(block).isEqualTo(2);
        }
    }

    @Test
    void withWidthAndWithBlockGiveTheNetworkOfTheFileThatSaysSo() {
        CifarSkeleton paper = read("{\"type\": \"cifar\", \"width\": 64, \"depth\": 38, \"inputChannels\": 1, \"resolution\": 28, "
                + "\"block\": {\"type\": \"igcv2\", \"K\": 8}}");
        Network varied = paper.withWidth(32).withBlock(new CifarSkeleton.Chain(List.of(1, 4, 8), 3, Norm.END)).network("n");
        Network written = read("{\"type\": \"cifar\", \"width\": 32, \"depth\": 38, \"inputChannels\": 1, \"resolution\": 28, "
                + "\"block\": {\"type\": \"igcv2\", \"groupSizes\": [1, 4, 8], \"widen\": \"last\"}}").network("n");
        assertThat(varied).isEqualTo(written);
        assertThat(CostModel.of(varied).params().total()).isEqualTo(CostModel.of(written).params().total());
        assertThat(paper.width()).isEqualTo(64);
    }

    @Test
    void aOneKernelChainReadsHalfTheStageWhereAStageStarts() {
        Network n = new CifarSkeleton(new TensorShape(3, 32, 32), 16, 5, 10, new CifarSkeleton.Chain(List.of(16), 3, Norm.END)).network("n");
        assertThat(groupSizes(n, 3)).containsExactly(16);
        assertThat(groupSizes(n, 4)).containsExactly(16);
        assertThat(groupSizes(n, 5)).containsExactly(32);
        assertThat(ShapeInference.resolve(n).root().out()).isEqualTo(new TensorShape(10, 1, 1));
    }

    @Test
    void badFieldsAreNamedWithTheirPath() {
        assertThatThrownBy(() -> read("{\"type\": \"cifar\", \"width\": 64, \"depth\": 9, \"block\": {\"type\": \"dwsep\"}}"))
                .isInstanceOf(InvalidDesignException.class)
                .hasMessage("skeleton.depth = 9 must be 2 more than a positive multiple of 3 (5, 8, ..., 20, ..., 38)");
    }
}
