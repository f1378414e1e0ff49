package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.EnumeratedDesign;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.rules.condition.BalanceCondition;
import org.igclab.runtime.evaluate.StoredEvaluation;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorationTest {
    static final EnumerationOptions C64 = new EnumerationOptions(64, 1, 8, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 32, false);
    static final NetworkTemplates SAMPLES = NetworkTemplates.load(Path.of("..", "samples", "networks"));

    private static ExplorationResult run(EnumerationOptions o, NetworkTemplate t, Long budget, Measurements m) {
        return Exploration.run(new Requests.Exploration(o, t.key(), List.of(16), Axis.PARAMS, budget), t, m, Exploration.Steps.NONE, () -> false);
    }

    @Test
    void theRowsAreTheEnumeratorsDesigns() {
        ExplorationResult r = run(C64, NetworkTemplate.BLOCK, null, Measurements.NONE);
        List<EnumeratedDesign> expected = ChainEnumerator.enumerate(C64, (d, n) -> { });
        assertThat(r.rows()).extracting(DesignRow::design).containsExactlyElementsOf(expected);
        assertThat(r.rows()).allMatch(row -> row.params() == row.design().params() && row.macs() == row.design().macs());
        assertThat(r.budget()).isNull();
        assertThat(r.preferred("").orElseThrow().groupSizes()).isEqualTo("1,4,4,4");
        assertThat(r.preferred("1,8,8").orElseThrow().groupSizes()).isEqualTo("1,8,8");
    }

    @Test
    void tooManyDesignsAreRefusedWithANotice() {
        EnumerationOptions o = new EnumerationOptions(3840, 1, 64, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 32, false);
        ExplorationResult r = run(o, NetworkTemplate.BLOCK, null, Measurements.NONE);
        assertThat(r.rows()).isEmpty();
        assertThat(r.notice()).contains("C = 3840 has", "narrow the layer range");
    }

    @Test
    void aNetworkTemplateCostsTheWholeNetwork() {
        NetworkTemplate cifar = SAMPLES.all().stream().filter(t -> t.key().equals("cifar-d38-3x32-k10")).findFirst().orElseThrow();
        ExplorationResult r = run(C64.withLayers(2, 3), cifar, null, Measurements.NONE);
        assertThat(r.rows()).isNotEmpty();
        for (DesignRow row : r.rows()) {
            var cost = CostModel.of(cifar.network(row.design().shape(), ""));
            assertThat(row.params()).isEqualTo(cost.params().total());
            assertThat(row.macs()).isEqualTo(cost.macs());
        }
        // K = (1,8,8) at C = 64 widens its last kernel with the stages: (1,8,16) at 128, (1,8,32) at 256, like the
        // paper's rule in the sample network (which splits the extra factor off as a fourth kernel instead); a stage's
        // first block doubles the width in its last kernel, so every block is strictly complementary
        DesignRow paper = r.byGroupSizes("1,8,8").orElseThrow();
        var network = org.igclab.analyzer.network.ShapeInference.resolve(cifar.network(paper.design().shape(), ""));
        var chains = new java.util.ArrayList<String>();
        collect(network.root(), chains);
        assertThat(chains).containsSubsequence("1,8,8", "1,8,16", "1,8,32");
        var verdicts = org.igclab.analyzer.report.NetworkVerdicts.of(network.root());
        assertThat(verdicts.allStrict()).as(verdicts.text()).isTrue();
    }

    private static void collect(org.igclab.analyzer.network.Layer layer, List<String> chains) {
        if (layer instanceof org.igclab.analyzer.network.Layer.BlockLayer b) {
            b.template().chain(b.in()).ifPresent(c -> chains.add(String.join(",",
                    java.util.Arrays.stream(c.groupSizes()).mapToObj(String::valueOf).toList())));
        }
        layer.children().forEach(child -> collect(child, chains));
    }

    @Test
    void theBudgetCurveHoldsTheWidestWidthThatFits() {
        long budget = 20_000;
        ExplorationResult r = run(C64.withLayers(1, 5), NetworkTemplate.BLOCK, budget, Measurements.NONE);
        assertThat(r.budget().entries()).extracting(BudgetCurve.Entry::length).containsExactly(1, 2, 3, 4, 5);
        for (BudgetCurve.Entry e : r.budget().entries()) {
            assertThat(e.found()).isTrue();
            assertThat(e.cost()).isLessThanOrEqualTo(budget);
            assertThat(Cheapest.of(C64, e.width(), e.length()).orElseThrow().weights()).isEqualTo(e.cost());
            // no wider multiple of 8 with a chain of this length fits
            for (int w = e.width() + BudgetCurve.STEP; w <= BudgetCurve.MAX_WIDTH; w += BudgetCurve.STEP) {
                Optional<Cheapest.Best> wider = Cheapest.of(C64, w, e.length());
                assertThat(wider.isEmpty() || wider.get().weights() > budget).as("width %d at L = %d", w, e.length()).isTrue();
            }
        }
    }

    @Test
    void theCurvesMarkTheClosedFormOptimum() {
        LengthCurves curves = LengthCurves.of(C64.withFirstKernel(FirstKernel.CHANNEL_WISE), List.of(256));
        assertThat(curves.curves()).extracting(LengthCurves.Curve::channels).containsExactly(64, 256);
        LengthCurves.Curve c = curves.curves().get(0);
        assertThat(c.optimum().length()).isEqualTo(BalanceCondition.channelWiseOptimalLength(64));
        assertThat(c.optimum().weights()).isEqualTo(BalanceCondition.channelWiseOptimalWeights(64, 9));
        // the cheapest chain of each length is at or above the bound, and the enumerator's cheapest of that length
        for (LengthCurves.Point p : c.best()) {
            int l = (int) p.length();
            long cheapest = ChainEnumerator.enumerate(C64.withFirstKernel(FirstKernel.CHANNEL_WISE).withLayers(l, l), (d, n) -> { })
                    .stream().mapToLong(EnumeratedDesign::params).min().orElseThrow();
            assertThat((long) p.weights()).isEqualTo(cheapest);
            assertThat(p.weights()).isGreaterThanOrEqualTo(BalanceCondition.channelWiseBoundAtLength(64, 9, l) - 1e-6);
        }
    }

    private static LatencyStats b1(double ms, Interference.Verdict verdict) {
        return new LatencyStats("sparse", 1, 1, 1, 10, true, 30, ms, ms, ms, ms * 0.01, Stop.TARGET_MET, 1,
                new Interference(verdict, 0.99, 0, 1, 0.5, 0.5, 2, verdict == Interference.Verdict.NOISY ? "busy" : ""));
    }

    private static void store(ResultStore store, String hash, LatencyStats latency) {
        long run = store.begin(new RunStart(StoredEvaluation.KIND, "x", hash, "{}", "{}", "s", 1, 1, "m", "e"));
        store.finishEvaluation(run, 1L, List.of(latency), "{}");
    }

    @Test
    void measurementsAreJoinedByDesignIdentity(@TempDir Path dir) {
        Path db = dir.resolve("results.db");
        EnumerationOptions o = C64.withLayers(3, 3).withFirstKernel(FirstKernel.CHANNEL_WISE);
        ExplorationResult plain = run(o, NetworkTemplate.BLOCK, null, Measurements.NONE);
        DesignRow measured = plain.byGroupSizes("1,8,8").orElseThrow();
        DesignRow busy = plain.byGroupSizes("1,4,16").orElseThrow();
        String hash = DesignIdentity.of(NetworkTemplate.BLOCK.design(measured.design().shape())).hash();
        String busyHash = DesignIdentity.of(NetworkTemplate.BLOCK.design(busy.design().shape())).hash();
        try (ResultStore store = ResultStore.open(db)) {
            store(store, hash, b1(1.25, Interference.Verdict.QUIET));
            // a newer noisy timing of the same design does not replace the quiet one
            store(store, hash, b1(9.0, Interference.Verdict.NOISY));
            store(store, busyHash, b1(0.5, Interference.Verdict.NOISY));
        }
        ExplorationResult joined = run(o, NetworkTemplate.BLOCK, null, Measurements.load(db));
        DesignRow quiet = joined.byGroupSizes("1,8,8").orElseThrow();
        assertThat(quiet.latencyMs()).isEqualTo(1.25);
        assertThat(quiet.latencyNoisy()).isFalse();
        DesignRow noisy = joined.byGroupSizes("1,4,16").orElseThrow();
        assertThat(noisy.latency()).isEqualTo(new MeasuredLatency(0.5, true));
        assertThat(noisy.latency().text()).isEqualTo("0.50 noisy");
        assertThat(Axis.LATENCY.of(noisy)).isNaN();
        assertThat(joined.rows()).filteredOn(r -> !List.of("1,8,8", "1,4,16").contains(r.groupSizes())).allMatch(r -> r.latencyMs() == null);
        // on a latency chart the noisy design is left out, with a note saying why; the quiet one is plotted
        ScatterData chart = ScatterData.of(joined.rows(), new Requests.ChartAxes(Axis.PARAMS, Axis.LATENCY, false, false));
        assertThat(chart.rows()).containsExactly(quiet);
        // the noisy one is drawn apart, marked, and never on the front
        assertThat(chart.noisyRows()).containsExactly(noisy);
        assertThat(chart.onFront()).doesNotContain(noisy);
        assertThat(chart.note()).contains("1 latencies measured under interference (noisy) are grey rings, left out of the front")
                .startsWith(String.format("%,d shown designs have no", joined.rows().size() - 2));
        assertThat(Measurements.load(dir.resolve("absent.db")).isEmpty()).isTrue();
        assertThat(dir.resolve("absent.db")).doesNotExist();
    }
}
