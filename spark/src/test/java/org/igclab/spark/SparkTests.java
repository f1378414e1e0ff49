package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.cli.Main;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunQuery;
import org.igclab.runtime.store.RunRecord;

/** What the Spark tests share: the tiny Fashion-MNIST space, its training settings, and reading a store back. */
final class SparkTests {
    /** Eight tiny IGCV2 networks (the tests run from the module's folder, the benchmark from the project's). */
    static final Path SPACE = projectFolder().resolve("samples/spaces/fashion-tiny.json");

    /** One epoch on 256 training images of Fashion-MNIST, tested on 256: seconds per design. */
    static final List<String> TRAIN = List.of("--evaluate", "train", "--epochs", "1", "--limit-train", "256", "--limit-test", "256",
            "--data-dir", DebianPackages.fashionMnist().toString());

    /**
     * One epoch on 8,192 images: a design trains long enough (seconds) to be stopped in the middle; 1,024 images took
     * 0.5 s once training ran merged, and the whole sweep could end before the signal arrived.
     */
    static final List<String> LONGER_TRAIN = List.of("--evaluate", "train", "--epochs", "1", "--limit-train", "8192", "--limit-test", "256",
            "--data-dir", DebianPackages.fashionMnist().toString());

    private SparkTests() {
    }

    private static Path projectFolder() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("samples")) ? here : here.getParent();
    }

    /** {@code igc sweep SPACE TRAIN... MORE...}: the tiny space trained in this JVM. */
    static IgcCli.Captured sweep(String... more) {
        return IgcCli.capture(Stream.of(Stream.of("sweep", SPACE.toString()), TRAIN.stream(), Stream.of(more)).flatMap(s -> s).toArray(String[]::new));
    }

    /**
     * {@code igc sweep SPACE TRAIN... MORE...} in a JVM of its own started in {@code dir} (so that it can be signalled or
     * killed), its output in {@code dir/NAME.log}.
     */
    static JavaProcess sweepProcess(String name, Path dir, List<String> train, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("sweep", SPACE.toString()));
        args.addAll(train);
        args.addAll(List.of(more));
        Map<String, String> env = Map.of("SPARK_LOCAL_IP", "127.0.0.1", "SPARK_LOCAL_DIRS",
                Files.createDirectories(dir.resolve("local")).toString());
        return JavaProcess.start(name, dir, env, List.of("-Xmx512m", "-Dai.djl.offline=true"), Main.class.getName(),
                args.toArray(String[]::new));
    }

    /** Designs stored done in {@code store} (0 before it exists). */
    static long done(Path store) {
        return Files.exists(store) ? runs(store).stream().filter(r -> r.status().equals("done")).count() : 0;
    }

    static List<RunRecord> runs(Path store) {
        try (ResultStore db = ResultStore.open(store)) {
            return db.list(new RunQuery(null, null, null, 0));
        }
    }

    /**
     * A run in a task's scratch store on an executor's machine, read as it is on disk (opening it as a results store
     * would already store as interrupted a run whose process is gone).
     *
     * @param folder the task's folder under {@code CHECKPOINT_ROOT/spark-tasks}
     */
    record ScratchRun(Path folder, long id, String status) {
    }

    /** The runs of every task's scratch store under {@code checkpointRoot}. */
    static List<ScratchRun> scratchRuns(Path checkpointRoot) {
        Path tasks = checkpointRoot.resolve("spark-tasks");
        if (!Files.isDirectory(tasks)) {
            return List.of();
        }
        List<ScratchRun> out = new ArrayList<>();
        try (Stream<Path> folders = Files.list(tasks)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("task.db"))).toList()) {
                try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("task.db"));
                     Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT id, status FROM runs")) {
                    while (rs.next()) {
                        out.add(new ScratchRun(folder, rs.getLong(1), rs.getString(2)));
                    }
                } catch (SQLException e) {
                    // a store still being created: no run in it yet
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java's crash reports ({@code hs_err_pid*.log}) in a child JVM's folder. */
    static List<Path> crashReports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
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
