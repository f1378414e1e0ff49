package org.igclab.analyzer.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igclab.analyzer.onnx.TinyOnnx.ints;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.cli.CliRun;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code igc import}, {@code igc cost} and {@code igc check} on ONNX models, as a user runs them. */
class OnnxCommandsTest {
    @TempDir
    Path dir;

    static CliRun igc(String... args) {
        return CliRun.of(args);
    }

    /** An IGCV2-like block on 8 channels: channel-wise 3x3, BN, a channel shuffle, 1x1 with {@code groups} groups, BN, ReLU. */
    Path chainModel(String name, long secondGroups, boolean shuffle) throws Exception {
        TinyOnnx m = new TinyOnnx(8, 6, 6);
        String x = m.bn(m.conv(m.input, 8, 8, 3, 1, 1, 8, false), 8);
        if (shuffle) {
            String viewed = m.node("Reshape", List.of(x, m.ints(0, 2, 4, 6, 6)));
            x = m.node("Reshape", List.of(m.node("Transpose", List.of(viewed), ints("perm", 0, 2, 1, 3, 4)), m.ints(0, 8, 6, 6)));
        }
        x = m.node("Relu", List.of(m.bn(m.conv(x, 8, 8, 1, 1, 0, secondGroups, false), 8)));
        Path file = dir.resolve(name);
        Files.write(file, m.bytes(x));
        return file;
    }

    @Test
    void importWritesANetworkFileThatCostsTheSameAsTheModel() throws Exception {
        Path model = chainModel("block.onnx", 1, true);
        Path net = dir.resolve("block.json");
        CliRun imported = igc("import", model.toString(), "-o", net.toString());
        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(IgcCli.OK);
        // 8*9 + 8*8 weights, 2 * (8 + 8) BN; (72 + 64) MACs at each of 6x6 positions
        assertThat(imported.err()).contains("wrote " + net).contains("168 parameters, 4,896 MACs");
        JsonNode fromModel = JsonFields.MAPPER.readTree(igc("cost", model.toString(), "--json").out()).get("total");
        JsonNode fromFile = JsonFields.MAPPER.readTree(igc("cost", net.toString(), "--json").out()).get("total");
        assertThat(fromFile).isEqualTo(fromModel);
        assertThat(fromModel.get("params").asLong()).isEqualTo(168);
        // a second import does not replace the file without --force
        CliRun again = igc("import", model.toString(), "-o", net.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains(net.toString());
    }

    @Test
    void checkGivesEveryChainOfGroupConvolutionsItsVerdict() throws Exception {
        // channel-wise 3x3 then dense 1x1: the depthwise-separable chain, strict
        CliRun strict = igc("check", chainModel("dwsep.onnx", 1, false).toString());
        assertThat(strict.exitCode()).as(strict.out() + strict.err()).isEqualTo(IgcCli.OK);
        assertThat(strict.out()).contains("layers[0] .. layers[2]: C = 8, K = (1, 8), strict").contains("1 chain: 1 strict, 0 dense, 0 neither");
        // two kernels of 4 channels per group without the shuffle between them: no path from half of the inputs
        Path model = dir.resolve("grouped.onnx");
        TinyOnnx m = new TinyOnnx(8, 6, 6);
        String x = m.conv(m.conv(m.input, 8, 8, 3, 1, 1, 2, false), 8, 8, 1, 1, 0, 2, false);
        Files.write(model, m.bytes(x));
        CliRun neither = igc("check", model.toString());
        assertThat(neither.exitCode()).isEqualTo(IgcCli.NO);
        assertThat(neither.out()).contains("C = 8, K = (4, 4), neither");
        CliRun json = igc("check", model.toString(), "--json");
        assertThat(JsonFields.MAPPER.readTree(json.out()).get("chains").get(0).get("complementary").get("verdict").asText()).isEqualTo("neither");
    }

    @Test
    void costLabelsTotalsOverUnknownOperatorsAsLowerBounds() throws Exception {
        TinyOnnx m = new TinyOnnx(4, 4, 4);
        String x = m.node("Einsum", List.of(m.conv(m.input, 4, 4, 3, 1, 1, 1, false)));
        Path model = dir.resolve("einsum.onnx");
        Files.write(model, m.bytes(m.node("LeakyRelu", List.of(m.node("Einsum", List.of(x))))));
        CliRun text = igc("cost", model.toString());
        assertThat(text.exitCode()).isEqualTo(IgcCli.OK);
        assertThat(text.out()).contains("# 3 operators IGC Lab does not count (Einsum x2, LeakyRelu x1): every total is a lower bound")
                .contains("total (lower bound)").contains("at least parameters: 144");
        assertThat(text.err()).contains("every total is a lower bound");
        JsonNode json = JsonFields.MAPPER.readTree(igc("cost", model.toString(), "--json").out());
        assertThat(json.get("lowerBound").asBoolean()).isTrue();
        assertThat(json.get("unknownOperators").get("Einsum").asInt()).isEqualTo(2);
        CliRun csv = igc("cost", model.toString(), "--csv");
        assertThat(csv.out()).contains("unknown Einsum");
        assertThat(csv.err()).contains("lower bound");
    }

    @Test
    void badModelsExitTwoWithOneLine() throws Exception {
        Path garbage = dir.resolve("garbage.onnx");
        Files.write(garbage, new byte[] {0x08, (byte) 0xff});
        for (String command : List.of("cost", "check", "import")) {
            CliRun run = igc(command, garbage.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains(garbage.toString()).contains("is not an ONNX model");
        }
        CliRun missing = igc("import", dir.resolve("none.onnx").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("none.onnx");
    }

    @Test
    void costBlocksAsCsvHasOneRowPerBlockLabelledByItsType() {
        CliRun run = igc("cost", Path.of("..", "samples", "networks", "shufflenet-v2.json").toString(), "--blocks", "--csv");
        assertThat(run.exitCode()).isEqualTo(IgcCli.OK);
        List<String> rows = run.out().lines().toList();
        assertThat(rows.get(0)).startsWith("path,label,output,");
        // 4 stem layers, 16 units, 5 head layers
        assertThat(rows).hasSize(1 + 4 + 16 + 5);
        assertThat(rows.get(5)).startsWith("stages[0].blocks[0],sequence of 2,116x28x28,");
        CliRun text = igc("cost", Path.of("..", "samples", "networks", "resnet50.json").toString(), "--blocks");
        assertThat(text.out()).containsPattern("stages\\[1\\]\\.blocks\\[0\\] +ResNet");
    }
}
