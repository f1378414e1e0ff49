package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.ResultStoreTest;
import org.igclab.runtime.store.RunStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code igc results} shows a sweep's or a study's design, whose stored name holds its block as JSON, as the sweep's
 * tables do ({@code block=igcv2 K=8 L=2 widen=last, width=64}); the JSON output keeps the name as stored.
 */
class ResultsDesignNameTest {
    private static final String STORED = "tiny [block={\"type\":\"igcv2\",\"K\":8,\"L\":2,\"widen\":\"last\"} width=64]";
    private static final String READABLE = "tiny [block=igcv2 K=8 L=2 widen=last, width=64]";

    /** A training with one epoch and an evaluation with one timing, both of the same sweep design. */
    private static Path store(Path dir) {
        Path file = dir.resolve("r.db");
        try (ResultStore db = ResultStore.open(file)) {
            long train = db.begin(new RunStart("train", STORED, "abcdef0123456789", "{}", "{}", "0123456789abcdef", 1000, 2000, "m", "e"));
            db.addEpoch(train, new EpochRecord(1, 1.0, 0.5, 0.4, 0.1, 1.5));
            db.finish(train, 1000L, 0.4, "{}");
            long evaluation = db.begin(new RunStart("evaluate", STORED, "abcdef0123456789", "{}", "{}", "fedcba9876543210", 1000, 2000, "m", "e"));
            db.finishEvaluation(evaluation, 1000L, List.of(ResultStoreTest.quiet(1, 0.5)), "{}");
        }
        return file;
    }

    @Test
    void tablesAndCsvShowTheDesignsVariablesNotItsJson(@TempDir Path dir) throws Exception {
        String db = store(dir).toString();
        for (String[] view : List.of(new String[] {}, new String[] {"--latency"}, new String[] {"--curve"}, new String[] {"--csv"},
                new String[] {"--latency", "--csv"}, new String[] {"--curve", "--csv"})) {
            List<String> args = new java.util.ArrayList<>(List.of("results", "--store", db));
            args.addAll(List.of(view));
            MeasuredSweepTest.Run run = MeasuredSweepTest.igc(args.toArray(String[]::new));
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).as(String.join(" ", view)).contains(READABLE).doesNotContain("\"type\"", "{\"");
        }
        // the legend of the drawn curves too
        Path svg = dir.resolve("curves.svg");
        assertThat(MeasuredSweepTest.igc("results", "--store", db, "--curve", "--plot", svg.toString()).code()).isZero();
        assertThat(java.nio.file.Files.readString(svg)).contains("tiny [block=igcv2 K=8 L=2 widen=last, width=64]");
    }

    @Test
    void jsonKeepsTheStoredNameThatNameMatches(@TempDir Path dir) throws Exception {
        String db = store(dir).toString();
        JsonNode json = JsonFields.MAPPER.readTree(MeasuredSweepTest.igc("results", "--store", db, "--json", "--name", "\"K\":8").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("designName").asText()).isEqualTo(STORED);
    }
}
