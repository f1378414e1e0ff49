package org.igclab.analyzer.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.igclab.analyzer.onnx.TinyOnnx.integer;
import static org.igclab.analyzer.onnx.TinyOnnx.ints;
import static org.igclab.analyzer.onnx.TinyOnnx.real;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.model.InvalidDesignException;
import org.junit.jupiter.api.Test;

/** ONNX models written node by node as exporters write them, read into networks with PyTorch's counts. */
class OnnxImportTest {

    static OnnxImport.Imported imported(byte[] model) {
        return OnnxImport.parse(model, "tiny");
    }

    static NetworkCost cost(byte[] model) {
        return CostModel.of(imported(model).network());
    }

    /** The layer types of a list in the imported document, nested lists as their own lists. */
    static List<Object> types(JsonNode layers) {
        List<Object> types = new ArrayList<>();
        layers.forEach(l -> types.add(l.get("type").asText()));
        return types;
    }

    @Test
    void convolutionBatchNormPoolingAndGemmAreCountedAsPyTorchCountsThem() {
        TinyOnnx m = new TinyOnnx(3, 32, 32);
        String x = m.conv(m.input, 3, 16, 3, 1, 1, 1, true);
        x = m.node("Relu", List.of(m.bn(x, 16)));
        x = m.node("Dropout", List.of(m.node("GlobalAveragePool", List.of(x))));
        x = m.node("Flatten", List.of(x), integer("axis", 1));
        x = m.node("Gemm", List.of(x, m.weight(10, 16), m.weight(10)), integer("transB", 1));
        byte[] model = m.bytes(x);
        NetworkCost c = cost(model);
        // conv 16*3*9 + 16 bias, BN 2*16, Gemm 10*16 + 10
        assertThat(c.params().total()).isEqualTo(432 + 16 + 32 + 170);
        assertThat(c.macs()).isEqualTo(432L * 32 * 32 + 160);
        assertThat(c.lowerBound()).isFalse();
        assertThat(types(imported(model).document().get("layers"))).containsExactly("conv", "bn", "relu", "gap", "linear");
        assertThat(imported(model).network().input().toString()).isEqualTo("3x32x32");
    }

    @Test
    void torchsChunkAndChannelShuffleBecomeASplitAndAShuffle() {
        TinyOnnx m = new TinyOnnx(8, 4, 4);
        // x.chunk(2, dim=1) as torch 1.13 writes it: the bounds computed from Shape(x)
        String channels = m.node("Gather", List.of(m.node("Shape", List.of(m.input)), m.ints(1)), integer("axis", 0));
        String half = m.node("Div", List.of(m.node("Add", List.of(channels, m.ints(1))), m.ints(2)));
        String end1 = m.node("Mul", List.of(half, m.ints(1)));
        String end2 = m.node("Mul", List.of(half, m.ints(2)));
        String x1 = m.node("Slice", List.of(m.input, m.ints(0), end1, m.ints(1)));
        String x2 = m.node("Slice", List.of(m.input, end1, end2, m.ints(1)));
        String branch = m.node("Relu", List.of(m.bn(m.conv(x2, 4, 4, 1, 1, 0, 1, false), 4)));
        String joined = m.node("Concat", List.of(x1, branch), integer("axis", 1));
        String viewed = m.node("Reshape", List.of(joined, m.ints(1, 2, 4, 4, 4)));
        String swapped = m.node("Transpose", List.of(viewed), ints("perm", 0, 2, 1, 3, 4));
        String out = m.node("Reshape", List.of(swapped, m.ints(1, -1, 4, 4)));
        OnnxImport.Imported i = imported(m.bytes(out));
        JsonNode layers = i.document().get("layers");
        assertThat(types(layers)).containsExactly("split", "shuffle");
        assertThat(layers.get(0).get("sizes").toString()).isEqualTo("[4,4]");
        assertThat(types(layers.get(0).get("branches").get(0))).containsExactly("identity");
        assertThat(types(layers.get(0).get("branches").get(1))).containsExactly("conv", "bn", "relu");
        assertThat(layers.get(1).get("groups").asInt()).isEqualTo(2);
        NetworkCost c = CostModel.of(i.network());
        assertThat(c.params().total()).isEqualTo(16 + 8);
        assertThat(c.macs()).isEqualTo(16L * 16);
    }

