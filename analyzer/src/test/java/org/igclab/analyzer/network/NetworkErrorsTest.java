package org.igclab.analyzer.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.rules.model.InvalidDesignException;
import org.junit.jupiter.api.Test;

/**
 * Invalid network files: the error names the field by its path in the file and says what is wrong, at parse time
 * or when shapes are inferred; networks too large to count are errors, never wrapped numbers.
 */
class NetworkErrorsTest {

    /** The error from reading, resolving and costing a network file. */
    static InvalidDesignException error(String json) {
        InvalidDesignException e = catchThrowableOfType(InvalidDesignException.class, () -> CostModel.of(NetworkJson.parse(json)));
        assertThat(e).as("an InvalidDesignException for %s", json).isNotNull();
        return e;
    }

    /** A network on a 16x8x8 input with these layers. */
    static String layers(String layers) {
        return "{\"input\": {\"channels\": 16, \"size\": 8}, \"layers\": [" + layers + "]}";
    }

    /** A network with a 3x3 stem to 64 channels on 3x32x32, then these stages. */
    static String stages(String stages) {
        return "{\"format\": \"igc-network/1\", \"input\": {\"channels\": 3, \"size\": 32},"
                + " \"stem\": [{\"type\": \"conv\", \"out\": 64}, {\"type\": \"bn\"}, {\"type\": \"relu\"}],"
                + " \"stages\": [" + stages + "], \"head\": [{\"type\": \"gap\"}, {\"type\": \"linear\", \"out\": 10}]}";
    }

    @Test
    void aConvolutionsGroupsMustDivideItsInputChannels() {
        InvalidDesignException e = error(stages("""
                {"blocks": [{"type": "conv", "out": 64}]},
                {"blocks": [{"type": "conv", "out": 80, "groups": 5}]}"""));
        assertThat(e).hasMessage("stages[1].blocks[0].groups = 5 does not divide 64 input channels");
        assertThat(e.path()).isEqualTo("stages[1].blocks[0].groups");
        // and its output channels, at parse time
        assertThat(error(layers("{\"type\": \"conv\", \"out\": 18, \"groups\": 4}")))
                .hasMessage("layers[0].groups = 4 does not divide 18 output channels");
    }

    @Test
    void templateFieldsAreCheckedAgainstTheirInput() {
        assertThat(error(stages("""
                {"blocks": [{"type": "conv-bn-relu", "out": 48}, {"type": "igcv1", "L": 5}]}""")))
                .hasMessage("stages[0].blocks[1].L = 5 does not divide 48 input channels");
        assertThat(error(stages("""
                {"blocks": [{"type": "igcv1", "L": 4, "out": 66}]}""")))
                .hasMessage("stages[0].blocks[0].L = 4 does not divide 66 output channels");
        assertThat(error(layers("{\"type\": \"igcv2\", \"groupSizes\": [1, 5]}")))
                .hasMessage("layers[0].groupSizes[1] = 5 does not divide 16 channels");
        assertThat(error(layers("{\"type\": \"igcv2\", \"K\": 8, \"L\": 4}")))
                .hasMessage("layers[0].K = 8 with L = 4 does not factor 16 channels (K^(L-2) = 64); give groupSizes instead");
        assertThat(error(layers("{\"type\": \"resnet-basic\", \"out\": 64, \"shortcutGroups\": 3}")))
                .hasMessage("layers[0].shortcutGroups = 3 does not divide 64 output channels");
        assertThat(error(layers("{\"type\": \"resnet-basic\", \"out\": 32, \"shortcutGroups\": 32, \"igcL\": 32}")))
                .hasMessage("layers[0].shortcutGroups = 32 does not divide 16 input channels");
        assertThat(error(layers("{\"type\": \"shufflenet\", \"out\": 16, \"stride\": 3}")))
                .hasMessage("layers[0].stride = 3 must be 1 or 2");
        assertThat(error(layers("{\"type\": \"shufflenet\", \"out\": 24, \"groups\": 2}")))
                .hasMessage("layers[0].out = 24 must equal the 16 input channels at stride 1");
        assertThat(error(layers("{\"type\": \"dwsep\", \"out\": 16, \"norm\": \"after\"}")))
                .hasMessage("layers[0].norm = \"after\" is not one of each, end, none");
        assertThat(error(layers("{\"type\": \"igcv2\", \"K\": 8, \"groupSizes\": [1, 16]}")))
                .hasMessage("layers[0]: give only one of \"groupSizes\", \"K\" (with \"L\") and \"chain\"");
        assertThat(error(layers("{\"type\": \"igcv2\", \"chain\": {\"channels\": 8, \"kernels\": [{\"groups\": 8}]}}")))
                .hasMessage("layers[0].chain: reads 8 channels but the block's input has 16");
    }

