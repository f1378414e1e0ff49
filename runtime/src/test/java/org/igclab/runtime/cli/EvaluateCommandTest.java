package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.rules.io.JsonFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code igc evaluate}: what its report says about each timing, and the input it refuses. */
class EvaluateCommandTest {
    static final String CHAIN = Path.of("..", "samples", "chains", "igcv1-l4m2.json").toString();

    @Test
    void theJsonReportCarriesThreadsBatchHalfWidthAndNoisy() throws Exception {
        MeasuredSweepTest.Run run = MeasuredSweepTest.igc("evaluate", CHAIN, "--resolution", "8", "--batch", "1,3", "--min-runs", "6",
                "--max-runs", "6", "--warmup", "5", "--attempts", "1", "--no-store", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = JsonFields.MAPPER.readTree(run.out());
        assertThat(json.get("latency")).hasSize(2);
        for (JsonNode l : json.get("latency")) {
            assertThat(l.get("threads").asInt()).isEqualTo(1);
            assertThat(l.get("interopThreads").asInt()).isPositive();
            assertThat(l.get("batch").asInt()).isIn(1, 3);
            assertThat(l.get("runs").asInt()).isEqualTo(6);
            assertThat(l.get("halfWidthMs").isNumber()).isTrue();
            assertThat(l.get("noisy").isBoolean()).isTrue();
            assertThat(l.get("verdict").asText()).isIn("quiet", "noisy");
            assertThat(l.has("loadBefore") && l.has("loadAfter") && l.has("runnable")).isTrue();
        }
        assertThat(json.get("noisy").isBoolean()).isTrue();
        assertThat(json.get("engine").asText()).contains("1 intra-op and");
    }

    @Test
    void theTextReportSaysHowItTimedAndWithWhichThreads() {
        MeasuredSweepTest.Run run = MeasuredSweepTest.igc("evaluate", CHAIN, "--resolution", "8", "--batch", "2", "--max-runs", "6",
                "--warmup", "0", "--attempts", "1", "--threads", "1", "--no-store");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 intra-op and").contains("95% confidence half-width").contains("a pass is disturbed when")
                .containsPattern("(?m)^auto +2 +1\\+\\d");
    }

    @Test
    void badTimingOptionsAreOneLineAndExitTwo(@TempDir Path dir) {
        String[][] cases = {
            {"--target", "0", "--target = 0.0 must be a percentage above 0 and below 100"},
            {"--batch", "0", "Invalid value for option '--batch' (N): '0' must be positive"},
            {"--batch", "2,2", "--batch = [2, 2]: a batch size is named twice"},
            {"--max-seconds", "-1", "--max-seconds = -1.0 must be above 0 and at most 86400"},
            {"--attempts", "0", "Invalid value for option '--attempts': '0' must be positive"},
            {"--threads", "-1", "--threads = -1 must be from 0 (the engine's choice) to 1024"},
            // libgomp would try to allocate for 2^31 - 1 threads and crash the JVM
            {"--threads", "2147483647", "--threads = 2147483647 must be from 0 (the engine's choice) to 1024"},
        };
        for (String[] c : cases) {
            MeasuredSweepTest.Run run = MeasuredSweepTest.igc("evaluate", CHAIN, c[0], c[1], "--no-store");
            assertThat(run.code()).as(c[0]).isEqualTo(IgcCli.INVALID);
            // the message, and for an option picocli refuses while parsing, a pointer to the help
            assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("igc evaluate: " + c[2]);
            assertThat(run.err().lines().skip(1).toList()).isSubsetOf("Try 'igc evaluate --help' for usage and examples.");
        }
    }

    @Test
    void aBatchTooLargeForMemoryIsRefusedWithTheFigure(@TempDir Path dir) {
        Path store = dir.resolve("r.db");
        MeasuredSweepTest.Run run = MeasuredSweepTest.igc("evaluate", Path.of("..", "samples", "networks", "resnet18.json").toString(),
                "--batch", "1000000", "--store", store.toString());
        assertThat(run.code()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("igc evaluate: batch 1000000: the design needs about").contains("TiB").contains("of this machine's");
        assertThat(store).as("refused before the store is opened").doesNotExist();
    }
}