    @Test
    void squeezeExcitationHardSwishAndReluSixAreRecognised() {
        TinyOnnx m = new TinyOnnx(8, 4, 4).opset(11);
        String x = m.node("Clip", List.of(m.input, m.scalar(0), m.scalar(6)));
        // x * hardsigmoid(x): hardswish before opset 14
        String gate = m.node("HardSigmoid", List.of(x), real("alpha", 1f / 6), real("beta", 0.5f));
        String y = m.node("Mul", List.of(x, gate));
        String s = m.node("GlobalAveragePool", List.of(y));
        s = m.node("Relu", List.of(m.conv(s, 8, 2, 1, 1, 0, 1, true)));
        s = m.node("HardSigmoid", List.of(m.conv(s, 2, 8, 1, 1, 0, 1, true)), real("alpha", 1f / 6), real("beta", 0.5f));
        String out = m.node("Mul", List.of(s, y));
        OnnxImport.Imported i = imported(m.bytes(out));
        JsonNode layers = i.document().get("layers");
        assertThat(types(layers)).containsExactly("relu6", "hardswish", "mul");
        assertThat(layers.get(2).has("other")).isFalse();
        assertThat(types(layers.get(2).get("body"))).containsExactly("gap", "conv", "relu", "conv", "hardsigmoid");
        NetworkCost c = CostModel.of(i.network());
        assertThat(c.params().total()).isEqualTo(16 + 2 + 16 + 8);
        assertThat(c.macs()).isEqualTo(32);
        assertThat(i.network().input().toString()).isEqualTo(CostModel.of(i.network()).network().output().toString());
    }

    @Test
    void unknownOperatorsAreNamedWithTheirCountsAndMakeTheTotalsLowerBounds() {
        TinyOnnx m = new TinyOnnx(4, 4, 4);
        String a = m.node("LeakyRelu", List.of(m.input));
        String b = m.conv(a, 4, 4, 3, 1, 1, 1, false);
        // a 1x7 kernel: no square convolution describes it
        String wide = m.node("Conv", List.of(b, m.weight(4, 4, 1, 7)), ints("kernel_shape", 1, 7), ints("pads", 0, 3, 0, 3));
        String out = m.node("Einsum", List.of(a, wide));
        NetworkCost c = cost(m.bytes(out));
        assertThat(c.unknown()).isEqualTo(Map.of("Conv", 1, "Einsum", 1, "LeakyRelu", 1));
        assertThat(c.lowerBound()).isTrue();
        assertThat(c.unknownSummary()).isEqualTo("Conv x1, Einsum x1, LeakyRelu x1");
        // what is known is counted: the 3x3 convolution
        assertThat(c.params().total()).isEqualTo(144);
    }

    @Test
    void aPermutationGatheredAlongChannelsIsAPermute() {
        TinyOnnx m = new TinyOnnx(4, 2, 2);
        String out = m.node("Gather", List.of(m.input, m.ints(2, 0, 3, 1)), integer("axis", 1));
        JsonNode layers = imported(m.bytes(out)).document().get("layers");
        assertThat(types(layers)).containsExactly("permute");
        assertThat(layers.get(0).get("map").toString()).isEqualTo("[2,0,3,1]");
    }

    @Test
    void theDocumentReadsBackAsTheSameNetwork() {
        TinyOnnx m = new TinyOnnx(8, 8, 8);
        String body = m.bn(m.conv(m.node("Relu", List.of(m.bn(m.conv(m.input, 8, 8, 3, 1, 1, 8, false), 8))), 8, 8, 1, 1, 0, 1, false), 8);
        String out = m.node("Add", List.of(m.input, body));
        OnnxImport.Imported i = imported(m.bytes(out));
        assertThat(types(i.document().get("layers"))).containsExactly("residual");
        assertThat(i.document().get("layers").get(0).has("shortcut")).isFalse();
        var again = NetworkJson.parse(JsonFields.pretty(i.document()));
        assertThat(again).isEqualTo(i.network());
    }

    /** The canonical JSON keeps the node names (export writes it), nested ones too; the design's identity leaves them out. */
    @Test
    void theNodeNamesOutliveWritingAndReadingTheNetworkButDoNotMakeItAnotherDesign() {
        TinyOnnx m = new TinyOnnx(8, 8, 8);
        String body = m.bn(m.conv(m.node("Relu", List.of(m.input)), 8, 8, 1, 1, 0, 1, false), 8);
        var n = imported(m.bytes(m.node("Add", List.of(m.input, body)))).network();
        assertThat(n.label("layers[0].body[0]")).startsWith("Relu_");
        assertThat(n.labels()).hasSizeGreaterThanOrEqualTo(3);

        String written = NetworkJson.write(n);
        assertThat(JsonFields.parse(written).node().at("/layers/0/body/0/name").asText()).isEqualTo(n.label("layers[0].body[0]"));
        var back = NetworkJson.parse(written);
        assertThat(back.labels()).isEqualTo(n.labels());
        assertThat(back).isEqualTo(n);
        assertThat(DesignFiles.write(new Design.NetworkDesign(back))).isEqualTo(written);

        var identity = DesignIdentity.of(new Design.NetworkDesign(n));
        assertThat(identity.canonicalJson()).doesNotContain("Relu_").isEqualTo(NetworkJson.write(n.unlabelled()));
        assertThat(identity.hash()).isEqualTo(DesignIdentity.of(
                new Design.NetworkDesign(n.unlabelled())).hash());
    }