    /** ShuffleNet's first 1x1 uses {@code groups} unless {@code firstGroups} is given: the error names what the file says. */
    @Test
    void shuffleUnitNamesTheFieldTheFileGave() {
        assertThat(error(layers("{\"type\": \"shufflenet\", \"out\": 40, \"stride\": 2, \"groups\": 3, \"bottleneck\": 12}")))
                .hasMessage("layers[0].groups = 3 does not divide 16 input channels");
        assertThat(error(layers("{\"type\": \"shufflenet\", \"out\": 40, \"stride\": 2, \"groups\": 2, \"firstGroups\": 3, \"bottleneck\": 12}")))
                .hasMessage("layers[0].firstGroups = 3 does not divide 16 input channels");
    }

    @Test
    void errorsInsideCompositesCarryTheNestedPath() {
        assertThat(error(layers("""
                {"type": "residual", "body": [{"type": "bn"}, {"type": "conv", "out": 15, "groups": 3}]}""")))
                .hasMessage("layers[0].body[1].groups = 3 does not divide 16 input channels");
        assertThat(error(layers("""
                {"type": "concat", "branches": [[{"type": "bn"}], [{"type": "relu"}, {"type": "igcv1", "L": 3}]]}""")))
                .hasMessage("layers[0].branches[1][1].L = 3 does not divide 16 input channels");
        assertThat(error(layers("""
                {"type": "split", "sizes": [4, 12], "branches": [[{"type": "conv", "out": 6, "groups": 3}], [{"type": "bn"}]]}""")))
                .hasMessage("layers[0].branches[0][0].groups = 3 does not divide 4 input channels");
        assertThat(error(layers("{\"type\": \"sequence\", \"layers\": [{\"type\": \"bn\"}, {\"type\": \"shuffle\", \"groups\": 5}]}")))
                .hasMessage("layers[0].layers[1].groups = 5 does not divide 16 channels");
    }

    @Test
    void residualBodyAndShortcutMustMatch() {
        assertThat(error(layers("{\"type\": \"residual\", \"body\": [{\"type\": \"conv\", \"out\": 32}]}")))
                .hasMessage("layers[0]: the body gives 32x8x8 but the identity shortcut passes 16x8x8; they must match, or one be C x 1 x 1 "
                        + "with the same C, to be added");
        assertThat(error(layers("""
                {"type": "residual", "body": [{"type": "conv", "out": 32, "stride": 2}],
                 "shortcut": [{"type": "conv", "out": 32, "kernel": 1}]}""")))
                .hasMessage("layers[0]: the body gives 32x4x4 but the shortcut gives 32x8x8; they must match, or one be C x 1 x 1 "
                        + "with the same C, to be added");
        // a C x 1 x 1 factor is broadcast, as squeeze-and-excitation's scale is
        assertThat(error(layers("{\"type\": \"mul\", \"body\": [{\"type\": \"gap\"}, {\"type\": \"conv\", \"out\": 8, \"kernel\": 1}]}")))
                .hasMessage("layers[0]: the body gives 8x1x1 but the input is 16x8x8; they must match, or one be C x 1 x 1 with the same C, "
                        + "to be multiplied");
        assertThat(CostModel.of(NetworkJson.parse(layers("{\"type\": \"mul\", \"body\": [{\"type\": \"gap\"}, {\"type\": \"sigmoid\"}]}")))
                .network().output()).isEqualTo(new TensorShape(16, 8, 8));
    }

    @Test
    void concatenatedBranchesMustShareTheirSpatialSize() {
        assertThat(error(layers("""
                {"type": "concat", "branches": [[{"type": "bn"}], [{"type": "maxpool", "kernel": 2}]]}""")))
                .hasMessage("layers[0]: branch outputs 16x8x8 and 16x4x4 differ in height or width and cannot be concatenated");
        assertThat(error(layers("{\"type\": \"concat\", \"branches\": []}"))).hasMessage("layers[0]: has no branches");
    }

    @Test
    void splitSizesMustCoverTheInput() {
        assertThat(error(layers("""
                {"type": "split", "sizes": [4, 6], "branches": [[{"type": "bn"}], [{"type": "bn"}]]}""")))
                .hasMessage("layers[0].sizes: add up to 10 but the input has 16 channels");
        assertThat(error(layers("""
                {"type": "split", "sizes": [8, 8], "branches": [[{"type": "bn"}]]}""")))
                .hasMessage("layers[0].sizes: has 2 parts for 1 branches");
        assertThat(error(layers("""
                {"type": "split", "sizes": [16, 0], "branches": [[{"type": "bn"}], [{"type": "bn"}]]}""")))
                .hasMessage("layers[0].sizes[1] = 0 must be positive");
    }

