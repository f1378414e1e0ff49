package org.igclab.analyzer.network.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.chain.ShapeNames;
import org.igclab.analyzer.network.Layer;
import org.igclab.analyzer.network.LayerSpec;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.junit.jupiter.api.Test;

/** Template expansions have the structure of the published blocks. */
class TemplateStructureTest {

    static Layer resolve(BlockTemplate t, TensorShape in) {
        return ShapeInference.resolve(new LayerSpec.BlockSpec("b", t), in);
    }

    static List<Layer> all(Layer layer) {
        List<Layer> out = new ArrayList<>(List.of(layer));
        layer.children().forEach(c -> out.addAll(all(c)));
        return out;
    }

    static List<Layer.OpLayer> ops(Layer layer) {
        return all(layer).stream().filter(Layer.OpLayer.class::isInstance).map(Layer.OpLayer.class::cast).toList();
    }

    /** The op names under the block path, e.g. {@code dw_bn}. */
    static List<String> names(Layer layer) {
        return ops(layer).stream().map(o -> o.path().substring(o.path().lastIndexOf('.') + 1)).toList();
    }

    static Optional<Layer.ResidualLayer> residual(Layer layer) {
        return all(layer).stream().filter(Layer.ResidualLayer.class::isInstance).map(Layer.ResidualLayer.class::cast).findFirst();
    }

    static long params(BlockTemplate t, TensorShape in) {
        NetworkCost c = CostModel.of(new org.igclab.analyzer.network.Network("", in, List.of(new LayerSpec.BlockSpec("layers[0]", t))));
        return c.params().total();
    }

    // ---- MobileNetV2 -------------------------------------------------------------------------------------------

    @Test
    void invertedResidualWithoutExpansionHasNoExpansionConvolution() {
        Layer b = resolve(new InvertedResidualBlock(16, 1, 1, 3), new TensorShape(16, 8, 8));
        assertThat(names(b)).containsExactly("dw", "dw_bn", "dw_relu6", "project", "project_bn");
        Layer expanded = resolve(new InvertedResidualBlock(16, 6, 1, 3), new TensorShape(16, 8, 8));
        assertThat(names(expanded)).containsExactly("expand", "expand_bn", "expand_relu6", "dw", "dw_bn", "dw_relu6", "project", "project_bn");
        assertThat(ops(expanded).get(0).op()).isEqualTo(new Op.Conv(96, 1, 1, 0, 1, false));
        assertThat(ops(expanded).get(3).op()).isEqualTo(new Op.Conv(96, 3, 1, 1, 96, false));
    }

    @Test
    void invertedResidualAddsTheInputOnlyAtStrideOneAndTheSameWidth() {
        TensorShape in = new TensorShape(24, 14, 14);
        assertThat(residual(resolve(new InvertedResidualBlock(24, 6, 1, 3), in))).hasValueSatisfying(r -> assertThat(r.shortcut()).isEmpty());
        assertThat(residual(resolve(new InvertedResidualBlock(24, 6, 2, 3), in))).isEmpty();
        assertThat(residual(resolve(new InvertedResidualBlock(32, 6, 1, 3), in))).isEmpty();
        assertThat(residual(resolve(new InvertedResidualBlock(24, 1, 1, 5), in))).isPresent();
        // torchvision's InvertedResidual(24, 24, stride 1, t = 6): 24*144 + 288 + 144*9 + 288 + 144*24 + 48 = 8,832
        assertThat(params(new InvertedResidualBlock(24, 6, 1, 3), new TensorShape(24, 56, 56))).isEqualTo(8_832);
    }

    // ---- ShuffleNet ----------------------------------------------------------------------------------------------

