package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.train.Datasets;
import org.junit.jupiter.api.Assumptions;

/** What the Spark tests share: the tiny Fashion-MNIST space, its training settings, and reading a store back. */
final class SparkTests {
    /** Eight tiny IGCV2 networks (the tests run from the module's folder, the benchmark from the project's). */
    static final Path SPACE = projectFolder().resolve("samples/spaces/fashion-tiny.json");

    /** One epoch on 256 training images, tested on 256: seconds per design. */
    static final List<String> TRAIN = List.of("--evaluate", "train", "--epochs", "1", "--limit-train", "256", "--limit-test", "256");

    private SparkTests() {
    }

    private static Path projectFolder() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("samples")) ? here : here.getParent();
    }

    static void assumeFashionMnist() {
        Assumptions.assumeTrue(Files.isDirectory(Datasets.FASHION_MNIST_DEFAULT), "Fashion-MNIST is not installed at "
                + Datasets.FASHION_MNIST_DEFAULT + ": apt-get install dataset-fashion-mnist (the Debian package .ci/run installs)");
    }

    /** {@code igc sweep SPACE TRAIN... MORE...}: the tiny space trained in this JVM. */
    static IgcCli.Captured sweep(String... more) {
        return IgcCli.capture(Stream.of(Stream.of("sweep", SPACE.toString()), TRAIN.stream(), Stream.of(more)).flatMap(s -> s).toArray(String[]::new));
    }

    static List<RunRecord> runs(Path store) {
        try (ResultStore db = ResultStore.open(store)) {
            return db.list(new RunQuery(null, null, null, 0));
        }
    }

    /** Every run in the store is done, and there is one per design: {@code designs} of them. Returns them by design hash. */
    static Map<String, RunRecord> assertEachDesignDoneOnce(Path store, int designs) {
        List<RunRecord> runs = runs(store);
        assertThat(runs).extracting(RunRecord::status).as("statuses").containsOnly("done");
        assertThat(runs).extracting(RunRecord::designHash).as("one run per design").doesNotHaveDuplicates().hasSize(designs);
        return runs.stream().collect(Collectors.toMap(RunRecord::designHash, Function.identity()));
    }
}
