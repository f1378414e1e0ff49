package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code igc results} on a store upgraded from version 1: its latencies are shown, marked unchecked. */
class ResultsCommandTest {

    private static Path upgraded(Path dir) throws Exception {
        Path store = dir.resolve("old.db");
        Files.copy(Path.of("src/test/resources/store/v1-results.db"), store);
        return store;
    }

    @Test
    void upgradedLatencyIsListedMarkedUnchecked(@TempDir Path dir) throws Exception {
        Path store = upgraded(dir);
        MeasuredSweepTest.Run text = MeasuredSweepTest.igc("results", "--store", store.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("b1 0.54±? unchecked, b32 72.25±? unchecked")
                .contains("unchecked: measured before interference was checked");

        MeasuredSweepTest.Run rows = MeasuredSweepTest.igc("results", "--store", store.toString(), "--latency", "--json");
        JsonNode json = JsonFields.MAPPER.readTree(rows.out());
        assertThat(json).hasSize(3);
        assertThat(json.get(0).get("run").asLong()).isEqualTo(2);
        assertThat(json.get(0).get("verdict").asText()).isEqualTo("unchecked");
        assertThat(json.get(0).get("halfWidthMs").isNull()).isTrue();

        MeasuredSweepTest.Run csv = MeasuredSweepTest.igc("results", "--store", store.toString(), "--csv");
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).contains("latency_b1_ms,latency_b1_half_width_ms,latency_b1_noisy,latency_b32_ms");
        assertThat(lines.get(3)).contains(",0.541013,,,72.253808,,,");
    }

    @Test
    void curveAndLatencyCannotBeCombined(@TempDir Path dir) throws Exception {
        MeasuredSweepTest.Run run = MeasuredSweepTest.igc("results", "--store", upgraded(dir).toString(), "--id", "1", "--curve", "--latency");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("igc results: --curve, --latency are mutually exclusive (specify only one)");
    }
}