    @Test
    void shuffleUnitAtStrideTwoConcatenatesAnAveragePoolOfItsInput() {
        // ShuffleNet 1x (g = 3), the first unit of stage 2: 24 -> 240, bottleneck 60, first 1x1 ungrouped
        ShuffleUnitBlock t = new ShuffleUnitBlock(240, 3, 2, Optional.empty(), Optional.of(1));
        Layer b = resolve(t, new TensorShape(24, 56, 56));
        assertThat(b.out()).isEqualTo(new TensorShape(240, 28, 28));
        Layer.ConcatLayer concat = all(b).stream().filter(Layer.ConcatLayer.class::isInstance).map(Layer.ConcatLayer.class::cast)
                .findFirst().orElseThrow();
        assertThat(concat.branches()).hasSize(2);
        Layer pool = concat.branches().get(0);
        assertThat(((Layer.OpLayer) pool).op()).isEqualTo(new Op.Pool(false, 3, 2, 1));
        assertThat(pool.out()).isEqualTo(new TensorShape(24, 28, 28));
        Layer branch = concat.branches().get(1);
        assertThat(branch.out()).isEqualTo(new TensorShape(240 - 24, 28, 28));
        assertThat(concat.out().channels()).isEqualTo(pool.out().channels() + branch.out().channels());
        assertThat(names(branch)).containsExactly("gconv1", "bn1", "relu1", "shuffle", "dw", "bn2", "gconv2", "bn3");
        assertThat(ops(branch).get(3).op()).isEqualTo(new Op.Shuffle(3));
        assertThat(residual(b)).isEmpty();
        // the ReLU comes after the concatenation
        assertThat(names(b).get(names(b).size() - 1)).isEqualTo("relu");
        // 24*60 + 120 + 60*9 + 120 + 60*216/3 + 432 = 1,440 + 120 + 540 + 120 + 4,320 + 432 = 6,972
        assertThat(params(t, new TensorShape(24, 56, 56))).isEqualTo(6_972);
    }

    @Test
    void shuffleUnitAtStrideOneAddsItsInput() {
        Layer b = resolve(new ShuffleUnitBlock(240, 3, 1, Optional.empty(), Optional.empty()), new TensorShape(240, 28, 28));
        assertThat(b.out()).isEqualTo(new TensorShape(240, 28, 28));
        assertThat(residual(b)).hasValueSatisfying(r -> {
            assertThat(r.shortcut()).isEmpty();
            assertThat(r.body().out()).isEqualTo(new TensorShape(240, 28, 28));
        });
        assertThat(all(b)).noneMatch(Layer.ConcatLayer.class::isInstance);
    }

    // ---- ResNet --------------------------------------------------------------------------------------------------

    @Test
    void resnetProjectsOnlyWhenTheStrideOrWidthChanges() {
        TensorShape in = new TensorShape(64, 56, 56);
        assertThat(residual(resolve(new ResNetBasicBlock(64, 1, Optional.empty(), 1), in)).orElseThrow().shortcut()).isEmpty();
        assertThat(residual(resolve(new ResNetBasicBlock(64, 2, Optional.empty(), 1), in)).orElseThrow().shortcut()).isPresent();
        assertThat(residual(resolve(new ResNetBasicBlock(128, 1, Optional.empty(), 1), in)).orElseThrow().shortcut()).isPresent();
        Layer.ResidualLayer r = residual(resolve(new ResNetBasicBlock(128, 2, Optional.empty(), 4), in)).orElseThrow();
        assertThat(ops(r.shortcut().orElseThrow())).extracting(Layer.OpLayer::op)
                .containsExactly(new Op.Conv(128, 1, 2, 0, 4, false), new Op.BatchNorm());
        assertThat(r.out()).isEqualTo(new TensorShape(128, 28, 28));
        // torchvision BasicBlock(64, 128, stride 2) with its downsample: 73,728 + 147,456 + 8,192 + BN 3 * 256 = 230,144
        assertThat(params(new ResNetBasicBlock(128, 2, Optional.empty(), 1), in)).isEqualTo(230_144);
    }

    @Test
    void resnetWithIgcPairsShufflesAndShufflesBack() {
        Layer b = resolve(new ResNetBasicBlock(128, 1, Optional.of(4), 1), new TensorShape(128, 56, 56));
        assertThat(names(b)).containsExactly("conv1_primary", "conv1_shuffle", "conv1_secondary", "conv1_shuffle_back", "bn1", "relu1",
                "conv2_primary", "conv2_shuffle", "conv2_secondary", "conv2_shuffle_back", "bn2", "relu");
        List<Layer.OpLayer> ops = ops(b);
        assertThat(ops.get(0).op()).isEqualTo(new Op.Conv(128, 3, 1, 1, 4, false));
        assertThat(ops.get(1).op()).isEqualTo(new Op.Shuffle(4));
        assertThat(ops.get(2).op()).isEqualTo(new Op.Conv(128, 1, 1, 0, 32, false));
        assertThat(ops.get(3).op()).isEqualTo(new Op.Shuffle(32));
    }

