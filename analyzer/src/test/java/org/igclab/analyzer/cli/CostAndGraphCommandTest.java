package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostAndGraphCommandTest {
    @TempDir
    Path dir;

    @Test
    void costOfIgcv1L24M2MatchesHandCount() throws IOException {
        CliRun run = CliRun.of("cost", CliRun.sample("chains/igcv1-l24m2.json"), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonFields.MAPPER.readTree(run.out());
        // W1: 48 outputs * 2 inputs per group * 9 = 864; W2: 48 * 24 = 1152
        assertThat(json.at("/kernels/0/params").asLong()).isEqualTo(864);
        assertThat(json.at("/kernels/1/params").asLong()).isEqualTo(1152);
        assertThat(json.at("/total/params").asLong()).isEqualTo(2016);
        assertThat(json.at("/total/macs").asLong()).isEqualTo(2016L * 32 * 32);
        assertThat(json.at("/total/flops").asLong()).isEqualTo(2 * 2016L * 32 * 32);
        assertThat(json.at("/conventions/macs").asText()).contains("FLOPs = 2 * MACs");
    }

    @Test
    void costTableStatesConventionsAndStridesShrinkOutputs() throws IOException {
        Path strided = dir.resolve("strided.json");
        Files.writeString(strided, "{\"channels\": 16, \"kernels\": [{\"groups\": 16, \"kernel\": 3, \"stride\": 2}, {\"groups\": 4}]}");
        CliRun run = CliRun.of("cost", strided.toString(), "-r", "31");
        assertThat(run.exitCode()).isZero();
        // (31 - 1) / 2 + 1 = 16: 16 * 16 * 16 * 1 * 9 = 36,864 MACs for W1; W2: 16 * 16 * 16 * 4 = 16,384
        assertThat(run.out()).contains("# parameters:").contains("16x16x16").contains("36,864").contains("16,384");
    }

    @Test
    void graphWritesDotToStdoutAndGraphMlToAFileAtomically() throws IOException {
        CliRun dot = CliRun.of("graph", CliRun.sample("chains/igcv1-l4m2.json"));
        assertThat(dot.exitCode()).isZero();
        assertThat(dot.out()).startsWith("strict digraph channels").contains("s0_c0").contains("rankdir");

        Path out = dir.resolve("g.graphml");
        CliRun ml = CliRun.of("graph", CliRun.sample("chains/igcv1-l4m2.json"), "-f", "graphml", "-o", out.toString());
        assertThat(ml.exitCode()).isZero();
        assertThat(Files.readString(out)).contains("<graphml").contains("</graphml>");

        CliRun again = CliRun.of("graph", CliRun.sample("chains/igcv1-l4m2.json"), "-f", "graphml", "-o", out.toString());
        assertThat(again.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(again.err()).contains("--force");
        assertThat(CliRun.of("graph", CliRun.sample("chains/igcv1-l4m2.json"), "-f", "graphml", "-o", out.toString(), "--force").exitCode()).isZero();
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void graphDrawsANetworksBlockByPath() {
        String net = CliRun.sample("networks/cifar-igcv1-l24m2-d38.json");
        CliRun block = CliRun.of("graph", net, "--block", "stages[0].blocks[0]");
        assertThat(block.exitCode()).isZero();
        // IGCV1 L24M2 on 48 channels: input, primary, shuffle, secondary, shuffle back: stages 0..4
        assertThat(block.out()).contains("s4_c47").doesNotContain("s5_c0");
        assertThat(CliRun.of("graph", net).err()).contains("name one of its blocks with --block");
        assertThat(CliRun.of("graph", net, "--block", "stages[7].blocks[0]").err()).contains("has no block there");
        assertThat(CliRun.of("graph", CliRun.sample("networks/resnet18.json"), "--block", "stages[0].blocks[0]").err())
                .contains("not a chain of structured sparse kernels");
    }

    @Test
    void graphRefusesWidthsTooLargeToDraw() throws IOException {
        Path wide = dir.resolve("wide.json");
        Files.writeString(wide, "{\"channels\": 1024, \"kernels\": [{\"groups\": 1024, \"kernel\": 3}, {\"groups\": 1}]}");
        CliRun run = CliRun.of("graph", wide.toString());
        assertThat(run.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err()).contains("edges, more than");
        CliRun format = CliRun.of("graph", CliRun.sample("chains/igcv1-l4m2.json"), "-f", "svg");
        assertThat(format.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(format.err()).contains("Invalid value for option '--format': 'svg' is not one of dot, graphml");
    }
}
