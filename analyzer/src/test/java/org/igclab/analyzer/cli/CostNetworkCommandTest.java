package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code igc cost} on network files: tables, block rows, formulas, JSON, CSV, resolution and errors. */
class CostNetworkCommandTest {
    static final List<String> SAMPLES = List.of("resnet18.json", "mobilenet-v1.json", "igc-l4m32-imagenet.json", "cifar-igcv1-l24m2-d38.json");

    @TempDir
    Path dir;

    static String network(String name) {
        return CliRun.sample("networks/" + name);
    }

    static NetworkCost model(String name) throws IOException {
        return CostModel.of(NetworkJson.read(Path.of(network(name))));
    }

    static long number(String cell) {
        return Long.parseLong(cell.replaceAll("[^0-9]", ""));
    }

    /** The rows of the text table between its rule and the total: the last four cells are params, MACs, activations, traffic. */
    static List<String[]> tableRows(String out) {
        List<String[]> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("----")) {
                inTable = true;
            } else if (inTable && line.startsWith("total")) {
                rows.add(line.trim().split("\\s+"));
                break;
            } else if (inTable) {
                rows.add(line.trim().split("\\s+"));
            }
        }
        return rows;
    }

    @Test
    void blockRowsOfAVeryDeepNetworkAreEachBlocksOwnCounts() throws IOException {
        // deep enough that grouping the operations by block in a quadratic way would take minutes; the speed is benchmarked
        Path deep = Files.writeString(dir.resolve("deep.json"), "{\"skeleton\": {\"type\": \"cifar\", \"width\": 16, \"depth\": 3800, "
                + "\"block\": {\"type\": \"igcv2\", \"K\": 4}}}");
        CliRun run = CliRun.of("cost", deep.toString(), "--blocks");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String[]> rows = tableRows(run.out());
        rows.remove(rows.size() - 1);
        NetworkCost c = CostModel.of(NetworkJson.read(deep));
        assertThat(c.blocks()).hasSize(3798);
        assertThat(rows).hasSize(c.network().root().layers().size());
        java.util.Map<String, String[]> byPath = new java.util.HashMap<>();
        rows.forEach(r -> byPath.put(r[0], r));
        for (var b : c.blocks()) {
            String[] row = byPath.get(b.path());
            assertThat(number(row[row.length - 4])).as(b.path()).isEqualTo(b.params().total());
            assertThat(number(row[row.length - 3])).as(b.path()).isEqualTo(b.macs());
        }
    }

    @Test
    void blockRowsSumToTheTotals() throws IOException {
        for (String sample : SAMPLES) {
            CliRun run = CliRun.of("cost", network(sample), "--blocks");
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String[]> rows = tableRows(run.out());
            String[] total = rows.remove(rows.size() - 1);
            NetworkCost c = model(sample);
            // one row per stem layer, block and head layer
            assertThat(rows).hasSize(c.network().root().layers().size());
            for (int col = 4; col >= 1; col--) {
                int at = col;
                long sum = rows.stream().mapToLong(r -> number(r[r.length - at])).sum();
                assertThat(sum).as(sample + " column " + col).isEqualTo(number(total[total.length - at]));
            }
            assertThat(number(total[total.length - 4])).isEqualTo(c.params().total());
            assertThat(number(total[total.length - 3])).isEqualTo(c.macs());
            assertThat(number(total[total.length - 1])).isEqualTo(c.traffic());
        }
    }

    @Test
    void everyOperationRowSumsToTheTotalsToo() throws IOException {
        CliRun run = CliRun.of("cost", network("resnet18.json"));
        assertThat(run.exitCode()).isZero();
        List<String[]> rows = tableRows(run.out());
        String[] total = rows.remove(rows.size() - 1);
        assertThat(rows).hasSize(model("resnet18.json").layers().size());
        assertThat(rows.stream().mapToLong(r -> number(r[r.length - 4])).sum()).isEqualTo(11_689_512L).isEqualTo(number(total[total.length - 4]));
        assertThat(rows.stream().mapToLong(r -> number(r[r.length - 3])).sum()).isEqualTo(1_814_073_344L);
        assertThat(run.out()).contains("FLOPs = 2 * MACs = " + String.format("%,d", 2 * 1_814_073_344L));
    }

    @Test
    void formulasAgreeForEveryBlock() throws IOException {
        for (String sample : SAMPLES) {
            CliRun run = CliRun.of("cost", network(sample), "--formulas");
            assertThat(run.exitCode()).isZero();
            String formulas = run.out().substring(run.out().indexOf("closed-form formulas"));
            List<String> heads = formulas.lines().filter(l -> l.contains(" on ") && !l.startsWith(" ")).toList();
            // one formula per distinct block and input
            long distinct = model(sample).blocks().stream().map(b -> b.label() + " on " + b.in()).distinct().count();
            assertThat(heads).as(sample).hasSize((int) distinct);
            assertThat(heads).as(sample).allMatch(l -> l.endsWith("(agrees)"));
            assertThat(formulas).doesNotContain("DIFFERS");
        }
        CliRun cifar = CliRun.of("cost", network("cifar-igcv1-l24m2-d38.json"), "--formulas");
        assertThat(cifar.out()).contains("IGCV1 L24M2 48->48 on 48x32x32 (agrees)").contains("9 * 48 * 48 / 24");
    }

    @Test
    void jsonTotalsEqualTheCostModel() throws IOException {
        for (String sample : SAMPLES) {
            CliRun run = CliRun.of("cost", network(sample), "--json");
            assertThat(run.exitCode()).isZero();
            JsonNode json = JsonFields.MAPPER.readTree(run.out());
            NetworkCost c = model(sample);
            assertThat(json.at("/total/params").asLong()).isEqualTo(c.params().total());
            assertThat(json.at("/total/weights").asLong()).isEqualTo(c.params().weights());
            assertThat(json.at("/total/bias").asLong()).isEqualTo(c.params().bias());
            assertThat(json.at("/total/bnAffine").asLong()).isEqualTo(c.params().bnAffine());
            assertThat(json.at("/total/macs").asLong()).isEqualTo(c.macs());
            assertThat(json.at("/total/flops").asLong()).isEqualTo(2 * c.macs());
            assertThat(json.at("/total/activations").asLong()).isEqualTo(c.activations());
            assertThat(json.at("/total/peakActivation").asLong()).isEqualTo(c.peakActivation());
            assertThat(json.at("/total/traffic").asLong()).isEqualTo(c.traffic());
            assertThat(json.get("layers")).hasSize(c.layers().size());
            assertThat(json.get("blocks")).hasSize(c.blocks().size());
            long layerParams = 0;
            for (JsonNode l : json.get("layers")) {
                layerParams += l.get("params").asLong();
            }
            assertThat(layerParams).isEqualTo(c.params().total());
            for (JsonNode b : json.get("blocks")) {
                assertThat(b.get("formulaAgrees").asBoolean()).isTrue();
            }
            assertThat(json.get("output").asText()).isEqualTo(c.network().output().toString());
        }
    }

    @Test
    void csvParsesAndItsParamsColumnSumsToTheTotal() throws IOException {
        for (String sample : SAMPLES) {
            CliRun run = CliRun.of("cost", network(sample), "--csv");
            assertThat(run.exitCode()).isZero();
            NetworkCost c = model(sample);
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(run.out())).getRecords();
            assertThat(records).hasSize(c.layers().size());
            long params = 0;
            long macs = 0;
            long bn = 0;
            for (CSVRecord r : records) {
                params += Long.parseLong(r.get("params"));
                macs += Long.parseLong(r.get("macs"));
                bn += Long.parseLong(r.get("bn_affine"));
                assertThat(Long.parseLong(r.get("params"))).isEqualTo(
                        Long.parseLong(r.get("weights")) + Long.parseLong(r.get("bias")) + Long.parseLong(r.get("bn_affine")));
                assertThat(Long.parseLong(r.get("flops"))).isEqualTo(2 * Long.parseLong(r.get("macs")));
            }
            assertThat(params).as(sample).isEqualTo(c.params().total());
            assertThat(macs).isEqualTo(c.macs());
            assertThat(bn).isEqualTo(c.params().bnAffine());
        }
    }

    @Test
    void resolutionOverridesTheNetworksInputSide() throws IOException {
        CliRun run = CliRun.of("cost", network("mobilenet-v1.json"), "--resolution", "160", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonFields.MAPPER.readTree(run.out());
        assertThat(json.get("input").asText()).isEqualTo("3x160x160");
        Network at160 = new Design.NetworkDesign(NetworkJson.read(Path.of(network("mobilenet-v1.json")))).asNetwork(160);
        assertThat(at160.input()).isEqualTo(new TensorShape(3, 160, 160));
        NetworkCost c = CostModel.of(at160);
        assertThat(json.at("/total/macs").asLong()).isEqualTo(c.macs()).isLessThan(568_740_352L);
        // parameters do not depend on the resolution
        assertThat(json.at("/total/params").asLong()).isEqualTo(4_231_976L);
        // the text table says the input it used
        assertThat(CliRun.of("cost", network("resnet18.json"), "-r", "64").out()).contains("input 3x64x64");
        // 1x1 stays 1x1 through ResNet-18's padded strided layers
        CliRun tiny = CliRun.of("cost", network("resnet18.json"), "-r", "1", "--json");
        assertThat(tiny.exitCode()).isZero();
        assertThat(JsonFields.MAPPER.readTree(tiny.out()).at("/total/params").asLong()).isEqualTo(11_689_512L);
        CliRun zero = CliRun.of("cost", network("resnet18.json"), "-r", "0");
        assertThat(zero.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(zero.err()).contains("Invalid value for option '--resolution': '0' must be positive");
    }

    @Test
    void badNetworksExitTwoWithThePathAndNoStackTrace() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"input": {"channels": 3, "size": 32},
                 "stem": [{"type": "conv", "out": 64}],
                 "stages": [{"blocks": [{"type": "conv", "out": 64}]}, {"blocks": [{"type": "conv", "out": 80, "groups": 5}]}]}""");
        CliRun run = CliRun.of("cost", bad.toString());
        assertThat(run.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err()).contains(bad.toString()).contains("stages[1].blocks[0].groups = 5 does not divide 64 input channels")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();

        Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"input\": {\"channels\": 3, \"size\": 8}, \"layers\": [{\"type\": \"bn\", \"eps\": 1}]}");
        CliRun u = CliRun.of("cost", unknown.toString(), "--json");
        assertThat(u.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(u.err()).contains("layers[0].eps: is not a known field").doesNotContain("\tat ");

        // too large to count: an input error, not an internal one
        Path huge = Files.writeString(dir.resolve("huge.json"), """
                {"input": {"channels": 20000, "size": 100000}, "layers": [
                  {"type": "conv", "out": 30000, "kernel": 1}, {"type": "conv", "out": 20000, "kernel": 1}]}""");
        CliRun h = CliRun.of("cost", huge.toString());
        assertThat(h.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(h.err()).contains(huge.toString()).contains("too large").doesNotContain("internal error").doesNotContain("\tat ");

        Path skeleton = Files.writeString(dir.resolve("wide.json"),
                "{\"skeleton\": {\"type\": \"cifar\", \"width\": 1000000000, \"depth\": 5, \"block\": {\"type\": \"dwsep\"}}}");
        CliRun w = CliRun.of("cost", skeleton.toString());
        assertThat(w.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(w.err()).contains("skeleton.width = 1000000000 is too large").doesNotContain("internal error");

        CliRun missing = CliRun.of("cost", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(missing.err()).contains("no such file");
    }
}
