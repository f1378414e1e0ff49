package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    static final String GRID = CliRun.sample("spaces/cifar-igcv2-grid.json");
    static final String EQUAL = CliRun.sample("spaces/cifar-equal-params.json");

    @TempDir
    Path dir;

    static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void tableStatesCountsConstraintsAndConventionsAndSummarizesOnStderr() {
        CliRun run = CliRun.of("sweep", GRID);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("576 designs: 396 pass the constraints, 48 rejected by them, 132 invalid")
                .contains("# constraints: params <= 1,000,000; conv output channels multiples of 16")
                .contains("sum(p.numel() for p in model.parameters())").contains("FLOPs = 2 * MACs")
                .containsPattern("design\\s+block\\s+width\\s+depth\\s+K\\s+widen\\s+params\\s+MACs");
        assertThat(run.err()).containsPattern("swept 576 designs in [0-9.]+ s \\([0-9,]+ designs/s(; [0-9.]+ s CPU on one thread)?\\); 576 designs: 396 pass");
    }

    @Test
    void paretoFrontInCsvMatchesTheDefinition() throws IOException {
        CliRun run = CliRun.of("sweep", GRID, "--pareto", "params,width:max", "--csv");
        assertThat(run.exitCode()).isZero();
        List<CSVRecord> rows = csv(run.out());
        assertThat(rows).hasSize(396);
        for (CSVRecord r : rows) {
            long params = Long.parseLong(r.get("params"));
            int width = Integer.parseInt(r.get("width"));
            boolean dominated = rows.stream().anyMatch(q -> {
                long qp = Long.parseLong(q.get("params"));
                int qw = Integer.parseInt(q.get("width"));
                return qp <= params && qw >= width && (qp < params || qw > width);
            });
            assertThat(Boolean.parseBoolean(r.get("pareto"))).as("design %s", r.get("design")).isEqualTo(!dominated);
        }
        CliRun front = CliRun.of("sweep", GRID, "--pareto", "params,width:max", "--front-only", "--csv");
        assertThat(csv(front.out())).hasSize((int) rows.stream().filter(r -> r.get("pareto").equals("true")).count())
                .allSatisfy(r -> assertThat(r.get("pareto")).isEqualTo("true"));
    }

    @Test
    void allListsRejectedAndInvalidDesignsWithReasonsInJson() throws IOException {
        CliRun run = CliRun.of("sweep", GRID, "--all", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonFields.MAPPER.readTree(run.out());
        assertThat(json.get("format").asText()).isEqualTo("igc-sweep/1");
        assertThat(json.at("/counts/designs").asInt()).isEqualTo(576);
        assertThat(json.at("/counts/invalid").asInt()).isEqualTo(132);
        assertThat(json.at("/conventions/network").asText()).contains("PyTorch");
        assertThat(json.at("/constraints/maxParams").asLong()).isEqualTo(1_000_000);
        JsonNode designs = json.get("designs");
        assertThat(designs).hasSize(576);
        JsonNode invalid = designs.get(66 - 66);
        for (JsonNode d : designs) {
            if (d.get("status").asText().equals("invalid")) {
                invalid = d;
                break;
            }
        }
        assertThat(invalid.get("reason").asText()).contains("does not factor");
        assertThat(invalid.has("params")).isFalse();
        JsonNode first = designs.get(0);
        assertThat(first.at("/variables/width").asInt()).isEqualTo(16);
        assertThat(first.at("/variables/block/type").asText()).isEqualTo("igcv2");
        assertThat(first.get("flops").asLong()).isEqualTo(2 * first.get("macs").asLong());
    }

    @Test
    void theComplementaryConstraintKeepsTheBlocksThatWidenLast() throws IOException {
        Path space = dir.resolve("widen.json");
        Files.writeString(space, """
                {"template": {"skeleton": {"type": "cifar", "width": "${width}", "depth": 8, "block": {"type": "igcv2", "K": 4, "widen": "${widen}"}}},
                 "grid": {"width": [16, 32], "widen": ["first", "last"]}, "constraints": {"complementary": true}}""");
        CliRun run = CliRun.of("sweep", space.toString(), "--all", "--csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<CSVRecord> rows = csv(run.out());
        assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r.get("status")).isEqualTo(r.get("widen").equals("last") ? "pass" : "rejected"));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("complementary")).isEqualTo(r.get("widen").equals("last") ? "strict" : "dense"));
    }

    @Test
    void csvCellsHoldNoJsonTheBlocksFieldsAreColumnsOfTheirOwn() throws IOException {
        for (CliRun run : List.of(CliRun.of("sweep", EQUAL, "--csv"),
                CliRun.of("budget", EQUAL, "--params", "317242", "--vary", "width", "--step", "1", "--csv"))) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<CSVRecord> rows = csv(run.out());
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.values()).noneMatch(v -> v.startsWith("{") || v.startsWith("[")));
            assertThat(rows.get(0).getParser().getHeaderNames()).contains("family", "block.type", "block.L", "block.K", "block.widen",
                    "block.norm").doesNotContain("block");
            CSVRecord igcv1 = rows.stream().filter(r -> r.get("block.type").equals("igcv1")).findFirst().orElseThrow();
            assertThat(Integer.parseInt(igcv1.get("block.L"))).isEqualTo(24);
            assertThat(igcv1.get("block.K")).isEmpty();
            CSVRecord igcv2 = rows.stream().filter(r -> r.get("block.type").equals("igcv2")).findFirst().orElseThrow();
            assertThat(igcv2.get("block.widen")).isEqualTo("last");
            assertThat(Long.parseLong(igcv2.get("params"))).isPositive();
        }
    }

    @Test
    void writesAtomicallyAndRefusesToOverwrite() throws IOException {
        Path out = dir.resolve("sweep.csv");
        assertThat(CliRun.of("sweep", EQUAL, "--csv", "-o", out.toString()).exitCode()).isZero();
        assertThat(csv(Files.readString(out))).hasSize(6);
        CliRun again = CliRun.of("sweep", EQUAL, "--csv", "-o", out.toString());
        assertThat(again.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(again.err()).contains("--force");
        assertThat(CliRun.of("sweep", EQUAL, "--csv", "-o", out.toString(), "--force").exitCode()).isZero();
    }

    @Test
    void badInputIsOneClearLineAndExitTwo() throws IOException {
        CliRun objective = CliRun.of("sweep", GRID, "--pareto", "params,speed");
        assertThat(objective.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(objective.err().strip()).isEqualTo("igc sweep: --pareto params,speed: 'speed' is not an objective (known: params, "
                + "macs, activations, peak_activation, traffic, imbalance, latency_pred, latency_b<N> (the median latency at batch N, e.g. latency_b1, "
                + "latency_b32), accuracy, width, depth, K; add :max to maximize)");
        CliRun unmeasured = CliRun.of("sweep", GRID, "--pareto", "params,accuracy:max");
        assertThat(unmeasured.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(unmeasured.err()).contains("are measured; add --evaluate latency or --evaluate train");
        assertThat(CliRun.of("sweep", GRID, "--front-only").err()).contains("--front-only needs --pareto");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"template\": {\"skeleton\": {\"type\": \"cifar\", \"width\": \"${width}\", \"depth\": 8, "
                + "\"block\": {\"type\": \"dwsep\"}}}, \"grid\": {\"width\": [16, \"x\"]}, \"constraints\": {\"maxParams\": \"many\"}}");
        CliRun space = CliRun.of("sweep", bad.toString());
        assertThat(space.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(space.err().strip()).isEqualTo("igc sweep: invalid space in " + bad + ": constraints.maxParams = \"many\" must be a whole number");
        CliRun missing = CliRun.of("sweep", dir.resolve("none.json").toString());
        assertThat(missing.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void budgetFindsTheWidthsOfTheEqualParameterSamples() throws IOException {
        CliRun run = CliRun.of("budget", EQUAL, "--params", "317242", "--vary", "width", "--step", "1", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode answers = JsonFields.MAPPER.readTree(run.out()).get("answers");
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).get("value").asInt()).isEqualTo(48);
        assertThat(answers.get(0).get("params").asLong()).isEqualTo(317_242);
        // the samples were written from these answers
        for (int i = 1; i < 3; i++) {
            String sample = i == 1 ? "networks/cifar-igcv2-k8-d38.json" : "networks/cifar-dwsep-d38.json";
            JsonNode written = JsonFields.MAPPER.readTree(Files.readString(Path.of(CliRun.sample(sample))));
            assertThat(answers.get(i).at("/network/skeleton")).isEqualTo(written.get("skeleton"));
            CliRun cost = CliRun.of("cost", CliRun.sample(sample), "--json");
            assertThat(JsonFields.MAPPER.readTree(cost.out()).at("/total/params").asLong())
                    .isEqualTo(answers.get(i).get("params").asLong()).isLessThanOrEqualTo(317_242);
        }
        CliRun table = CliRun.of("budget", EQUAL, "--params", "317242", "--vary", "width");
        assertThat(table.out()).contains("the largest width among 8, 16, ..., 4096 (multiples of 8) within: params <= 317,242")
                .containsPattern("depthwise-separable\\s+dwsep norm=end\\s+32\\s+278,730")
                // a block is shown as its fields, not as JSON
                .contains("IGCV2 K=8            igcv2 K=8 widen=last     64").doesNotContain("{\"type\"");
    }

    @Test
    void budgetRefusesQuestionsItCannotAnswer() {
        assertThat(CliRun.of("budget", EQUAL, "--vary", "width").err()).contains("give a budget: --params N, --macs N or --latency-pred MS");
        assertThat(CliRun.of("budget", EQUAL, "--params", "1000", "--vary", "depth").err())
                .contains("--vary depth: the template of").contains("does not use ${depth}");
        assertThat(CliRun.of("budget", EQUAL, "--params", "1000", "--vary", "family").err()).contains("--vary family: the list entries of");
        assertThat(CliRun.of("budget", EQUAL, "--params", "1000", "--vary", "width", "--step", "16", "--max", "8").err())
                .contains("--max = 8 must be at least --step (16)");
    }
}
