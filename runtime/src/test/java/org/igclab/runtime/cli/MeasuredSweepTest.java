package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.rules.io.JsonFields;
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
        Run first = igc("sweep", space.toString(), "--evaluate", "latency", "--runs", "1", "--warmup", "0",
                "--store", store.toString(), "--pareto", "params,latency_b1", "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode json = JsonFields.MAPPER.readTree(first.out());
        int passing = 0;
        for (JsonNode d : json.get("designs")) {
            if (d.get("status").asText().equals("pass")) {
                passing++;
                assertThat(d.at("/measured/latencyB1Ms").asDouble()).isPositive();
                assertThat(d.at("/measured/reused").asBoolean()).isFalse();
            }
        }
        // K = 5 divides neither 16 nor 32: four designs can be built
        assertThat(passing).isEqualTo(4);
        try (ResultStore db = ResultStore.open(store)) {
            assertThat(db.list(new RunQuery("evaluate", "tiny chains", "done", 0))).hasSize(4);
        }

        Run second = igc("sweep", space.toString(), "--evaluate", "latency", "--runs", "1", "--warmup", "0",
                "--store", store.toString(), "--json");
        assertThat(second.err()).contains("already in the store");
        for (JsonNode d : JsonFields.MAPPER.readTree(second.out()).get("designs")) {
            if (d.get("status").asText().equals("pass")) {
                assertThat(d.at("/measured/reused").asBoolean()).isTrue();
            }
        }
        try (ResultStore db = ResultStore.open(store)) {
            assertThat(db.list(new RunQuery("evaluate", null, null, 0))).hasSize(4);
        }
    }

    @Test
    void badEvaluateValueIsAnInputError(@TempDir Path dir) throws IOException {
        Path space = dir.resolve("space.json");
        Files.writeString(space, SPACE);
        Run run = igc("sweep", space.toString(), "--evaluate", "speed", "--store", dir.resolve("r.db").toString());
        assertThat(run.code()).isEqualTo(IgcCli.INVALID);
        assertThat(run.err()).contains("--evaluate = speed is not one of latency, train");
    }
}