    @Test
    void kernelsLargerThanTheirInput() {
        assertThat(error(layers("{\"type\": \"bn\"}, {\"type\": \"conv\", \"out\": 4, \"kernel\": 11, \"padding\": 1}")))
                .hasMessage("layers[1].kernel = 11 is larger than the padded input height 10");
        assertThat(error(layers("{\"type\": \"maxpool\", \"kernel\": 11, \"padding\": 1}")))
                .hasMessage("layers[0].kernel = 11 is larger than the padded input 10x10");
        assertThat(error(layers("{\"type\": \"avgpool\", \"kernel\": 3, \"padding\": 2}")))
                .hasMessage("layers[0].padding = 2 must be between 0 and half the kernel (1)");
    }

    @Test
    void unknownLayerTypesListTheKnownOnes() {
        assertThat(error(layers("{\"type\": \"bn\"}, {\"type\": \"convv\", \"out\": 4}")))
                .hasMessage("layers[1].type = \"convv\" is not a layer type (known: avgpool, bn, concat, conv, conv-bn-relu, dwsep, gap, "
                        + "hardsigmoid, hardswish, identity, igcv1, igcv2, linear, maxpool, mbv2, mbv3, mul, permute, relu, relu6, residual, "
                        + "resnet-basic, resnet-bottleneck, se, sequence, shuffle, shufflenet, sigmoid, split, unknown)");
        assertThat(error(layers("{\"out\": 4}"))).hasMessage("layers[0].type: is missing");
    }

    @Test
    void unknownFieldsAreErrorsNotDefaults() {
        assertThat(error(layers("{\"type\": \"conv\", \"out\": 4, \"strides\": 2}")))
                .hasMessage("layers[0].strides: is not a known field (expected one of: bias, dilation, groups, kernel, out, padding, stride, type)");
        assertThat(error(stages("{\"blocks\": [{\"type\": \"igcv1\", \"L\": 4, \"M\": 16}]}")))
                .hasMessage("stages[0].blocks[0].M: is not a known field (expected one of: L, kernel, norm, out, stride, type)");
        assertThat(error(stages("{\"title\": \"x\", \"blocks\": []}")))
                .hasMessage("stages[0].title: is not a known field (expected one of: blocks, name)");
        assertThat(error("{\"input\": {\"channels\": 3, \"size\": 8}, \"layer\": [{\"type\": \"bn\"}]}"))
                .hasMessage("layer: is not a known field (expected one of: description, format, head, input, layers, name, skeleton, stages, stem)");
        assertThat(error("{\"input\": {\"channels\": 3, \"side\": 8}, \"layers\": [{\"type\": \"bn\"}]}"))
                .hasMessage("input.side: is not a known field (expected one of: channels, height, size, width)");
    }

    @Test
    void fileLevelErrors() {
        assertThat(error("{\"format\": \"igc-network/2\", \"input\": {\"channels\": 3, \"size\": 8}, \"layers\": [{\"type\": \"bn\"}]}"))
                .hasMessage("format = \"igc-network/2\" is not supported (expected \"igc-network/1\")");
        assertThat(error("{\"input\": {\"channels\": 3, \"size\": 8}}"))
                .hasMessage("the network has no layers (give \"layers\", or \"stem\", \"stages\" and \"head\")");
        assertThat(error("{\"input\": {\"channels\": 3, \"size\": 8}, \"layers\": [{\"type\": \"bn\"}], \"stem\": [{\"type\": \"bn\"}]}"))
                .hasMessage("stem: cannot be given beside \"layers\"");
        assertThat(error("{\"input\": {\"channels\": 3, \"size\": 8, \"height\": 8}, \"layers\": [{\"type\": \"bn\"}]}"))
                .hasMessage("input.size: give either \"size\" or \"height\" and \"width\"");
        assertThat(error("{\"input\": {\"channels\": 0, \"size\": 8}, \"layers\": [{\"type\": \"bn\"}]}"))
                .hasMessage("input.channels = 0 must be positive");
        assertThat(error("{\"input\": {\"channels\": 3, \"size\": 8}, \"layers\": [{\"type\": \"conv\", \"out\": 4, \"padding\": -1}]}"))
                .hasMessage("layers[0].padding = -1 must not be negative");
        assertThat(error("{\"input\": {\"channels\": 3, \"size\": 8}, \"layers\": [{\"type\": \"linear\", \"out\": 1.5}]}"))
                .hasMessage("layers[0].out = 1.5 must be a whole number");
    }

