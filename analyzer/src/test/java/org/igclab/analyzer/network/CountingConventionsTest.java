package org.igclab.analyzer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.LayerCost;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.model.InvalidDesignException;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;

/** The counting conventions on small cases computed by hand. */
class CountingConventionsTest {

    @Test
    void convolutionMacsAreCoutHoutWoutTimesCinOverGTimesKernelArea() {
        // 3x3, stride 2, padding 1, 2 groups, 8 -> 16 channels on 10x12, with a bias
        Op.Conv conv = new Op.Conv(16, 3, 2, 1, 2, true);
        TensorShape in = new TensorShape(8, 10, 12);
        TensorShape out = conv.outShape(in);
        // (10 + 2 - 3) / 2 + 1 = 5, (12 + 2 - 3) / 2 + 1 = 6
        assertThat(out).isEqualTo(new TensorShape(16, 5, 6));
        // weights 16 * (8 / 2) * 9 = 576; the bias (16) is counted apart
        assertThat(conv.params(in)).isEqualTo(new ParamCount(576, 16, 0));
        assertThat(conv.params(in).total()).isEqualTo(592);
        // MACs 16 * 5 * 6 * 4 * 9 = 17,280: the bias adds none
        assertThat(conv.macs(in, out)).isEqualTo(17_280);
    }

    @Test
    void denseDepthwiseAndUnpaddedConvolutions() {
        // 1x1 dense 3 -> 5 on 4x4: 15 weights, 15 * 16 = 240 MACs
        Op.Conv pointwise = new Op.Conv(5, 1, 1, 0, 1, false);
        TensorShape small = new TensorShape(3, 4, 4);
        assertThat(pointwise.params(small)).isEqualTo(new ParamCount(15, 0, 0));
        assertThat(pointwise.macs(small, pointwise.outShape(small))).isEqualTo(240);

        // channel-wise 3x3 on 8x6x6, same padding: 8 * 1 * 9 = 72 weights, 72 * 36 = 2,592 MACs
        Op.Conv dw = Op.Conv.same(8, 3, 1, 8);
        TensorShape in = new TensorShape(8, 6, 6);
        assertThat(dw.outShape(in)).isEqualTo(in);
        assertThat(dw.params(in).weights()).isEqualTo(72);
        assertThat(dw.macs(in, dw.outShape(in))).isEqualTo(2_592);

        // 5x5 without padding on 7x7: 3x3 out; 2 -> 4 dense: 4 * 2 * 25 = 200 weights, 200 * 9 = 1,800 MACs
        Op.Conv valid = new Op.Conv(4, 5, 1, 0, 1, false);
        TensorShape seven = new TensorShape(2, 7, 7);
        assertThat(valid.outShape(seven)).isEqualTo(new TensorShape(4, 3, 3));
        assertThat(valid.macs(seven, valid.outShape(seven))).isEqualTo(1_800);

        // an even kernel pads by k / 2 = 1: a 2x2 on 5x5 gives (5 + 2 - 2) + 1 = 6x6
        assertThat(Op.Conv.same(1, 2, 1, 1).outShape(new TensorShape(1, 5, 5))).isEqualTo(new TensorShape(1, 6, 6));
    }

    @Test
    void linearIsInTimesOutOnTheFlattenedInput() {
        Op.Linear fc = new Op.Linear(10, true);
        TensorShape in = new TensorShape(4, 2, 2); // 16 features
        assertThat(fc.outShape(in)).isEqualTo(new TensorShape(10, 1, 1));
        assertThat(fc.params(in)).isEqualTo(new ParamCount(160, 10, 0));
        assertThat(fc.macs(in, fc.outShape(in))).isEqualTo(160);
        assertThat(new Op.Linear(10, false).params(in)).isEqualTo(new ParamCount(160, 0, 0));
    }

    @Test
    void batchNormHasTwoParametersPerChannelAndNoMacs() {
        TensorShape in = new TensorShape(7, 3, 5);
        Op.BatchNorm bn = new Op.BatchNorm();
        assertThat(bn.outShape(in)).isEqualTo(in);
        assertThat(bn.params(in)).isEqualTo(new ParamCount(0, 0, 14));
        assertThat(bn.macs(in, in)).isZero();
    }

