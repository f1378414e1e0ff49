package org.igclab.analyzer.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.igclab.analyzer.cli.CliRun;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX models exported with dynamic axes: a symbolic batch is read as it is, symbolic image sizes come from --input-shape. */
class SymbolicInputTest {
    static final String RESNET18 = Path.of("..", "samples", "networks", "resnet18.json").toString();

    @TempDir
    Path dir;

    /** Channel-wise 3x3 (stride 2), BN, ReLU, a dense 1x1, global pooling and a classifier on an input of 8 x h x w. */
    Path model(String name, String... symbolic) throws Exception {
        TinyOnnx m = new TinyOnnx(8, 12, 12);
        for (int i = 0; i < symbolic.length; i++) {
            if (!symbolic[i].isEmpty()) {
                m.symbolic(i + 1, symbolic[i]);
            }
        }
        String x = m.node("Relu", List.of(m.bn(m.conv(m.input, 8, 8, 3, 2, 1, 8, false), 8)));
        x = m.node("GlobalAveragePool", List.of(m.conv(x, 8, 16, 1, 1, 0, 1, true)));
        x = m.node("Gemm", List.of(m.node("Flatten", List.of(x)), m.weight(10, 16), m.weight(10)), TinyOnnx.integer("transB", 1));
        Path file = dir.resolve(name);
        Files.write(file, m.bytes(x));
        return file;
    }

    static JsonNode total(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(IgcCli.OK);
        return JsonFields.MAPPER.readTree(run.out()).get("total");
    }

    @Test
    void aSymbolicBatchAloneNeedsNothing() throws Exception {
        // TinyOnnx's batch is the dim_param "N"
        JsonNode fixed = total(CliRun.of("cost", model("fixed.onnx").toString(), "--json"));
        // 8*9 + 2*8 + 8*16 + 16 + 16*10 + 10 parameters; 6x6 positions for the convolutions
        assertThat(fixed.get("params").asLong()).isEqualTo(72 + 16 + 128 + 16 + 160 + 10);
        assertThat(fixed.get("macs").asLong()).isEqualTo(36L * (72 + 128) + 160);
    }

    @Test
    void symbolicHeightAndWidthAreTakenFromTheInputShapeGiven() throws Exception {
        Path dynamic = model("dynamic.onnx", "", "height", "width");
        JsonNode fixed = total(CliRun.of("cost", model("fixed.onnx").toString(), "--json"));
        assertThat(total(CliRun.of("cost", dynamic.toString(), "--input-shape", "1x8x12x12", "--json"))).isEqualTo(fixed);
        // another size gives other counts: 8x8 positions after the stride
        JsonNode larger = total(CliRun.of("cost", dynamic.toString(), "--input-shape", "4x8x16x16", "--json"));
        assertThat(larger.get("params")).isEqualTo(fixed.get("params"));
        assertThat(larger.get("macs").asLong()).isEqualTo(64L * (72 + 128) + 160);

        CliRun summary = CliRun.of("summary", dynamic.toString(), "--input-shape", "1x8x12x12");
        assertThat(summary.exitCode()).as(summary.err()).isEqualTo(IgcCli.OK);
        assertThat(summary.out()).contains("8x12x12");
        CliRun check = CliRun.of("check", dynamic.toString(), "--input-shape", "1x8x12x12");
        assertThat(check.exitCode()).as(check.err()).isIn(IgcCli.OK, IgcCli.NO);
        assertThat(check.err()).isEmpty();

        Path net = dir.resolve("dynamic.json");
        CliRun imported = CliRun.of("import", dynamic.toString(), "--input-shape", "1x8x12x12", "-o", net.toString());
        assertThat(imported.exitCode()).as(imported.err()).isEqualTo(IgcCli.OK);
        JsonNode input = JsonFields.MAPPER.readTree(net.toFile()).get("input");
        assertThat(input.get("height").asInt()).isEqualTo(12);
        assertThat(total(CliRun.of("cost", net.toString(), "--json"))).isEqualTo(fixed);
    }

    @Test
    void withoutAShapeOrWithOneThatDisagreesItExitsTwoWithOneLine() throws Exception {
        Path dynamic = model("dynamic.onnx", "", "height", "width");
        for (String command : List.of("cost", "check", "summary", "import")) {
            CliRun run = CliRun.of(command, dynamic.toString());
            assertThat(run.exitCode()).as(command).isEqualTo(IgcCli.INVALID);
            assertThat(run.err().strip()).as(command).doesNotContain("\n").contains("input x: has its height symbolic (\"height\")")
                    .contains("--input-shape");
        }
        CliRun channels = CliRun.of("cost", dynamic.toString(), "--input-shape", "1x3x12x12");
        assertThat(channels.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(channels.err().strip()).doesNotContain("\n")
                .contains("input x: has its channels fixed at 8, but the input shape given (1x3x12x12) has 3");
        CliRun form = CliRun.of("cost", dynamic.toString(), "--input-shape", "3x224x224");
        assertThat(form.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(form.err()).contains("--input-shape").contains("'3x224x224' is not NxCxHxW");
        CliRun zero = CliRun.of("cost", dynamic.toString(), "--input-shape", "1x8x0x12");
        assertThat(zero.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(zero.err()).contains("'1x8x0x12' has a size that is 0: 0");
        CliRun json = CliRun.of("cost", RESNET18, "--input-shape", "1x3x224x224");
        assertThat(json.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(json.err().strip()).isEqualTo("igc cost: --input-shape = 1x3x224x224 applies to ONNX models (.onnx); "
                + RESNET18 + " is not one");
    }
}