    @Test
    void skeletonErrors() {
        String block = "\"block\": {\"type\": \"igcv1\", \"L\": 24}";
        assertThat(error("{\"skeleton\": {\"type\": \"cifar\", \"width\": 48, \"depth\": 37, " + block + "}}"))
                .hasMessage("skeleton.depth = 37 must be 2 more than a positive multiple of 3 (5, 8, ..., 20, ..., 38)");
        assertThat(error("{\"skeleton\": {\"type\": \"cifar\", \"width\": 48, \"depth\": 2, " + block + "}}"))
                .hasMessage("skeleton.depth = 2 must be 2 more than a positive multiple of 3 (5, 8, ..., 20, ..., 38)");
        assertThat(error("{\"skeleton\": {\"type\": \"cifar\", \"width\": 48, \"depth\": 38, \"block\": {\"type\": \"igcv1\", \"L\": 24, \"out\": 48}}}"))
                .hasMessage("skeleton.block.out: is set by the skeleton (widths C, 2C, 4C; stride 2 where a stage starts)");
        assertThat(error("{\"skeleton\": {\"type\": \"cifar\", \"width\": 48, \"depth\": 38, \"block\": {\"type\": \"igcv1\", \"L\": 24, \"stride\": 1}}}"))
                .hasMessage("skeleton.block.stride: is set by the skeleton (widths C, 2C, 4C; stride 2 where a stage starts)");
        assertThat(error("{\"skeleton\": {\"type\": \"cifar\", \"width\": 48, \"depth\": 38, \"block\": {\"type\": \"conv\"}}}"))
                .hasMessage("skeleton.block.type = \"conv\" is not a block template (known: conv-bn-relu, dwsep, igcv1, igcv2, mbv2, "
                        + "mbv3, resnet-basic, resnet-bottleneck, se, shufflenet)");
        assertThat(error("{\"skeleton\": {\"type\": \"imagenet\", \"width\": 48, \"depth\": 38, " + block + "}}"))
                .hasMessage("skeleton.type = \"imagenet\" is not a skeleton (known: cifar)");
        assertThat(error("{\"skeleton\": {\"type\": \"cifar\", \"width\": 48, \"depth\": 38, \"blocks\": 3, " + block + "}}"))
                .hasMessage("skeleton.blocks: is not a known field (expected one of: block, classes, depth, inputChannels, resolution, type, width)");
        assertThat(error("{\"input\": {\"channels\": 3, \"size\": 32}, \"skeleton\": {\"type\": \"cifar\", \"width\": 48, \"depth\": 38, " + block + "}}"))
                .hasMessage("input: cannot be given beside \"skeleton\", which generates it");
        assertThat(error("{\"skeleton\": {\"type\": \"cifar\", \"width\": 48, \"depth\": 38, \"block\": {\"type\": \"igcv1\", \"L\": 24, \"M\": 2}}}"))
                .hasMessage("skeleton.block.M: is not a known field (expected one of: L, kernel, norm, out, stride, type)");
        // a block that does not fit the widths is reported at the generated block
        assertThat(error("{\"skeleton\": {\"type\": \"cifar\", \"width\": 48, \"depth\": 38, \"block\": {\"type\": \"igcv1\", \"L\": 5}}}"))
                .hasMessage("stages[0].blocks[0].L = 5 does not divide 48 input channels");
    }

    /** MobileNetV2's residual needs the channel-wise kernel to keep the size: an even kernel is named, not the residual. */
    @Test
    void invertedResidualWithAnEvenKernel() {
        assertThat(error(layers("{\"type\": \"mbv2\", \"out\": 16, \"kernel\": 4}")))
                .hasMessage("layers[0].kernel = 4 is even: padded by 2, it grows the output by one and the residual cannot be added "
                        + "(use an odd kernel)");
        // without the residual an even kernel is fine: 8x8 -> (8 + 4 - 4) / 2 + 1 = 5
        assertThat(CostModel.of(NetworkJson.parse(layers("{\"type\": \"mbv2\", \"out\": 16, \"kernel\": 4, \"stride\": 2}")))
                .network().output()).isEqualTo(new TensorShape(16, 5, 5));
    }

    // ---- networks too large to count ---------------------------------------------------------------------------

    static void assertTooLarge(String json) {
        InvalidDesignException e = error(json);
        assertThat(e.getMessage()).contains("too large");
    }

