package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.rules.io.ChainJson;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** latency_pred in the explorer: the same prediction as {@code igc cost --latency}, from a synthetic calibration in a real store. */
class LatencyPredictionsTest {
    private static final int SIDE = 32;

    private static List<DesignRow> rows() {
        return ChainEnumerator.enumerate(new EnumerationOptions(32, 1, 4, FirstKernel.CHANNEL_WISE, 1, Integer.MAX_VALUE, 3, SIDE, false),
                org.igclab.analyzer.ProgressListener.NONE)
                .stream().map(d -> new DesignRow(d, d.params(), d.macs(), null, null, null)).toList();
    }

    private static Path calibrated(Path dir, Fingerprint machine, List<DesignRow> rows) {
        return SyntheticCalibration.write(dir.resolve("results.db"), machine,
                rows.stream().map(r -> NetworkTemplate.BLOCK.design(r.design().shape()).network(SIDE)).toList());
    }

    @Test
    void withoutACalibrationNothingIsPredictedAndTheScatterSaysHowToCalibrate(@TempDir Path dir) {
        List<DesignRow> rows = rows();
        assertThat(LatencyPredictions.load(dir.resolve("none.db"))).isEqualTo(LatencyPredictions.NONE);
        assertThat(Files.exists(dir.resolve("none.db"))).as("merely looking creates no store").isFalse();
        try (ResultStore s = ResultStore.open(dir.resolve("empty.db"))) {
            assertThat(s.file()).exists();
        }
        LatencyPredictions none = LatencyPredictions.load(dir.resolve("empty.db"));
        assertThat(none.model()).isEmpty();
        assertThat(none.of(rows, NetworkTemplate.BLOCK, SIDE, () -> false)).isEmpty();
        ScatterData s = ScatterData.of(rows, new Requests.ChartAxes(Axis.PARAMS, Axis.LATENCY_PRED, true, true));
        assertThat(s.size()).isZero();
        assertThat(s.note()).startsWith("No predicted latency: the results store has no calibration; igc calibrate");
    }

    @Test
    void eachDesignIsPredictedAsIgcCostPredictsIt(@TempDir Path dir) throws Exception {
        List<DesignRow> rows = rows();
        Path store = calibrated(dir, MachineInfo.fingerprint(), rows);
        LatencyPredictions p = LatencyPredictions.load(store);
        assertThat(p.otherMachine()).isFalse();
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<String, PredictedLatency> predicted = p.of(rows, NetworkTemplate.BLOCK, SIDE, () -> false, (done, total) -> told.add(done + "/" + total));
        assertThat(predicted).hasSameSizeAs(rows);
        // each design predicted is told, for the status bar's progress
        assertThat(told).hasSize(rows.size()).startsWith("1/" + rows.size()).endsWith(rows.size() + "/" + rows.size());
        for (DesignRow r : rows.subList(0, 3)) {
            Path chain = dir.resolve(r.groupSizes().replace(',', '-') + ".json");
            Files.writeString(chain, ChainJson.write(((org.igclab.analyzer.design.Design.ChainDesign) NetworkTemplate.BLOCK.design(r.design().shape())).document()));
            IgcCli.Captured cost = IgcCli.capture("cost", chain.toString(), "--latency", "--json", "--resolution", "" + SIDE, "--store", store.toString());
            assertThat(cost.code()).as(cost.err()).isZero();
            double ms = JsonFields.MAPPER.readTree(cost.out()).get("predictedMs").asDouble();
            assertThat(predicted.get(r.groupSizes()).ms()).isCloseTo(ms, within(1e-9 * ms));
        }
        // the rows take their predictions in place; the table's column says nothing about another machine
        List<DesignRow> after = LatencyPredictions.apply(rows, predicted);
        assertThat(after).extracting(DesignRow::groupSizes).isEqualTo(rows.stream().map(DesignRow::groupSizes).toList());
        assertThat(after).allMatch(r -> r.predictedMs() > 0);
        assertThat(LatencyPredictions.apply(after, predicted)).as("nothing new").isNull();
        assertThat(PredictedLatency.header(after)).isEqualTo("latency_pred\n(ms)");
        ScatterData s = ScatterData.of(after, new Requests.ChartAxes(Axis.PARAMS, Axis.LATENCY_PRED, true, true));
        assertThat(s.size()).isEqualTo(rows.size());
        assertThat(s.note()).doesNotContain("another machine", "calibration");
    }

    @Test
    void aCalibrationOfAnotherMachineIsUsedAndSaidSo(@TempDir Path dir) {
        List<DesignRow> rows = rows();
        Path store = calibrated(dir, new Fingerprint("Some other CPU", 64, "DJL 0.1, PyTorch 1.0 (CPU)"), rows);
        LatencyPredictions p = LatencyPredictions.load(store);
        assertThat(p.otherMachine()).isTrue();
        List<DesignRow> after = LatencyPredictions.apply(rows, p.of(rows, NetworkTemplate.BLOCK, SIDE, () -> false));
        assertThat(PredictedLatency.header(after)).isEqualTo("latency_pred\n(ms, other machine)");
        assertThat(ScatterData.of(after, new Requests.ChartAxes(Axis.LATENCY_PRED, Axis.LENGTH, true, false)).note())
                .contains("Latency predicted from another machine's calibration");
    }
}
