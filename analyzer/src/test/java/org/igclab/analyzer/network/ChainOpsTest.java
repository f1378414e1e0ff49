package org.igclab.analyzer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.template.Igcv2Block;
import org.igclab.analyzer.network.template.Norm;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;

/** The one expansion of a chain into operations, and where a chain block's chain sits among its operations. */
class ChainOpsTest {

    @Test
    void kernelsAreBiasFreeSamePaddedConvolutionsAndIdentitiesAreLeftOut() {
        // K = (1, 4, 4) on 16: the permutation after the channel-wise kernel is the identity, the next a shuffle
        KernelChain chain = KernelChain.interleaved(16, 3, 1, 4, 4);
        List<ChainOps.Step> steps = ChainOps.expand(chain);
        assertThat(steps).extracting(ChainOps.Step::name).containsExactly("W1", "W2", "P2", "W3");
        assertThat(steps).extracting(ChainOps.Step::op).containsExactly(new Op.Conv(16, 3, 1, 1, 16, false),
                new Op.Conv(16, 1, 1, 0, 4, false), new Op.Shuffle(4), new Op.Conv(16, 1, 1, 0, 4, false));
        assertThat(steps.get(2).role()).isEqualTo(ChainOps.Role.PERMUTATION);
        assertThat(steps.get(2).index()).isEqualTo(1);
    }

    @Test
    void permutationsThatAreNoShuffleAreWrittenOutAndTheFinalOneFollowsTheLastKernel() {
        Permutation odd = Permutation.of(1, 0, 2, 3);
        Permutation reversed = Permutation.of(3, 2, 1, 0);
        KernelChain chain = new KernelChain(List.of(GroupConv.of(4, 2, 1), new GroupConv(4, 4, 2, 3, 2)), List.of(odd),
                Optional.of(reversed));
        assertThat(chain.permutationAfter(0)).contains(odd);
        assertThat(chain.permutationAfter(1)).contains(reversed);
        assertThatThrownBy(() -> chain.permutationAfter(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(ChainOps.expand(chain)).extracting(ChainOps.Step::op).containsExactly(new Op.Conv(4, 1, 1, 0, 2, false),
                new Op.Permute(odd), new Op.Conv(4, 3, 2, 1, 2, false), new Op.Permute(reversed));
        assertThat(ChainOps.multipliedOut(chain)).isEqualTo(new Op.Conv(4, 1, 1, 0, 1, false));
    }

    @Test
    void aChainAsANetworkHasOneLayerPerStep() {
        KernelChain chain = KernelChain.interleaved(16, 3, 1, 4, 4);
        Network n = ChainOps.network("c", chain, 8);
        assertThat(n.input()).isEqualTo(new TensorShape(16, 8, 8));
        assertThat(n.layers()).extracting(LayerSpec::path).containsExactly("layers[0]", "layers[1]", "layers[2]", "layers[3]");
    }

    @Test
    void aChainBlockBeginsWithItsChainUnlessEveryKernelIsNormalised() {
        TensorShape in = new TensorShape(16, 8, 8);
        for (Norm norm : Norm.values()) {
            Igcv2Block block = new Igcv2Block(new Igcv2Block.GroupSizes(List.of(1, 4, 4)), Optional.empty(), 3, 1, norm);
            Layer resolved = ShapeInference.resolve(new LayerSpec.BlockSpec("b", block), in);
            Layer body = resolved.children().get(0);
            int expected = norm == Norm.EACH ? 0 : 4;
            assertThat(ChainOps.prefixLength(body.children(), block.kernels(in))).as(norm.toString()).isEqualTo(expected);
        }
        // a composite is never taken for a step
        Layer residual = ShapeInference.resolve(NetworkJson.parse("""
                {"input": {"channels": 16, "size": 8}, "layers": [{"type": "residual", "body": [{"type": "conv", "out": 16}]}]}""")
                .layers().get(0), in);
        assertThat(ChainOps.prefixLength(List.of(residual), KernelChain.interleaved(16, 3, 16))).isZero();
    }
}
