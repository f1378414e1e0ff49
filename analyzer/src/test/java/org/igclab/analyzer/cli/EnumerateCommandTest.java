package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;

class EnumerateCommandTest {

    @Test
    void listsEveryFactorizationOf64WithNamesAndConventions() {
        CliRun run = CliRun.of("enumerate", "--channels", "64");
        assertThat(run.exitCode()).isZero();
        // 32 ordered factorizations of 64 with factors >= 2, and as many with a channel-wise kernel in front
        assertThat(run.out()).contains("(64 designs)")
                .contains("plain conv").contains("depthwise-separable").contains("IGCV1 L32M2")
                .contains("IGCV2 K=8 L=3, paper's rule")
                .contains("# parameters: kernel weights").contains("FLOPs = 2 * MACs");
        // the dense 3x3 convolution: 64 * 64 * 9 weights, at 32x32
        assertThat(run.out()).containsPattern("plain conv\\s+1\\s+64\\s+strict\\s+1\\s+1.000\\s+36,864\\s+37,748,736");
    }

    @Test
    void jsonIsSortedByParametersAndCarriesTheOptimum() throws IOException {
        CliRun run = CliRun.of("enumerate", "-c", "48", "--json");
        JsonNode json = JsonFields.MAPPER.readTree(run.out());
        JsonNode designs = json.get("designs");
        assertThat(designs.size()).isEqualTo(json.get("total").asInt()).isPositive();
        long previous = 0;
        for (JsonNode d : designs) {
            assertThat(d.get("params").asLong()).isGreaterThanOrEqualTo(previous);
            previous = d.get("params").asLong();
            long product = 1;
            for (JsonNode k : d.get("groupSizes")) {
                product *= k.asLong();
            }
            assertThat(product).isEqualTo(48);
            assertThat(d.get("verdict").asText()).isEqualTo("strict");
            assertThat(d.get("flops").asLong()).isEqualTo(2 * d.get("macs").asLong());
        }
        assertThat(json.at("/balanceOptimum/integerOptimum/weights").asLong()).isEqualTo(designs.get(0).get("params").asLong());
    }

    @Test
    void filtersByLayersFirstKernelAndGroupSize() throws IOException {
        CliRun run = CliRun.of("enumerate", "-c", "256", "--first", "channel-wise", "--layers", "3..4", "--group-size", "4..16", "--csv");
        assertThat(run.exitCode()).isZero();
        List<CSVRecord> rows = csv(run.out());
        assertThat(rows).isNotEmpty();
        for (CSVRecord r : rows) {
            String[] k = r.get("group_sizes").split(",");
            assertThat(k.length).isBetween(3, 4);
            assertThat(k[0]).isEqualTo("1");
            for (int i = 1; i < k.length; i++) {
                assertThat(Integer.parseInt(k[i])).isBetween(4, 16);
            }
        }
        // (1,16,16), (1,4,4,16) and its orders, (1,4,16,4)...: count them independently
        long expected = 0;
        for (int a = 4; a <= 16; a++) {
            if (256 % a == 0 && 256 / a >= 4 && 256 / a <= 16) {
                expected++;
            }
            for (int b = 4; b <= 16; b++) {
                if (256 % (a * b) == 0 && 256 / (a * b) >= 4 && 256 / (a * b) <= 16) {
                    expected++;
                }
            }
        }
        assertThat(rows).hasSize((int) expected);
    }

    @Test
    void looseChainsAreDenseAndMarked() throws IOException {
        CliRun run = CliRun.of("enumerate", "-c", "16", "--include-loose", "--csv");
        List<CSVRecord> rows = csv(run.out());
        List<CSVRecord> loose = new ArrayList<>();
        for (CSVRecord r : rows) {
            if (Long.parseLong(r.get("product")) > 16) {
                loose.add(r);
            }
        }
        assertThat(loose).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("verdict")).isEqualTo("dense");
            assertThat(r.get("name")).contains("loose");
        });
    }

    @Test
    void topLimitsRowsAndResolutionScalesMacs() throws IOException {
        JsonNode at32 = JsonFields.MAPPER.readTree(CliRun.of("enumerate", "-c", "64", "--top", "3", "--json").out());
        JsonNode at64 = JsonFields.MAPPER.readTree(CliRun.of("enumerate", "-c", "64", "--top", "3", "--json", "-r", "64").out());
        assertThat(at32.get("designs").size()).isEqualTo(3);
        assertThat(at64.at("/designs/0/macs").asLong()).isEqualTo(4 * at32.at("/designs/0/macs").asLong());
    }

    @Test
    void badOptionsAreInputErrorsNamingTheOption() {
        assertThat(CliRun.of("enumerate", "-c", "0").err()).contains("Invalid value for option '--channels': '0' must be positive");
        assertThat(CliRun.of("enumerate", "-c", "64", "--top", "-3").err()).contains("Invalid value for option '--top': '-3' must be positive");
        assertThat(CliRun.of("enumerate", "-c", "sixty").err()).contains("Invalid value for option '--channels': 'sixty' is not a whole number");
        assertThat(CliRun.of("enumerate", "-c", "64", "--kernel", "2").err()).contains("--kernel = 2");
        assertThat(CliRun.of("enumerate", "-c", "64", "--layers", "5..2").err()).contains("'5..2' is an empty range");
        assertThat(CliRun.of("enumerate", "-c", "64", "--first", "sideways").err()).contains("'sideways' is not one of");
        CliRun both = CliRun.of("enumerate", "-c", "64", "--json", "--csv");
        assertThat(both.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(both.err()).startsWith("igc enumerate: --json, --csv are mutually exclusive (specify only one)");
        assertThat(CliRun.of("enumerate").exitCode()).isEqualTo(IgcCli.INVALID);
    }

    @Test
    void helpShowsExamples() {
        CliRun run = CliRun.of("enumerate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Examples:").contains("igc enumerate --channels 64");
        assertThat(CliRun.of("--help").out()).contains("enumerate").contains("check").contains("cost").contains("Exit codes");
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (CSVParser p = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }
}