    @Test
    void shortcutGroupsWithoutAProjectionAreRefused() {
        assertThatThrownBy(() -> resolve(new ResNetBasicBlock(128, 1, Optional.of(4), 4), new TensorShape(128, 56, 56)))
                .hasMessage("b.shortcutGroups = 4 sets the projection's groups, but this block has no projection (stride 1, 128 -> 128 "
                        + "channels: the shortcut is the identity); leave it out");
        assertThatThrownBy(() -> resolve(new ResNetBottleneckBlock(256, Optional.empty(), 1, 1, 2), new TensorShape(256, 8, 8)))
                .hasMessageContaining("b.shortcutGroups = 2 sets the projection's groups, but this block has no projection");
        // where there is one, it is the projection's
        Layer.ResidualLayer r = residual(resolve(new ResNetBottleneckBlock(256, Optional.empty(), 2, 1, 2), new TensorShape(128, 8, 8)))
                .orElseThrow();
        assertThat(ops(r.shortcut().orElseThrow())).extracting(Layer.OpLayer::op)
                .containsExactly(new Op.Conv(256, 1, 2, 0, 2, false), new Op.BatchNorm());
    }

    // ---- ResNet bottleneck, SE, MobileNetV3 -----------------------------------------------------------------------

    @Test
    void resnetBottleneckIsTorchvisionsWithTheStrideOnTheThreeByThree() {
        TensorShape in = new TensorShape(256, 56, 56);
        Layer b = resolve(new ResNetBottleneckBlock(512, Optional.empty(), 2, 1, 1), in);
        assertThat(names(b)).containsExactly("conv1", "bn1", "relu1", "conv2", "bn2", "relu2", "conv3", "bn3", "conv", "bn", "relu");
        List<Layer.OpLayer> ops = ops(b);
        assertThat(ops.get(0).op()).isEqualTo(new Op.Conv(128, 1, 1, 0, 1, false));
        assertThat(ops.get(3).op()).isEqualTo(new Op.Conv(128, 3, 2, 1, 1, false));
        assertThat(b.out()).isEqualTo(new TensorShape(512, 28, 28));
        // torchvision's layer2[0] of ResNet-50: 32,768 + 147,456 + 65,536 + downsample 131,072 + BN 2 * (128 + 128 + 512 + 512)
        assertThat(params(new ResNetBottleneckBlock(512, Optional.empty(), 2, 1, 1), in)).isEqualTo(379_392);
    }

    @Test
    void squeezeExcitationScalesTheInputByItsGate() {
        TensorShape in = new TensorShape(72, 28, 28);
        Layer b = resolve(SqueezeExcitationBlock.MOBILENET_V3, in);
        Layer.MulLayer mul = (Layer.MulLayer) b.children().get(0).children().get(0);
        assertThat(mul.other()).isEmpty();
        assertThat(ops(mul.body())).extracting(Layer.OpLayer::op).containsExactly(new Op.GlobalAvgPool(), new Op.Conv(24, 1, 1, 0, 1, true),
                new Op.Activation(Op.Activation.Kind.RELU), new Op.Conv(72, 1, 1, 0, 1, true), new Op.Activation(Op.Activation.Kind.HARDSIGMOID));
        assertThat(b.out()).isEqualTo(in);
        // torchvision's _make_divisible(72 // 4, 8) = 24, (120 // 4) -> 32, (960 // 4) -> 240
        assertThat(SqueezeExcitationBlock.MOBILENET_V3.squeezeChannels(120)).isEqualTo(32);
        assertThat(SqueezeExcitationBlock.MOBILENET_V3.squeezeChannels(960)).isEqualTo(240);
        assertThat(SqueezeExcitationBlock.makeDivisible(3, 8)).isEqualTo(8);
    }

    @Test
    void fractionalExpansionGivesTheHiddenWidthOrNamesTheField() {
        InvertedResidualBlock v3 = new InvertedResidualBlock(InvertedResidualBlock.TYPE, 80, new InvertedResidualBlock.Ratio(2.3), 1, 3,
                Op.Activation.Kind.HARDSWISH, Optional.empty());
        assertThat(v3.hiddenChannels(new TensorShape(80, 14, 14))).isEqualTo(184);
        assertThat(ops(resolve(v3, new TensorShape(80, 14, 14))).get(0).op()).isEqualTo(new Op.Conv(184, 1, 1, 0, 1, false));
        assertThatThrownBy(() -> v3.hiddenChannels(new TensorShape(81, 14, 14)))
                .hasMessageStartingWith("expansion = 2.3 on 81 input channels gives 186.3")
                .hasMessageEndingWith("hidden channels, not a whole number; give \"hidden\" instead");
    }

