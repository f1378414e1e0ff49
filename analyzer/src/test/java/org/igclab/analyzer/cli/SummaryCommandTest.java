package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;

class SummaryCommandTest {
    static final String RESNET = CliRun.sample("networks/resnet18.json");
    static final String IGC = CliRun.sample("networks/igc-l4m32-imagenet.json");

    @Test
    void theTopLevelRowsAddUpToTorchvisionsCounts() {
        CliRun run = CliRun.of("summary", RESNET);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("total\\s+3x224x224\\s+1000x1x1\\s+11,689,512\\s+100.0%\\s+1,814,073,344\\s+100.0%")
                .containsPattern("stem\\[0\\]\\s+conv 7x7/2\\s+3x224x224\\s+64x112x112\\s+7x7\\s+2\\s+1\\s+9,408")
                .contains("parameters: 11,689,512 trainable").contains("20 BatchNorm layers")
                .contains("sum(p.numel() for p in model.parameters())").contains("training total");
        // stem (4), eight blocks, head (2); depth 1 shows no operation inside a block
        assertThat(run.out().lines().filter(l -> l.startsWith("stem[") || l.startsWith("stages[") || l.startsWith("head[")).count()).isEqualTo(14);
        assertThat(run.out()).doesNotContain("  conv1");
    }

    @Test
    void everyRowHoldsWhatItsChildrenHoldAtEveryDepth() throws IOException {
        CliRun run = CliRun.of("summary", IGC, "--depth", "4", "--csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CSVRecord> rows = SweepCommandTest.csv(run.out());
        assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.get("level"))).max().orElseThrow()).isEqualTo(4);
        long totalParams = 0;
        long totalMacs = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            int level = Integer.parseInt(row.get("level"));
            if (level == 1) {
                totalParams += Long.parseLong(row.get("params"));
                totalMacs += Long.parseLong(row.get("macs"));
            }
            long params = 0;
            long macs = 0;
            boolean children = false;
            for (int j = i + 1; j < rows.size() && Integer.parseInt(rows.get(j).get("level")) > level; j++) {
                if (Integer.parseInt(rows.get(j).get("level")) == level + 1) {
                    children = true;
                    params += Long.parseLong(rows.get(j).get("params"));
                    macs += Long.parseLong(rows.get(j).get("macs"));
                }
            }
            if (children) {
                assertThat(params).as("parameters under %s", row.get("path")).isEqualTo(Long.parseLong(row.get("params")));
                assertThat(macs).as("MACs under %s", row.get("path")).isEqualTo(Long.parseLong(row.get("macs")));
            }
            assertThat(Long.parseLong(row.get("params"))).isEqualTo(Long.parseLong(row.get("weights")) + Long.parseLong(row.get("bias"))
                    + Long.parseLong(row.get("bn_affine")));
        }
        assertThat(totalParams).isEqualTo(12_251_240L);
        assertThat(totalMacs).isEqualTo(1_944_641_536L);
        // shapes are numbers in columns of their own, a convolution's groups too
        CSVRecord grouped = rows.stream().filter(r -> r.get("type").startsWith("conv") && !r.get("groups").equals("1")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(grouped.get("groups"))).isEqualTo(4);
        assertThat(Integer.parseInt(grouped.get("out_channels")) % 4).isZero();
    }

    @Test
    void theMemoryFollowsTheCountsTheBatchAndTheOptimizer() throws IOException {
        JsonNode cost = JsonFields.MAPPER.readTree(CliRun.of("cost", RESNET, "--json").out());
        JsonNode adam = JsonFields.MAPPER.readTree(CliRun.of("summary", RESNET, "--batch", "8", "--optimizer", "adam", "--json").out());
        JsonNode sgd = JsonFields.MAPPER.readTree(CliRun.of("summary", RESNET, "--batch", "8", "--optimizer", "sgd", "--json").out());
        long params = adam.at("/totals/params").asLong();
        assertThat(params).isEqualTo(11_689_512L).isEqualTo(adam.at("/totals/trainable").asLong());
        JsonNode m = adam.get("memoryBytes");
        assertThat(m.get("weights").asLong()).isEqualTo(4 * params);
        assertThat(m.get("gradients").asLong()).isEqualTo(4 * params);
        assertThat(m.get("optimizerState").asLong()).isEqualTo(8 * params);
        assertThat(sgd.at("/memoryBytes/optimizerState").asLong()).isZero();
        assertThat(m.get("input").asLong()).isEqualTo(8L * 4 * 3 * 224 * 224);
        assertThat(m.get("forward").asLong()).isEqualTo(8L * 4 * cost.at("/total/activations").asLong());
        // BatchNorm's running mean and variance match its affine parameters one for one; one int64 counter a layer
        assertThat(adam.at("/totals/bufferValues").asLong()).isEqualTo(adam.at("/totals/bnAffine").asLong());
        assertThat(m.get("buffers").asLong()).isEqualTo(4 * adam.at("/totals/bufferValues").asLong() + 8 * 20);
        long parts = 0;
        for (String part : List.of("input", "forward", "backward", "weights", "gradients", "optimizerState", "buffers")) {
            parts += m.get(part).asLong();
        }
        assertThat(m.get("trainingTotal").asLong()).isEqualTo(parts);
        assertThat(adam.at("/layers/0/input/channels").asInt()).isEqualTo(3);
        assertThat(adam.at("/layers/0/kernel").asInt()).isEqualTo(7);
    }

    @Test
    void aChainIsSummarisedAsItsOperations() {
        CliRun run = CliRun.of("summary", CliRun.sample("chains/igcv2-c64.json"), "--resolution", "16");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("64x16x16").containsPattern("layers\\[0\\]\\s+conv 3x3 G=64");
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        CliRun depth = CliRun.of("summary", RESNET, "--depth", "0");
        assertThat(depth.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(depth.err()).contains("--depth").contains("0").doesNotContain("Exception");
        CliRun optimizer = CliRun.of("summary", RESNET, "--optimizer", "rmsprop");
        assertThat(optimizer.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(optimizer.err()).contains("'rmsprop' is not one of sgd, momentum, adam");
        assertThat(CliRun.of("summary", RESNET, "--json", "--csv").exitCode()).isEqualTo(IgcCli.INVALID);
    }
}
