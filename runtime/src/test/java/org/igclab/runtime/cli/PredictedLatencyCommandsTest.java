package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.latency.Calibration;
import org.igclab.analyzer.latency.CalibrationNetworks;
import org.igclab.analyzer.latency.Fingerprint;
import org.igclab.analyzer.latency.LatencyModel;
import org.igclab.analyzer.latency.LatencyPrediction;
import org.igclab.analyzer.latency.Primitive;
import org.igclab.analyzer.network.Op;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.runtime.calibrate.CalibrationStore;
import org.igclab.runtime.engine.MachineInfo;
import org.igclab.runtime.latency.Interference;
import org.igclab.runtime.latency.LatencyStats;
import org.igclab.runtime.latency.Stop;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that predict latency, on a synthetic calibration stored in a real store: nothing is timed here. */
class PredictedLatencyCommandsTest {
    private static final String NETWORK = RuntimeOptionsTest.NETWORK;
    private static final String SPACE = Path.of("..", "samples", "spaces", "fashion-tiny.json").toString();

    /** A complete calibration of {@code machine}: every primitive takes 0.01 ms plus 1 ns per MAC and per element moved. */
    static Path calibrated(Path dir, Fingerprint machine) {
        Path file = dir.resolve("r.db");
        try (ResultStore store = ResultStore.open(file)) {
            CalibrationStore calibrations = new CalibrationStore(store);
            List<Primitive> grid = new ArrayList<>();
            for (int c : new int[] {8, 16, 32}) {
                for (int side : new int[] {7, 14, 28}) {
                    TensorShape x = new TensorShape(c, side, side);
                    for (Op op : List.of(Op.Conv.same(c, 1, 1, 1), Op.Conv.same(c, 3, 1, 1), Op.Conv.same(c, 3, 1, c), Op.Conv.same(c, 1, 1, c / 2),
                            Op.Conv.same(2 * c, 3, 2, c), Op.Conv.same(2 * c, 3, 2, 1), new Op.BatchNorm(), new Op.Activation(Op.Activation.Kind.RELU),
                            new Op.Shuffle(2), new Op.GlobalAvgPool(), new Op.Linear(10, true))) {
                        grid.add(Primitive.of(op, op instanceof Op.Linear ? new TensorShape(c * side, 1, 1) : x));
                    }
                }
            }
            long id = calibrations.begin(new CalibrationStore.Start(machine, "test", "test", 1, 1, grid.size()));
            Interference quiet = new Interference(Interference.Verdict.QUIET, 1, 0, 1, 0, 0, 2, "");
            for (Primitive p : grid) {
                double ms = 0.01 + 1e-6 * (p.macs() + p.reads() + p.out().elements());
                calibrations.addPoint(id, p, new LatencyStats("calibration", 1, 1, 1, 5, true, 10, ms, ms, ms, ms / 100, Stop.TARGET_MET, 1, quiet), ms);
            }
            calibrations.complete(id, 1e10, 1e11);
        }
        return file;
    }

