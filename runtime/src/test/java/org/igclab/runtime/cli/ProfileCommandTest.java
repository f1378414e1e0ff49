package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.igclab.analyzer.cli.DesignInputs;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.network.ShapeInference;
import org.igclab.runtime.engine.MachineInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code igc profile} on a small network: every operation timed inside the pass, priced where a calibration exists. */
class ProfileCommandTest {
    private static final String NETWORK = RuntimeOptionsTest.NETWORK;

    @Test
    void profilesEveryOperationBesideTheCalibrationsPrice(@TempDir Path dir) throws IOException {
        Path store = PredictedLatencyCommandsTest.calibrated(dir, MachineInfo.fingerprint());
        IgcCli.Captured run = IgcCli.capture("profile", NETWORK, "--max-seconds", "1", "--store", store.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("each operation timed inside the network's forward pass")
                .contains("predicted from calibration 1 (test grid, batch 1, 1 thread")
                .containsPattern("(?m)^operations summed +[0-9.]+ +[0-9.]+% +[0-9.]+ +[0-9.]+$")
                .containsPattern("(?m)^conv channel-wise 3/1 +[0-9]+ +[0-9.]+ +[0-9.]+% +[0-9.]+ +[0-9.]+$")
                .contains("joins and the rest of the pass").contains("by class of the latency model");

        int ops = ShapeInference.resolve(DesignInputs.read(Path.of(NETWORK)).network(28)).ops().size();
        IgcCli.Captured csv = IgcCli.capture("profile", NETWORK, "--max-seconds", "1", "--csv", "--store", store.toString());
        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(csv.out().lines()).hasSize(ops + 1).first().isEqualTo("layer,op,output,class,measured_ms,predicted_ms");
        assertThat(csv.out().lines().skip(1)).allSatisfy(l -> assertThat(l).matches(".*,[0-9.Ee-]+,[0-9.Ee-]+"));
    }

    @Test
    void withoutAStoreItProfilesAndCreatesNone(@TempDir Path dir) {
        Path store = dir.resolve("none.db");
        IgcCli.Captured run = IgcCli.capture("profile", NETWORK, "--max-seconds", "1", "--summary", "--store", store.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("no calibration in " + store).contains("by class of the latency model")
                .doesNotContain("operations summed");
        assertThat(Files.exists(store)).isFalse();
    }

    @Test
    void badInputIsOneLineNamingTheOption(@TempDir Path dir) {
        IgcCli.Captured batch = IgcCli.capture("profile", NETWORK, "--batch", "0");
        assertThat(batch.code()).isEqualTo(IgcCli.INVALID);
        assertThat(batch.err()).contains("--batch").doesNotContain("Exception");
        IgcCli.Captured missing = IgcCli.capture("profile", dir.resolve("nothing.json").toString());
        assertThat(missing.code()).isEqualTo(IgcCli.INVALID);
        assertThat(missing.err()).contains("nothing.json").doesNotContain("Exception");
    }
}
