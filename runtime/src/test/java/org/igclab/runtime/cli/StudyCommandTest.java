package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code igc study create/run/show/list/bench} through the command line, on studies small enough for every build. */
class StudyCommandTest {
    @TempDir
    Path dir;

    private static IgcCli.Captured igc(String... args) {
        return IgcCli.capture(args);
    }

    @Test
    void anAnalyticStudyIsCreatedRunResumedAndShown() throws Exception {
        String store = dir.resolve("r.db").toString();
        String space = "../samples/spaces/cifar-igcv2-search.json";
        assertThat(igc("study", "create", "s", "--space", space, "--objectives", "params,width:max", "--store", store).code())
                .isEqualTo(IgcCli.OK);
        IgcCli.Captured first = igc("study", "run", "s", "--trials", "12", "--sampler", "nsga2", "--population", "6", "--store", store);
        assertThat(first.code()).as(first.err()).isEqualTo(IgcCli.OK);
        assertThat(first.out()).contains("12 measured");
        IgcCli.Captured again = igc("study", "run", "s", "--trials", "8", "--sampler", "random", "--store", store);
        assertThat(again.code()).isEqualTo(IgcCli.OK);
        IgcCli.Captured json = igc("study", "show", "s", "--json", "--store", store, "--plot", dir.resolve("front.svg").toString());
        assertThat(json.code()).as(json.err()).isEqualTo(IgcCli.OK);
        JsonNode shown = JsonFields.MAPPER.readTree(json.out());
        assertThat(shown.get("counts").get("done").asInt()).isEqualTo(20);
        assertThat(shown.get("front").size()).isPositive();
        java.util.Set<Long> designs = new java.util.HashSet<>();
        shown.get("trials").forEach(t -> assertThat(designs.add(t.get("design").asLong())).isTrue());
        shown.get("trials").forEach(t -> {
            if (t.get("status").asText().equals("infeasible")) {
                assertThat(t.get("values").get("params").asLong()).isGreaterThan(1_000_000);
            }
        });
        assertThat(Files.readString(dir.resolve("front.svg"))).startsWith("<?xml").contains("<svg");
        IgcCli.Captured text = igc("study", "show", "s", "--store", store);
        assertThat(text.out()).contains("Pareto front:", "best: params trial").containsPattern("best: params trial \\d+ \\(block=igcv2 K=");
        // where the sampler stands, by its fields; the JSON has it as stored
        assertThat(text.out()).containsPattern("(?m)^trials: \\d+ \\(done 20, .*\\); sampler random seed=42 told=20$");
        assertThat(shown.get("sampler").get("sampler").asText()).isEqualTo("random");
        // the design as the sweep's table shows it: a column per variable, the block by its fields, no JSON
        assertThat(text.out().substring(text.out().indexOf("best:"))).doesNotContain("{", "\"")
                .containsPattern("(?m)^\\s*trial\\s+design\\s+block\\s+width\\s+depth\\s+K\\s+L\\s+sampler\\s+status")
                .containsPattern("(?m)^\\s*1\\s+\\d+\\s+igcv2 K=\\d+ L=\\d+ widen=last\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+nsga2\\s+");
        assertThat(igc("study", "list", "--store", store).out()).contains("s ", "params,width:max");
        IgcCli.Captured csv = igc("study", "show", "s", "--csv", "--store", store);
        // the design's variables flattened (no JSON in a cell), then the objectives
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("trial,design,variables.block.type,variables.block.K,"
                + "variables.block.L,variables.block.widen,variables.width,variables.depth,variables.K,variables.L,sampler,status,params,width,pareto,"
                + "violation,runs,reason");
        assertThat(csv.out()).doesNotContain("{");
        assertThat(csv.out().lines().skip(1).findFirst().orElseThrow()).containsPattern("^1,\\d+,igcv2,\\d+,\\d+,last,\\d+,\\d+,\\d+,\\d+,nsga2,");
        IgcCli.Captured list = igc("study", "list", "--csv", "--store", store);
        assertThat(list.out().lines().findFirst().orElseThrow())
                .isEqualTo("name,space,objectives,constraints,trials,trials_done,trials_pruned,trials_pending,trials_failed,trials_infeasible,"
                        + "trials_invalid,created");
        assertThat(list.out()).doesNotContain("{").containsPattern(",\\d+,20,0,0,0,\\d+,\\d+,");
    }

