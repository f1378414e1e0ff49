package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.igclab.analyzer.cli.IgcCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's options refused while parsing name the option and the value, and its commands are listed by task. */
class RuntimeOptionsTest {
    static final String NETWORK = Path.of("..", "samples", "networks", "fashion-igcv2-small.json").toString();

    @Test
    void optionsThatExcludeOrBoundEachOtherAreRefusedBeforeAnyWork(@TempDir Path dir) {
        String store = dir.resolve("r.db").toString();
        String[][] cases = {
            {"train", NETWORK, "--resume", "--restart", "--store", store},
            {"train", NETWORK, "--data", "mnist", "--store", store},
            {"train", NETWORK, "--epochs", "0", "--store", store},
            {"train", NETWORK, "--limit-train", "-1", "--store", store},
            {"evaluate", NETWORK, "--execution", "sideways", "--no-store"},
            {"results", "--store", store, "--kind", "measure"},
            {"results", "--store", store, "--status", "lost"},
        };
        String[] said = {
            "igc train: --resume, --restart are mutually exclusive (specify only one)",
            "igc train: Invalid value for option '--data': 'mnist' is not one of fashion-mnist, cifar10",
            "igc train: Invalid value for option '--epochs': '0' must be positive",
            "igc train: Invalid value for option '--limit-train': '-1' must not be negative",
            "igc evaluate: Invalid value for option '--execution' (HOW): 'sideways' is not one of designed, folded, merged, dense, auto",
            "igc results: Invalid value for option '--kind': 'measure' is not one of evaluate, train",
            "igc results: Invalid value for option '--status': 'lost' is not one of running, done, failed, interrupted, pruned, cancelled",
        };
        for (int i = 0; i < cases.length; i++) {
            IgcCli.Captured run = IgcCli.capture(cases[i]);
            assertThat(run.code()).as(said[i]).isEqualTo(IgcCli.INVALID);
            assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo(said[i]);
        }
        assertThat(dir.resolve("r.db")).as("refused before the store is opened").doesNotExist();
    }

    @Test
    void theRuntimesCommandsAreListedUnderTheirTasks() {
        String help = IgcCli.capture("--help").out();
        int measure = help.indexOf("  Measure them in DJL/PyTorch");
        int export = help.indexOf("  Export for other tools");
        assertThat(measure).isPositive();
        assertThat(help.indexOf("    evaluate ")).isBetween(measure, export);
        assertThat(help.indexOf("    train ")).isBetween(measure, export);
        assertThat(help.indexOf("    results ")).isBetween(measure, export);
        assertThat(help.indexOf("    export ")).isGreaterThan(export);
    }
}