    @Test
    void activationsPoolsShufflesAndPermutationsCostNoMacsAndHaveNoParameters() {
        TensorShape in = new TensorShape(6, 9, 9);
        List<Op> free = List.of(new Op.Activation(Op.Activation.Kind.RELU), new Op.Activation(Op.Activation.Kind.RELU6),
                new Op.Pool(true, 3, 2, 1), new Op.Pool(false, 2, 2, 0), new Op.GlobalAvgPool(), new Op.Shuffle(3),
                new Op.Permute(Permutation.of(5, 4, 3, 2, 1, 0)));
        for (Op op : free) {
            TensorShape out = op.outShape(in);
            assertThat(op.params(in)).as(op.type().fileName()).isEqualTo(ParamCount.ZERO);
            assertThat(op.macs(in, out)).as(op.type().fileName()).isZero();
        }
        // pools: (9 + 2 - 3) / 2 + 1 = 5; (9 - 2) / 2 + 1 = 4; global: 1x1
        assertThat(new Op.Pool(true, 3, 2, 1).outShape(in)).isEqualTo(new TensorShape(6, 5, 5));
        assertThat(new Op.Pool(false, 2, 2, 0).outShape(in)).isEqualTo(new TensorShape(6, 4, 4));
        assertThat(new Op.GlobalAvgPool().outShape(in)).isEqualTo(new TensorShape(6, 1, 1));
    }

    @Test
    void networkTotalsSplitParametersAndFlopsAreTwiceMacs() {
        // 3x8x8 -> conv 3x3 to 4 with bias -> BN -> ReLU -> shuffle 2 -> GAP -> linear 4 -> 2
        Network n = new Network("tiny", new TensorShape(3, 8, 8), List.of(
                new LayerSpec.OpSpec("layers[0]", new Op.Conv(4, 3, 1, 1, 1, true)),
                new LayerSpec.OpSpec("layers[1]", new Op.BatchNorm()),
                new LayerSpec.OpSpec("layers[2]", new Op.Activation(Op.Activation.Kind.RELU)),
                new LayerSpec.OpSpec("layers[3]", new Op.Shuffle(2)),
                new LayerSpec.OpSpec("layers[4]", new Op.GlobalAvgPool()),
                new LayerSpec.OpSpec("layers[5]", new Op.Linear(2, true))));
        NetworkCost c = CostModel.of(n);
        // weights: conv 4 * 3 * 9 = 108, linear 4 * 2 = 8; bias 4 + 2; BN 2 * 4
        assertThat(c.params()).isEqualTo(new ParamCount(116, 6, 8));
        assertThat(c.params().total()).isEqualTo(130);
        // MACs: conv 108 * 64 = 6,912, linear 8
        assertThat(c.macs()).isEqualTo(6_920);
        assertThat(c.flops()).isEqualTo(13_840);
        for (LayerCost l : c.layers()) {
            assertThat(l.flops()).isEqualTo(2 * l.macs());
            assertThat(l.activations()).isEqualTo(l.out().elements());
            assertThat(l.traffic()).isEqualTo(l.in().elements() + l.out().elements() + l.params().total());
        }
        assertThat(c.layers()).extracting(LayerCost::macs).containsExactly(6_912L, 0L, 0L, 0L, 0L, 8L);
        assertThat(c.layers()).extracting(LayerCost::op)
                .containsExactly("conv 3x3 +bias", "bn", "relu", "shuffle g=2", "gap", "linear +bias");
        // the largest input + output of one operation: 256 + 256 for BN, ReLU and the shuffle (the conv reads only 192)
        assertThat(c.peakActivation()).isEqualTo(512);
    }

    @Test
    void residualAddsAndConcatenationsAreRowsWithoutMacs() {
        Network n = new Network("", new TensorShape(4, 5, 5), List.of(
                new LayerSpec.ResidualSpec("layers[0]", new LayerSpec.SequenceSpec("layers[0].body",
                        List.of(new LayerSpec.OpSpec("layers[0].body[0]", Op.Conv.same(4, 3, 1, 1)))), java.util.Optional.empty()),
                new LayerSpec.ConcatSpec("layers[1]", List.of(
                        new LayerSpec.SequenceSpec("layers[1].branches[0]", List.of(new LayerSpec.OpSpec("layers[1].branches[0][0]", new Op.BatchNorm()))),
                        new LayerSpec.SequenceSpec("layers[1].branches[1]", List.of(new LayerSpec.OpSpec("layers[1].branches[1][0]", Op.Conv.same(2, 1, 1, 1))))))));
        NetworkCost c = CostModel.of(n);
        assertThat(c.network().output()).isEqualTo(new TensorShape(6, 5, 5));
        assertThat(c.layers()).extracting(LayerCost::path).containsExactly("layers[0].body[0]", "layers[0].add",
                "layers[1].branches[0][0]", "layers[1].branches[1][0]", "layers[1].concat");
        LayerCost add = c.layers().get(1);
        assertThat(add.macs()).isZero();
        assertThat(add.traffic()).isEqualTo(3 * 100); // two inputs read, one output written
        assertThat(c.macs()).isEqualTo(4 * 4 * 9 * 25 + 2 * 4 * 25);
    }

    @Test
    void emptyShapesAreRejected() {
        assertThatThrownBy(() -> new TensorShape(0, 4, 4)).isInstanceOf(InvalidDesignException.class)
                .hasMessage("the shape 0x4x4 has an empty dimension");
    }
}