    @Test
    void aLatencyStudyMeasuresEachFeasibleDesignOnceAndStoresItsRuns() throws Exception {
        Path space = dir.resolve("space.json");
        Files.writeString(space, MeasuredSweepTest.SPACE);
        String store = dir.resolve("r.db").toString();
        assertThat(igc("study", "create", "lat", "--space", space.toString(), "--objectives", "latency_b1,params", "--constraints",
                "complementary", "--store", store).code()).isEqualTo(IgcCli.OK);
        String[] timing = {"--min-runs", "3", "--max-runs", "5", "--warmup", "1", "--max-seconds", "2", "--attempts", "1"};
        IgcCli.Captured run = igc(concat(new String[] {"study", "run", "lat", "--trials", "10", "--sampler", "grid", "--store", store}, timing));
        assertThat(run.code()).as(run.err()).isEqualTo(IgcCli.OK);
        assertThat(run.out()).contains("the sampler has no design left");
        try (ResultStore db = ResultStore.open(Path.of(store))) {
            // C=16 K=2,4 and C=32 K=2,4 are complementary (prod K = C); K=5 cannot be built
            assertThat(db.list(new RunQuery("evaluate", null, null, 0))).hasSize(4);
        }
        IgcCli.Captured shown = igc("study", "show", "lat", "--json", "--store", store);
        JsonNode n = JsonFields.MAPPER.readTree(shown.out());
        assertThat(n.get("trials").size()).isEqualTo(6);
        assertThat(n.get("counts").get("done").asInt()).isEqualTo(4);
        n.get("trials").forEach(t -> {
            if (t.get("status").asText().equals("done")) {
                assertThat(t.get("runs").size()).isEqualTo(1);
            }
        });
        // run again: nothing repeated, nothing measured
        IgcCli.Captured again = igc(concat(new String[] {"study", "run", "lat", "--trials", "3", "--store", store, "--sampler", "grid"}, timing));
        assertThat(again.out()).contains("0 measured");
        try (ResultStore db = ResultStore.open(Path.of(store))) {
            assertThat(db.list(new RunQuery("evaluate", null, null, 0))).hasSize(4);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        String store = dir.resolve("r.db").toString();
        String space = "../samples/spaces/cifar-igcv2-grid.json";
        IgcCli.Captured obj = igc("study", "create", "x", "--space", space, "--objectives", "parms", "--store", store);
        assertThat(obj.code()).isEqualTo(IgcCli.INVALID);
        assertThat(obj.err()).contains("--objectives parms").doesNotContain("Exception");
        assertThat(igc("study", "create", "x", "--space", space, "--objectives", "params", "--constraints", "maxParams=0",
                "--store", store).err()).contains("maxParams=0 must be positive");
        assertThat(igc("study", "create", "x", "--space", space, "--objectives", "params", "--store", store).code()).isZero();
        assertThat(igc("study", "create", "x", "--space", space, "--objectives", "params", "--store", store).err()).contains("already");
        assertThat(igc("study", "run", "nope", "--trials", "3", "--store", store).err()).contains("no study named nope");
        assertThat(igc("study", "run", "x", "--trials", "0", "--store", store).err()).contains("--trials': '0' must be positive");
        assertThat(igc("study", "run", "x", "--trials", "2", "--sampler", "tpe", "--store", store).err()).contains("'tpe' is not one of grid, random, nsga2");
        assertThat(igc("study", "show", "x", "--plot", dir.resolve("a.gif").toString(), "--store", store).err()).contains(".png or .svg");
        assertThat(igc("study", "create", "bad name", "--space", space, "--objectives", "params", "--store", store).code())
                .isEqualTo(IgcCli.INVALID);
    }

    @Test
    void theBenchPrintsEverySamplerAtEveryBudget() {
        IgcCli.Captured b = igc("study", "bench", "../samples/spaces/cifar-igcv2-grid.json", "--objectives", "params,width:max",
                "--evaluations", "10,20", "--seeds", "2", "--population", "4");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("exact front", "grid", "random", "nsga2");
        assertThat(b.out().lines().filter(l -> l.startsWith("nsga2") || l.startsWith("random") || l.startsWith("grid")).count())
                .isEqualTo(6);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
