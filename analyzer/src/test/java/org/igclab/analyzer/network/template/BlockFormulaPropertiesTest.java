package org.igclab.analyzer.network.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ParamCount;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.BlockCost;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;

/**
 * Each template's closed-form formula, derived apart from its expansion, equals the sum of the parameters and MACs
 * of the primitive operations it expands into, on random valid parameters of every family.
 */
class BlockFormulaPropertiesTest {

    /** The parameters and MACs of a block's operations, summed here from {@link Op} alone. */
    record Summed(ParamCount params, long macs, TensorShape out) {
    }

    static Summed layerByLayer(BlockTemplate template, TensorShape in) {
        Layer block = ShapeInference.resolve(new LayerSpec.BlockSpec("b", template), in);
        ParamCount params = ParamCount.ZERO;
        long macs = 0;
        for (Layer.OpLayer op : block.ops().toList()) {
            params = params.plus(op.op().params(op.in()));
            macs = Math.addExact(macs, op.op().macs(op.in(), op.out()));
        }
        return new Summed(params, macs, block.out());
    }

    static void assertFormulaAgrees(BlockTemplate template, TensorShape in) {
        Summed summed = layerByLayer(template, in);
        BlockFormula formula = template.formula(in);
        assertThat(formula.params()).as("parameters of %s on %s", template, in).isEqualTo(summed.params());
        assertThat(formula.macs()).as("MACs of %s on %s", template, in).isEqualTo(summed.macs());
        // the cost model reports the same block, and says the two agree
        NetworkCost cost = CostModel.of(new Network("", in, List.of(new LayerSpec.BlockSpec("layers[0]", template))));
        BlockCost block = cost.blocks().get(0);
        assertThat(block.params()).isEqualTo(summed.params());
        assertThat(block.macs()).isEqualTo(summed.macs());
        assertThat(block.formulaAgrees()).isTrue();
        assertThat(cost.params()).isEqualTo(summed.params());
        assertThat(cost.macs()).isEqualTo(summed.macs());
    }

    @Property(tries = 150)
    void plainConvolution(@ForAll("plainConv") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        PlainConvBlock t = (PlainConvBlock) c.template();
        Statistics.label("kernel even").collect(t.kernel() % 2 == 0);
        Statistics.label("stride").collect(t.stride() > 1);
    }

    @Property(tries = 150)
    void depthwiseSeparable(@ForAll("dwsep") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        Statistics.label("width changes").collect(((DepthwiseSeparableBlock) c.template()).out() != c.in().channels());
    }

    @Property(tries = 150)
    void igcv1(@ForAll("igcv1") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        Igcv1Block t = (Igcv1Block) c.template();
        Statistics.label("width changes").collect(t.out().isPresent() && t.out().get() != c.in().channels());
        Statistics.label("stride").collect(t.stride() > 1);
    }

    @Property(tries = 150)
    void igcv2ByGroupSizes(@ForAll("igcv2GroupSizes") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        Igcv2Block t = (Igcv2Block) c.template();
        Statistics.label("length").collect(((Igcv2Block.GroupSizes) t.recipe()).sizes().size());
        Statistics.label("width changes").collect(t.kernels(c.in()).outChannels() != c.in().channels());
    }

    @Property(tries = 150)
    void igcv2ByThePaperRule(@ForAll("igcv2PaperRule") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        Igcv2Block t = (Igcv2Block) c.template();
        Statistics.label("L given").collect(((Igcv2Block.PaperRule) t.recipe()).length().isPresent());
        Statistics.label("norm").collect(t.norm());
    }

    @Property(tries = 150)
    void igcv2ByAWrittenChain(@ForAll("igcv2Written") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        Igcv2Block t = (Igcv2Block) c.template();
        Statistics.label("final permutation").collect(t.kernels(c.in()).finalPermutation().isPresent());
    }

    @Property(tries = 150)
    void resnetBasic(@ForAll("resnetBasic") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        ResNetBasicBlock t = (ResNetBasicBlock) c.template();
        Statistics.label("IGC pairs").collect(t.igcL().isPresent());
        Statistics.label("projection").collect(t.stride() != 1 || t.out() != c.in().channels());
    }