    @Test
    void mobileNetV3BlockHasItsSqueezeExcitationBetweenTheChannelWiseKernelAndTheProjection() {
        InvertedResidualBlock b = new InvertedResidualBlock(InvertedResidualBlock.V3, 40, new InvertedResidualBlock.Channels(72), 2, 5,
                Op.Activation.Kind.RELU, Optional.of(SqueezeExcitationBlock.MOBILENET_V3));
        Layer l = resolve(b, new TensorShape(24, 56, 56));
        assertThat(names(l)).containsExactly("expand", "expand_bn", "expand_relu", "dw", "dw_bn", "dw_relu", "pool", "fc1", "fc1_relu", "fc2",
                "hardsigmoid", "project", "project_bn");
        // torchvision's features[4] of MobileNetV3-Large: 1,728 + 144 + 1,800 + 144 + SE (1,728 + 24 + 1,728 + 72) + 2,880 + 80
        assertThat(params(b, new TensorShape(24, 56, 56))).isEqualTo(10_328);
        assertThat(b.label(new TensorShape(24, 56, 56))).isEqualTo("MobileNetV3 block 24->72->40 k5 SE /2");
    }

    // ---- IGCV1 ---------------------------------------------------------------------------------------------------

    @Test
    void igcv1ShufflesBackWithTheInverseOfItsFirstShuffle() {
        for (int l = 1; l <= 12; l++) {
            for (int m = 1; m <= 12; m++) {
                int c = l * m;
                assertThat(Permutation.shuffle(c, l).then(Permutation.shuffle(c, m)).isIdentity()).as("L=%d M=%d", l, m).isTrue();
                assertThat(Permutation.shuffle(c, m).then(Permutation.shuffle(c, l)).isIdentity()).isTrue();
            }
        }
        // and the block's own ops compose to the identity
        Layer b = resolve(new Igcv1Block(24, Optional.empty(), 3, 1, Norm.END), new TensorShape(48, 8, 8));
        assertThat(names(b)).containsExactly("primary", "shuffle", "secondary", "shuffle_back", "bn", "relu");
        List<Layer.OpLayer> ops = ops(b);
        Permutation first = ((Op.Shuffle) ops.get(1).op()).permutation(48);
        Permutation back = ((Op.Shuffle) ops.get(3).op()).permutation(48);
        assertThat(ops.get(1).op()).isEqualTo(new Op.Shuffle(24));
        assertThat(ops.get(3).op()).isEqualTo(new Op.Shuffle(2));
        assertThat(first.then(back).isIdentity()).isTrue();
        assertThat(back).isEqualTo(first.inverse());
        // the chain it reports is the same: final permutation = inverse of the first, strict
        KernelChain chain = new Igcv1Block(24, Optional.empty(), 3, 1, Norm.END).chain(new TensorShape(48, 8, 8)).orElseThrow();
        assertThat(chain.permutations()).containsExactly(first);
        assertThat(chain.finalPermutation()).contains(first.inverse());
        assertThat(ComplementaryCondition.check(chain).isStrict()).isTrue();
    }

    @Test
    void igcv1WidthChangeKeepsLAndScalesM() {
        Layer b = resolve(new Igcv1Block(24, Optional.of(96), 3, 2, Norm.EACH), new TensorShape(48, 32, 32));
        assertThat(b.out()).isEqualTo(new TensorShape(96, 16, 16));
        List<Layer.OpLayer> ops = ops(b);
        assertThat(ops.get(0).op()).isEqualTo(new Op.Conv(96, 3, 2, 1, 24, false));
        assertThat(names(b)).containsExactly("primary", "primary_bn", "primary_relu", "shuffle", "secondary", "shuffle_back", "bn", "relu");
        assertThat(ops.get(4).op()).isEqualTo(new Op.Conv(96, 1, 1, 0, 4, false)); // M = 96 / 24
    }

    // ---- IGCV2 ---------------------------------------------------------------------------------------------------

