package org.igclab.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.analyzer.onnx.OnnxImport;
import org.igclab.runtime.engine.DjlNetwork;
import org.igclab.runtime.engine.Instantiation;
import org.igclab.runtime.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample exported to ONNX, loaded in ONNX Runtime, computes what DJL computes. */
class OnnxExportTest {

    static Stream<Path> samples() throws IOException {
        return Samples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void onnxRuntimeAgreesWithDjl(Path sample) throws Exception {
        Design design = DesignFiles.read(sample);
        ResolvedNetwork network = Samples.network(design);
        try (Instantiation inst = Instantiation.of(network, 5)) {
            Samples.moveBatchNormStatistics(inst);
            byte[] bytes = OnnxExport.toBytes(inst, design.name());
            ModelProto model = ModelProto.parseFrom(bytes);
            assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(OnnxExport.OPSET);
            long groupedConvs = network.ops().stream().filter(o -> o.op() instanceof org.igclab.analyzer.network.Op.Conv c && c.groups() > 1).count();
            assertThat(model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Conv"))
                    .filter(OnnxExportTest::grouped).count()).isEqualTo(groupedConvs);
            // shapes and the design's figures for viewers; and igc import reads the model back to the same counts
            NetworkCost cost = CostModel.of(network);
            Map<String, String> metadata = model.getMetadataPropsList().stream()
                    .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
            assertThat(metadata).containsEntry("design", design.name()).containsEntry("parameters", Long.toString(cost.params().total()))
                    .containsEntry("macs", Long.toString(cost.macs())).containsKey("design_hash");
            assertThat(model.getGraph().getValueInfoList()).hasSizeGreaterThanOrEqualTo(network.ops().size() - 1).allSatisfy(v -> assertThat(
                    v.getType().getTensorType().getShape().getDimList().stream().skip(1).allMatch(d -> d.getDimValue() > 0)).isTrue());
            NetworkCost imported = CostModel.of(OnnxImport.parse(bytes, "exported").network());
            assertThat(imported.params()).isEqualTo(cost.params());
            assertThat(imported.macs()).isEqualTo(cost.macs());
            assertThat(imported.lowerBound()).isFalse();
            OnnxVerification.Comparison c = OnnxVerification.compare(inst, bytes, 2, 9);
            // 1e-4 absolute on outputs of unit scale; freshly initialised deep plain networks have logits in the hundreds,
            // where float32 rounding over 38 layers alone is about 1e-6 of the output, so the bound scales with them
            assertThat(c.maxAbsDifference()).as(sample + " max |DJL - ONNX Runtime| with outputs up to " + c.maxAbsOutput())
                    .isLessThan(1e-4 * Math.max(1, c.maxAbsOutput()));
        }
    }

    private static boolean grouped(NodeProto n) {
        return n.getAttributeList().stream().anyMatch(a -> a.getName().equals("group") && a.getI() > 1);
    }
}