    @Test
    void eachNodesOwnNameLabelsItsLayerAndIgcCostShowsItBesideThePath() {
        TinyOnnx m = new TinyOnnx(3, 8, 8);
        String x = m.node("Relu", List.of(m.conv(m.input, 3, 4, 3, 1, 1, 1, false)));
        OnnxImport.Imported i = imported(m.bytes(x));
        JsonNode layers = i.document().get("layers");
        String conv = layers.get(0).get("name").asText();
        assertThat(conv).startsWith("Conv_");
        assertThat(i.network().label("layers[0]")).isEqualTo(conv);
        assertThat(i.network().label("layers[1]")).isEqualTo(layers.get(1).get("name").asText()).startsWith("Relu_");
        assertThat(i.network().label("layers[2]")).isEmpty();
        String table = org.igclab.analyzer.report.NetworkCostView.text(CostModel.of(i.network()), true, false);
        assertThat(table).containsPattern("layer\\s+node\\s+op").containsPattern("layers\\[0\\]\\s+" + conv + "\\s+conv 3x3");
        // a network written by hand has no node column
        assertThat(org.igclab.analyzer.report.NetworkCostView.text(CostModel.of(NetworkJson.parse(JsonFields.pretty(
                ((com.fasterxml.jackson.databind.node.ObjectNode) i.document().deepCopy()).set("layers", JsonFields.MAPPER.createArrayNode()
                        .add(JsonFields.MAPPER.createObjectNode().put("type", "relu")))))), false, false)).doesNotContainPattern("layer\\s+node");
    }

    @Test
    void aNodeWithoutANameHasNoLabelRatherThanItsIndex() {
        assertThat(OnnxReader.nodeName("Conv /layers.3/Conv")).isEqualTo("/layers.3/Conv");
        assertThat(OnnxReader.nodeName("Relu #12")).isEmpty();
        assertThat(OnnxReader.nodeName("Relu #first")).isEqualTo("#first");
    }

    @Test
    void badModelsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> imported("not a model".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDesignException.class).hasMessageStartingWith("is not an ONNX model");
        TinyOnnx old = new TinyOnnx(3, 8, 8).opset(9);
        String relu = old.node("Relu", List.of(old.input));
        assertThatThrownBy(() -> imported(old.bytes(relu)))
                .hasMessage("opset = 9 is not supported: IGC Lab reads opsets 11 to 17 (export again with opset_version=11)");
        TinyOnnx symbolic = TinyOnnx.symbolicHeight();
        String r = symbolic.node("Relu", List.of(symbolic.input));
        assertThatThrownBy(() -> imported(symbolic.bytes(r)))
                .hasMessage("input x: has its height symbolic (\"height\"); give the input's size as NxCxHxW (igc: --input-shape, e.g. "
                        + "--input-shape 1x3x224x224)");
        TinyOnnx mismatch = new TinyOnnx(3, 8, 8);
        String conv = mismatch.node("Conv", List.of(mismatch.input, mismatch.weight(8, 2, 3, 3)), ints("pads", 1, 1, 1, 1), integer("group", 2));
        assertThatThrownBy(() -> imported(mismatch.bytes(conv))).hasMessageStartingWith("node Conv Conv_")
                .hasMessageEndingWith("groups = 2 does not divide 3 input channels");
    }

    @Test
    void aValueTwoJoinsReadIsRefusedRatherThanCountedTwice() {
        TinyOnnx m = new TinyOnnx(4, 4, 4);
        String a = m.node("Relu", List.of(m.input));
        String b = m.node("Sigmoid", List.of(m.input));
        String c = m.node("Add", List.of(a, b));
        String d = m.node("Add", List.of(c, a));
        assertThatThrownBy(() -> imported(m.bytes(d))).hasMessageStartingWith("node Relu Relu_")
                .hasMessageContaining("the graph is not series-parallel");
    }
}
