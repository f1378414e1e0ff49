package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code igc sweep --evaluate latency}: every passing design measured and stored once; a second sweep reuses the store. */
class MeasuredSweepTest {

    static final String SPACE = """
            {"format": "igc-space/1", "name": "tiny chains",
             "template": {"format": "igc-network/1", "input": {"channels": "${C}", "size": 8},
                          "layers": [{"type": "igcv2", "groupSizes": [1, "${K}", "${C / K}"]}]},
             "grid": {"C": [16, 32], "K": [2, 4, 5]}}""";

    record Run(int code, String out, String err) {
    }

    static Run igc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IgcCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void measuresEveryPassingDesignOnceAndReusesTheStore(@TempDir Path dir) throws IOException {
        Path space = dir.resolve("space.json");
        Files.writeString(space, SPACE);
        Path store = dir.resolve("r.db");
        Run first = igc("sweep", space.toString(), "--evaluate", "latency", "--runs", "1", "--warmup", "0", "--attempts", "1",
                "--store", store.toString(), "--pareto", "params,latency_b1", "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode json = JsonFields.MAPPER.readTree(first.out());
        Map<Integer, Boolean> noisy = new HashMap<>();
        for (JsonNode d : json.get("designs")) {
            if (d.get("status").asText().equals("pass")) {
                assertThat(d.at("/measured/latency/b1/medianMs").asDouble()).isPositive();
                assertThat(d.at("/measured/latency/b32/medianMs").asDouble()).isPositive();
                assertThat(d.at("/measured/reused").asBoolean()).isFalse();
                boolean n = d.at("/measured/latency/b1/noisy").asBoolean() || d.at("/measured/latency/b32/noisy").asBoolean();
                noisy.put(d.get("design").asInt(), n);
                // a noisy latency is never ranked
                if (d.at("/measured/latency/b1/noisy").asBoolean()) {
                    assertThat(d.get("pareto").asBoolean()).isFalse();
                }
            }
        }
        // K = 5 divides neither 16 nor 32: four designs can be built
        assertThat(noisy).hasSize(4);
        assertThat(json.at("/counts/unranked").asInt()).isEqualTo((int) json.findValues("b1").stream().filter(b -> b.get("noisy").asBoolean()).count());
        try (ResultStore db = ResultStore.open(store)) {
            assertThat(db.list(new RunQuery("evaluate", "tiny chains", "done", 0))).hasSize(4)
                    .allSatisfy(r -> assertThat(r.latency()).extracting(LatencyStats::batch).containsExactly(1, 32));
        }

        // a design measured quiet is reused; one measured noisy is measured again
        Run second = igc("sweep", space.toString(), "--evaluate", "latency", "--runs", "1", "--warmup", "0", "--attempts", "1",
                "--store", store.toString(), "--json");
        long remeasured = noisy.values().stream().filter(n -> n).count();
        if (remeasured < 4) {
            assertThat(second.err()).contains("already in the store");
        }
        for (JsonNode d : JsonFields.MAPPER.readTree(second.out()).get("designs")) {
            if (d.get("status").asText().equals("pass")) {
                assertThat(d.at("/measured/reused").asBoolean()).isEqualTo(!noisy.get(d.get("design").asInt()));
            }
        }
        try (ResultStore db = ResultStore.open(store)) {
            assertThat(db.list(new RunQuery("evaluate", null, null, 0))).hasSize(4 + (int) remeasured);
        }
    }

    @Test
    void aLatencyObjectiveNeedsItsBatchTimed(@TempDir Path dir) throws IOException {
        Path space = dir.resolve("space.json");
        Files.writeString(space, SPACE);
        Run run = igc("sweep", space.toString(), "--evaluate", "latency", "--pareto", "params,latency_b8", "--store", dir.resolve("r.db").toString());
        assertThat(run.code()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err().strip()).isEqualTo("igc sweep: --pareto latency_b8: batch 8 is not timed (--batch 1,32); add it to --batch");
        assertThat(dir.resolve("r.db")).doesNotExist();
        Run train = igc("sweep", space.toString(), "--evaluate", "train", "--pareto", "latency_b1", "--store", dir.resolve("r.db").toString());
        assertThat(train.code()).isEqualTo(IgcCli.INVALID);
        assertThat(train.err()).contains("--pareto latency_b1 is a latency; it needs --evaluate latency, not --evaluate train");
        Run unmeasured = igc("sweep", space.toString(), "--threads", "2");
        assertThat(unmeasured.code()).isEqualTo(IgcCli.INVALID);
        assertThat(unmeasured.err()).contains("--threads applies to a measured sweep");
    }

    @Test
    void badEvaluateValueIsAnInputError(@TempDir Path dir) throws IOException {
        Path space = dir.resolve("space.json");
        Files.writeString(space, SPACE);
        Run run = igc("sweep", space.toString(), "--evaluate", "speed", "--store", dir.resolve("r.db").toString());
        assertThat(run.code()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err()).contains("Invalid value for option '--evaluate': 'speed' is not one of latency, train");
    }
}