    /** The paper's rule (channel-wise, then K = 8 or any K, the last kernel taking the rest) gives a strict chain. */
    @Test
    void igcv2PaperRuleChainsAreStrictlyComplementary() {
        int checked = 0;
        for (int k = 2; k <= 8; k++) {
            for (int length = 2; length <= 4; length++) {
                int power = (int) Math.pow(k, length - 2);
                for (int r = 1; r <= 4; r++) {
                    int c = power * r;
                    KernelChain chain = new Igcv2Block(new Igcv2Block.PaperRule(k, Optional.of(length)), Optional.empty(), 3, 1, Norm.END)
                            .chain(new TensorShape(c, 8, 8)).orElseThrow();
                    assertThat(chain.length()).isEqualTo(length);
                    assertThat(chain.productOfGroupSizes()).isEqualTo(java.math.BigInteger.valueOf(c));
                    assertThat(ComplementaryCondition.check(chain).isStrict()).as("K=%d L=%d C=%d", k, length, c).isTrue();
                    checked++;
                }
            }
        }
        // L from the rule, ceil(log_8 C) + 1, where K^(L-2) divides C
        for (int c = 2; c <= 512; c++) {
            int length = ShapeNames.paperRuleLength(c);
            if (c % (int) Math.pow(8, length - 2) != 0) {
                continue;
            }
            KernelChain chain = new Igcv2Block(new Igcv2Block.PaperRule(8, Optional.empty()), Optional.empty(), 3, 1, Norm.END)
                    .chain(new TensorShape(c, 8, 8)).orElseThrow();
            assertThat(chain.length()).isEqualTo(length);
            assertThat(ComplementaryCondition.check(chain).isStrict()).as("C=%d", c).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
        // C = 64: K = (1, 8, 8); C = 512: (1, 8, 8, 8)
        assertThat(new Igcv2Block(new Igcv2Block.PaperRule(8, Optional.empty()), Optional.empty(), 3, 1, Norm.END)
                .chain(new TensorShape(512, 8, 8)).orElseThrow().groupSizes()).containsExactly(1, 8, 8, 8);
    }

    @Test
    void igcv2ChainsWhoseGroupSizesDoNotMultiplyToTheWidthAreNotStrict() {
        KernelChain loose = new Igcv2Block(new Igcv2Block.GroupSizes(List.of(1, 4, 4)), Optional.empty(), 3, 1, Norm.END)
                .chain(new TensorShape(32, 8, 8)).orElseThrow();
        assertThat(ComplementaryCondition.check(loose).isStrict()).isFalse();
    }

    @Test
    void igcv2ExpandsIntoItsKernelsAndShuffles() {
        Layer b = resolve(new Igcv2Block(new Igcv2Block.GroupSizes(List.of(1, 8, 8)), Optional.empty(), 3, 1, Norm.END), new TensorShape(64, 8, 8));
        assertThat(names(b)).containsExactly("W1", "W2", "P2", "W3", "bn", "relu"); // P1 after a channel-wise kernel is the identity
        List<Layer.OpLayer> ops = ops(b);
        assertThat(ops.get(0).op()).isEqualTo(new Op.Conv(64, 3, 1, 1, 64, false));
        assertThat(ops.get(1).op()).isEqualTo(new Op.Conv(64, 1, 1, 0, 8, false));
        assertThat(ops.get(2).op()).isEqualTo(new Op.Shuffle(8));
        assertThat(ops.get(3).op()).isEqualTo(new Op.Conv(64, 1, 1, 0, 8, false));
    }

    @Test
    void depthwiseSeparableIsChannelWiseThenDense() {
        KernelChain chain = new DepthwiseSeparableBlock(64, 3, 1, Norm.EACH).chain(new TensorShape(64, 8, 8)).orElseThrow();
        assertThat(chain.groupSizes()).containsExactly(1, 64);
        assertThat(ComplementaryCondition.check(chain).isStrict()).isTrue();
        Layer b = resolve(new DepthwiseSeparableBlock(128, 3, 2, Norm.EACH), new TensorShape(64, 8, 8));
        assertThat(names(b)).containsExactly("dw", "dw_bn", "dw_relu", "pw", "pw_bn", "pw_relu");
        assertThat(b.out()).isEqualTo(new TensorShape(128, 4, 4));
        assertThat(names(resolve(new DepthwiseSeparableBlock(128, 3, 2, Norm.END), new TensorShape(64, 8, 8))))
                .containsExactly("dw", "pw", "pw_bn", "pw_relu");
        assertThat(names(resolve(new DepthwiseSeparableBlock(128, 3, 2, Norm.NONE), new TensorShape(64, 8, 8))))
                .containsExactly("dw", "pw");
    }
}