    @Test
    void costLatencyPredictsPerOperationAndNamesTheCalibration(@TempDir Path dir) {
        Path store = calibrated(dir, MachineInfo.fingerprint());
        IgcCli.Captured run = IgcCli.capture("cost", NETWORK, "--latency", "--store", store.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("predicted from calibration 1 (test grid, batch 1, 1 thread").doesNotContain("WARNING");
        assertThat(run.out()).containsPattern("(?m)^total +[0-9.]+ +[0-9.]+");
        assertThat(run.out()).contains("predicted ").contains("roofline bound");

        IgcCli.Captured json = IgcCli.capture("cost", NETWORK, "--latency", "--json", "--store", store.toString());
        assertThat(json.out()).contains("\"sameMachine\" : true").contains("\"predictedMs\"");
    }

    @Test
    void wholeNetworksStoredWithTheCalibrationCorrectTheSumAndCostShowsBoth(@TempDir Path dir) throws Exception {
        Path file = calibrated(dir, MachineInfo.fingerprint());
        try (ResultStore store = ResultStore.open(file)) {
            CalibrationStore calibrations = new CalibrationStore(store);
            Calibration c = calibrations.best(MachineInfo.fingerprint(), 1, 1).orElseThrow();
            LatencyModel model = new LatencyModel(c);
            Interference quiet = new Interference(Interference.Verdict.QUIET, 1, 0, 1, 0, 0, 2, "");
            // the calibration's networks "measured" at 1.2 x their operations' sum + 0.002 ms per operation + 0.1 ms
            for (ResolvedNetwork n : CalibrationNetworks.all().stream().map(ShapeInference::resolve).toList()) {
                LatencyPrediction summed = LatencyPrediction.summed(n, model);
                double ms = 1.2 * summed.sum().ms() + 0.002 * summed.rows().size() + 0.1;
                calibrations.addNetwork(c.id(), n, new LatencyStats("calibration", 1, 1, 1, 5, true, 10, ms, ms, ms, ms / 100, Stop.TARGET_MET, 1,
                        quiet), ms);
            }
        }
        IgcCli.Captured run = IgcCli.capture("cost", NETWORK, "--latency", "--store", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^sum of operations +[0-9.]+").containsPattern("(?m)^total +[0-9.]+ +[0-9.]+ +network fit")
                .contains("network correction 1.200 x the operations' sum + 0.0020 ms per operation + 0.100 ms (no written-bytes term: no knee"
                        + " cut the leave-one-out error), fitted on "
                        + CalibrationNetworks.all().size() + " whole networks");

        IgcCli.Captured json = IgcCli.capture("cost", NETWORK, "--latency", "--json", "--store", file.toString());
        JsonNode o = JsonFields.MAPPER.readTree(json.out());
        assertThat(o.get("networkCorrection").get("networks").asInt()).isEqualTo(CalibrationNetworks.all().size());
        double sum = o.get("operationsSumMs").asDouble();
        assertThat(o.get("predictedMs").asDouble()).isCloseTo(1.2 * sum + 0.002 * o.get("layers").size() + 0.1, within(1e-6));
    }

    @Test
    void aCalibrationOfAnotherMachineIsUsedWithAWarning(@TempDir Path dir) {
        Path store = calibrated(dir, new Fingerprint("Some other CPU", 64, "DJL 0.1, PyTorch 1.0 (CPU)"));
        IgcCli.Captured run = IgcCli.capture("cost", NETWORK, "--latency", "--store", store.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("WARNING: that calibration was made on another machine or engine");
    }

    @Test
    void withoutACalibrationEveryPredictionIsBadInputNamingTheFix(@TempDir Path dir) {
        String store = dir.resolve("empty.db").toString();
        String[][] cases = {
            {"cost", NETWORK, "--latency", "--store", store},
            {"sweep", SPACE, "--pareto", "params,latency_pred", "--store", store},
            {"budget", SPACE, "--latency-pred", "5", "--vary", "width", "--store", store},
            {"study", "bench", SPACE, "--objectives", "params,latency_pred", "--store", store},
        };
        for (String[] c : cases) {
            IgcCli.Captured run = IgcCli.capture(c);
            assertThat(run.code()).as(String.join(" ", c)).isEqualTo(IgcCli.INVALID);
            assertThat(run.err()).contains("no calibration in ").contains("run igc calibrate");
        }
    }

    @Test
    void sweepAndBudgetRankAndBoundThePredictedLatency(@TempDir Path dir) {
        Path store = calibrated(dir, MachineInfo.fingerprint());
        IgcCli.Captured sweep = IgcCli.capture("sweep", SPACE, "--pareto", "params,latency_pred", "--csv", "--store", store.toString());
        assertThat(sweep.code()).as(sweep.err()).isZero();
        List<String> lines = sweep.out().lines().toList();
        int column = List.of(lines.get(0).split(",")).indexOf("latency_pred_ms");
        assertThat(column).isPositive();
        double[] predicted = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[column])).toArray();
        assertThat(predicted).hasSize(8);
        assertThat(java.util.Arrays.stream(predicted).boxed().toList()).allMatch(ms -> ms > 0);

        // the widest width whose prediction fits a budget between the smallest and the largest prediction
        double budget = (java.util.Arrays.stream(predicted).min().orElseThrow() + java.util.Arrays.stream(predicted).max().orElseThrow()) / 2;
        IgcCli.Captured fit = IgcCli.capture("budget", SPACE, "--latency-pred", String.valueOf(budget), "--vary", "width", "--step", "4",
                "--max", "64", "--csv", "--store", store.toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        List<String> rows = fit.out().lines().toList();
        int pred = List.of(rows.get(0).split(",")).indexOf("latency_pred_ms");
        assertThat(pred).isPositive();
        assertThat(rows.stream().skip(1).map(l -> l.split(",", -1)[pred]).filter(v -> !v.isEmpty()).map(Double::parseDouble).toList())
                .isNotEmpty().allMatch(ms -> ms <= budget);
    }

    @Test
    void theSearchQualityBenchRanksThePredictedLatency(@TempDir Path dir) throws Exception {
        Path store = calibrated(dir, MachineInfo.fingerprint());
        IgcCli.Captured sweep = IgcCli.capture("sweep", SPACE, "--pareto", "params,latency_pred", "--csv", "--store", store.toString());
        List<String> lines = sweep.out().lines().toList();
        int column = List.of(lines.get(0).split(",")).indexOf("latency_pred_ms");
        double fastest = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[column])).min().orElseThrow();

        IgcCli.Captured bench = IgcCli.capture("study", "bench", SPACE, "--objectives", "params,latency_pred", "--evaluations", "4",
                "--seeds", "2", "--json", "--store", store.toString());
        assertThat(bench.code()).as(bench.err()).isZero();
        assertThat(bench.err()).contains("predicted from calibration 1");
        com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bench.out());
        // the best predicted latency over the space's designs is the normalization's ideal point on that objective
        assertThat(r.get("ideal").get(1).asDouble()).isCloseTo(fastest, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(r.get("exactFront").asInt()).isPositive();
    }
}
