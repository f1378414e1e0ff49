package org.igclab.analyzer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.statistics.Statistics;
import org.igclab.analyzer.network.template.Igcv2Block;
import org.igclab.analyzer.network.template.Norm;
import org.igclab.analyzer.network.template.RandomBlocks;
import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/** The one expansion of a chain into operations, and where a chain block's chain sits among its operations. */
class ChainOpsTest {

    @Example
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

    @Example
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

    @Example
    void aChainAsANetworkHasOneLayerPerStep() {
        KernelChain chain = KernelChain.interleaved(16, 3, 1, 4, 4);
        Network n = ChainOps.network("c", chain, 8);
        assertThat(n.input()).isEqualTo(new TensorShape(16, 8, 8));
        assertThat(n.layers()).extracting(LayerSpec::path).containsExactly("layers[0]", "layers[1]", "layers[2]", "layers[3]");
    }

    @Example
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

    /**
     * What the dense execution and the planner rely on: a chain block's operations, BN and ReLU aside, are its chain's
     * expansion, and when nothing sits between the kernels they open the block.
     */
    @Property(tries = 300)
    void aChainBlockComputesItsChain(@ForAll("chainBlocks") RandomBlocks.Case c) {
        KernelChain chain = c.template().chain(c.in()).orElseThrow();
        Layer block = ShapeInference.resolve(new LayerSpec.BlockSpec("b", c.template()), c.in());
        List<Op> kernelsAndPermutations = block.ops().map(Layer.OpLayer::op)
                .filter(op -> op.type() != OpType.BATCH_NORM && op.type() != OpType.RELU).toList();
        List<ChainOps.Step> steps = ChainOps.expand(chain);
        assertThat(kernelsAndPermutations).isEqualTo(steps.stream().map(ChainOps.Step::op).toList());
        int prefix = ChainOps.prefixLength(block.children().get(0).children(), chain);
        assertThat(prefix).isIn(0, steps.size());
        Statistics.label("chain opens the block").collect(prefix > 0);
        Statistics.label("chain opens the block").coverage(k -> k.check(true).percentage(p -> p > 20));
    }

    @Provide
    Arbitrary<RandomBlocks.Case> chainBlocks() {
        return RandomBlocks.chainBlocks();
    }
}