    @Test
    void hugeInputsAndWidthsAreErrorsNotOverflows() {
        // 100000x100000 input, 3x3 conv to 100,000 channels then to 100,000 again: 9e10 weights * 1e10 positions
        assertTooLarge("""
                {"input": {"channels": 3, "size": 100000}, "layers": [
                  {"type": "conv", "out": 100000}, {"type": "conv", "out": 100000}]}""");
        // a width near Integer.MAX_VALUE: 2147483647^2 * 9 weights
        assertTooLarge("""
                {"input": {"channels": 1, "size": 1}, "layers": [
                  {"type": "conv", "out": 2147483647}, {"type": "conv", "out": 2147483647}]}""");
        // concatenating two branches of 2^31 - 1 channels
        assertThat(error("""
                {"input": {"channels": 1, "size": 1}, "layers": [
                  {"type": "concat", "branches": [[{"type": "conv", "out": 2147483647}], [{"type": "conv", "out": 2147483647}]]}]}"""))
                .hasMessage("layers[0]: concatenates 4294967294 channels, too many");
        // an expansion whose hidden width overflows int
        assertTooLarge("""
                {"input": {"channels": 1000000000, "size": 1}, "layers": [{"type": "mbv2", "out": 8, "expansion": 6}]}""");
        // a linear layer on 1e10 features to 1e9 outputs
        assertTooLarge("""
                {"input": {"channels": 1, "size": 100000}, "layers": [{"type": "linear", "out": 1000000000}]}""");
    }

    /** Each layer fits in 64 bits, only the sum does not: still an error, not an ArithmeticException. */
    @Test
    void totalsThatOverflowAreErrors() {
        // 20000 -> 30000 -> 20000 1x1 convolutions on 100000x100000: 6e18 MACs each, 1.2e19 together
        assertTooLarge("""
                {"input": {"channels": 20000, "size": 100000}, "layers": [
                  {"type": "conv", "out": 30000, "kernel": 1}, {"type": "conv", "out": 20000, "kernel": 1}]}""");
        // one such layer: its 6e18 MACs fit, its FLOPs (2 * MACs) do not
        assertTooLarge("""
                {"input": {"channels": 20000, "size": 100000}, "layers": [{"type": "conv", "out": 30000, "kernel": 1}]}""");
    }

    /** Padding so large that the output side passes {@code int}: an error about the size, not a wrapped shape. */
    @Test
    void paddingThatOverflowsTheOutputSide() {
        assertThat(error(layers("{\"type\": \"conv\", \"out\": 4, \"kernel\": 1, \"padding\": 1500000000}")))
                .hasMessage("layers[0].padding = 1500000000 makes the output height 3000000008, too large");
        assertThat(error("{\"input\": {\"channels\": 1, \"size\": 2000000000}, \"layers\": [{\"type\": \"conv\", \"out\": 1, \"kernel\": 1, "
                + "\"padding\": 1500000000}]}"))
                .hasMessage("layers[0].padding = 1500000000 makes the output height 5000000000, too large");
    }

    @Test
    void hugeSkeletonWidthsAreErrors() {
        assertThat(error("{\"skeleton\": {\"type\": \"cifar\", \"width\": 1000000000, \"depth\": 5, \"block\": {\"type\": \"dwsep\"}}}"))
                .hasMessage("skeleton.width = 1000000000 is too large: the last stage's 4 * width channels do not fit");
        assertThatThrownBy(() -> Skeletons.cifar("", new TensorShape(3, 32, 32), 1 << 30, 5, 10,
                org.igclab.rules.io.JsonFields.MAPPER.createObjectNode().put("type", "dwsep"), "block"))
                .isInstanceOf(InvalidDesignException.class);
    }

    /** The shape of an invalid op is reported at its path even when the network is built in code. */
    @Test
    void programmaticNetworksReportPathsToo() {
        Network n = new Network("", new TensorShape(6, 4, 4), List.of(
                new LayerSpec.OpSpec("stem[0]", new Op.BatchNorm()),
                new LayerSpec.ResidualSpec("stages[0].blocks[0]", new LayerSpec.SequenceSpec("stages[0].blocks[0].body",
                        List.of(new LayerSpec.OpSpec("stages[0].blocks[0].body[0]", new Op.Conv(8, 3, 1, 1, 4, false)))), Optional.empty())));
        assertThatThrownBy(() -> ShapeInference.resolve(n)).isInstanceOf(InvalidDesignException.class)
                .hasMessage("stages[0].blocks[0].body[0].groups = 4 does not divide 6 input channels");
        assertThatThrownBy(() -> ShapeInference.resolve(new Network("", new TensorShape(1, 1, 1), List.of())))
                .isInstanceOf(InvalidDesignException.class).hasMessage("layers: the network has no layers");
    }
}