    @Property(tries = 150)
    void invertedResidual(@ForAll("mbv2") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        InvertedResidualBlock t = (InvertedResidualBlock) c.template();
        Statistics.label("no expansion").collect(t.hiddenChannels(c.in()) == c.in().channels());
        Statistics.label("SE").collect(t.se().isPresent());
        Statistics.label("residual").collect(t.stride() == 1 && t.out() == c.in().channels());
    }

    @Property(tries = 150)
    void resnetBottleneck(@ForAll("bottleneck") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        ResNetBottleneckBlock t = (ResNetBottleneckBlock) c.template();
        Statistics.label("projection").collect(t.stride() != 1 || t.out() != c.in().channels());
        Statistics.label("grouped").collect(t.groups() > 1);
    }

    @Property(tries = 100)
    void squeezeExcitation(@ForAll("se") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
    }

    @Property(tries = 150)
    void shuffleUnit(@ForAll("shufflenet") RandomBlocks.Case c) {
        assertFormulaAgrees(c.template(), c.in());
        ShuffleUnitBlock t = (ShuffleUnitBlock) c.template();
        Statistics.label("stride").collect(t.stride());
        Statistics.label("bottleneck given").collect(t.bottleneck().isPresent());
    }

    /** Even kernels pad by {@code k / 2} and so grow the output by one; formulas must follow the expansion. */
    @Example
    void evenKernelsCountTheSameBothWays() {
        TensorShape in = new TensorShape(8, 7, 9);
        assertFormulaAgrees(new InvertedResidualBlock(12, 6, 1, 2), in);
        assertFormulaAgrees(new InvertedResidualBlock(16, 1, 2, 4), in);
        assertFormulaAgrees(new PlainConvBlock(8, 2, 1, 1, "relu"), in);
        // blocks that are chains keep the spatial size, which needs an odd kernel
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Igcv1Block(4, Optional.empty(), 2, 1, Norm.END))
                .hasMessage("kernel = 2 must be odd: a chain keeps the spatial size with padding (side - 1) / 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new Igcv2Block(new Igcv2Block.GroupSizes(List.of(1, 8)), Optional.empty(), 4, 1, Norm.END))
                .hasMessageContaining("kernel = 4 must be odd");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DepthwiseSeparableBlock(8, 2, 1, Norm.EACH))
                .hasMessageContaining("kernel = 2 must be odd");
    }

    /**
     * Widths near the top of {@code int}: every count still fits in 64 bits, so the formula must give it exactly,
     * not wrap or give up on an intermediate product.
     */
    @Example
    void hugeWidthsWhoseCountsFit() {
        // ResNet basic with IGC pairs at 1.2e9 channels on 1x1: the 1x1 secondaries hold C^2 = 1.44e18 weights each
        int c = 1_200_000_000;
        assertFormulaAgrees(new ResNetBasicBlock(c, 1, Optional.of(c), 1), new TensorShape(c, 1, 1));
        // a channel-wise 3x3 over a million channels at 2000x2000: 3.6e13 MACs, though 9 * C * C * H * W overflows
        int million = 1_000_000;
        assertFormulaAgrees(new PlainConvBlock(million, 3, 1, million, "relu"), new TensorShape(million, 2000, 2000));
        assertFormulaAgrees(new Igcv1Block(million, Optional.empty(), 3, 1, Norm.END), new TensorShape(million, 2000, 2000));
    }

    @Provide
    Arbitrary<RandomBlocks.Case> plainConv() {
        return RandomBlocks.plainConv();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> dwsep() {
        return RandomBlocks.depthwiseSeparable();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> igcv1() {
        return RandomBlocks.igcv1();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> igcv2GroupSizes() {
        return RandomBlocks.igcv2GroupSizes();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> igcv2PaperRule() {
        return RandomBlocks.igcv2PaperRule();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> igcv2Written() {
        return RandomBlocks.igcv2Written();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> resnetBasic() {
        return RandomBlocks.resnetBasic();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> mbv2() {
        return RandomBlocks.invertedResidual();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> bottleneck() {
        return RandomBlocks.resnetBottleneck();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> se() {
        return RandomBlocks.squeezeExcitation();
    }

    @Provide
    Arbitrary<RandomBlocks.Case> shufflenet() {
        return RandomBlocks.shuffleUnit();
    }
}
