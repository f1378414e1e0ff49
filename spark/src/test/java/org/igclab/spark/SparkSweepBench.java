package org.igclab.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.igclab.analyzer.ProgressListener;
import org.igclab.analyzer.cli.Main;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SpaceJson;
import org.igclab.analyzer.sweep.Sweep;
import org.igclab.analyzer.sweep.SweepRow;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.runtime.engine.Threads;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunRecord;
import org.igclab.runtime.sweep.SweepMeasurement;
import org.igclab.runtime.train.ImageDataset;
import org.igclab.runtime.train.StoredTraining;
import org.igclab.runtime.train.Training;
import org.igclab.runtime.train.TrainingListener;
import org.igclab.runtime.train.TrainingSettings;

/**
 * Figures for measured sweeps on Spark (run by {@code bench/spark-sweep.sh}, not by the tests): the tiny Fashion-MNIST
 * sweep in-process, on local[2] and on a two-worker loopback cluster, each a JVM of its own timed from launch to exit;
 * the costs around each task and how they amortise; and, on paper, the CIFAR sample grid on 64 executors.
 */
public final class SparkSweepBench {
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final Path GRID = SparkTests.SPACE.resolveSibling("cifar-igcv2-grid.json");
    private static final int EXECUTORS = 64;
    private static final int CIFAR_IMAGES = 50_000;
    private static final int CIFAR_EPOCHS = 10;
    private static final int CALIBRATION_IMAGES = 256;

    private SparkSweepBench() {
    }

    /** One sweep, a JVM timed from launch to exit, and the runs it stored. */
    private record Timed(String label, long launchedMs, long endedMs, List<Task> tasks) {
        double wallSeconds() {
            return (endedMs - launchedMs) / 1e3;
        }
    }

    /**
     * A stored run: the runtime's training seconds, and on Spark the executor and the task's measured window there.
     *
     * @param macs the design's MACs (one image, forward)
     */
    record Task(String executor, long macs, double trainSeconds, long startedMs, long endedMs) {
        double windowSeconds() {
            return (endedMs - startedMs) / 1e3;
        }
    }

    public static void main(String[] args) throws Exception {
        Optional<String> missing = DebianPackages.missing(DebianPackages.FASHION_MNIST);
        if (missing.isPresent()) {
            System.err.println("spark-sweep: needs Fashion-MNIST (" + missing.get() + "): apt-get install dataset-fashion-mnist");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("igc-spark-bench");
        System.out.printf("IGC Lab on Spark: %s (8 designs) with %s%n", SparkTests.SPACE.getFileName(), String.join(" ", SparkTests.TRAIN));
        System.out.printf("machine: %d cores, load average %.2f before the runs (other work on it slows every figure); "
                        + "OMP_NUM_THREADS=%s (PyTorch threads per JVM)%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        List<Timed> runs = new ArrayList<>();
        runs.add(sweep(dir, "in-process", List.of()));
        runs.add(sweep(dir, "local[2]", List.of("--master", "local[2]")));
        long clusterStart = System.nanoTime();
        try (LoopbackCluster cluster = LoopbackCluster.start(Files.createDirectories(dir.resolve("cluster")), 2)) {
            System.out.printf("loopback cluster (a master and 2 workers of 1 core, 1 GiB) ready in %.1f s, not counted below%n",
                    (System.nanoTime() - clusterStart) / 1e9);
            runs.add(sweep(dir, "cluster, 2 workers", List.of("--master", cluster.url())));
        }
        System.out.printf("%nwall: the whole igc sweep JVM; training: the runtime's epoch seconds, summed; start: launch to the first task's%n"
                + "measurement (JVM, Spark context, executors); in task: the task's time outside its epochs (engine and data load in an%n"
                + "executor's first task; model, checkpoint, scratch store in the others); gap: one task's end to the next one's start on%n"
                + "an executor (result to the driver, scheduling); end: last task to exit (writer, context stop).%n%n");
        System.out.printf("%-20s %7s %9s %7s %15s %15s %7s %6s%n", "run", "wall s", "training", "start", "in 1st task s", "in others s",
                "gap s", "end s");
        for (Timed t : runs) {
            report(t);
        }
        Timed cluster = runs.get(runs.size() - 1);
        amortisation(cluster);
        project(cluster, dir);
    }

    private static Timed sweep(Path dir, String label, List<String> how) throws IOException, InterruptedException {
        Path store = dir.resolve(label.replaceAll("[^a-z0-9]+", "-") + ".db");
        List<String> args = new ArrayList<>(List.of("sweep", SparkTests.SPACE.toString()));
        args.addAll(SparkTests.TRAIN);
        args.addAll(List.of("--store", store.toString(), "--checkpoint-root", dir.resolve("ck-" + store.getFileName()).toString()));
        args.addAll(how);
        long launched = System.currentTimeMillis();
        try (JavaProcess p = JavaProcess.start("sweep-" + store.getFileName(), dir, Map.of("SPARK_LOCAL_IP", "127.0.0.1"),
                List.of("-Dai.djl.offline=true"), Main.class.getName(), args.toArray(String[]::new))) {
            int code = p.waitFor(LIMIT);
            long ended = System.currentTimeMillis();
            if (code != 0) {
                throw new IllegalStateException(label + " ended with exit " + code + ":\n" + p.tail());
            }
            return new Timed(label, launched, ended, SparkTests.runs(store).stream().map(SparkSweepBench::task).toList());
        }
    }

    private static Task task(RunRecord run) {
        try {
            JsonNode report = JsonFields.MAPPER.readTree(run.resultJson());
            JsonNode spark = report.path("spark");
            return new Task(spark.path("executor").asText("-"), run.macs(), report.path("seconds").asDouble(), millis(spark.path("startedAt")),
                    millis(spark.path("endedAt")));
        } catch (IOException e) {
            throw new IllegalStateException("run " + run.id() + " has no readable report", e);
        }
    }

    private static long millis(JsonNode instant) {
        return instant.isTextual() ? Instant.parse(instant.asText()).toEpochMilli() : 0;
    }

    private static Map<String, List<Task>> byExecutor(List<Task> tasks) {
        Map<String, List<Task>> by = tasks.stream().collect(Collectors.groupingBy(Task::executor, TreeMap::new, Collectors.toList()));
        by.values().forEach(on -> on.sort(Comparator.comparingLong(Task::startedMs)));
        return by;
    }

    private static void report(Timed t) {
        double training = t.tasks().stream().mapToDouble(Task::trainSeconds).sum();
        if (t.tasks().get(0).startedMs() == 0) {
            System.out.printf("%-20s %7.1f %9.1f %7s %15s %15s %7s %6s%n", t.label(), t.wallSeconds(), training, "-", "-", "-", "-", "-");
            return;
        }
        List<Double> first = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        byExecutor(t.tasks()).values().forEach(on -> {
            for (int i = 0; i < on.size(); i++) {
                (i == 0 ? first : others).add(on.get(i).windowSeconds() - on.get(i).trainSeconds());
            }
        });
        System.out.printf("%-20s %7.1f %9.1f %7.1f %15.2f %15.2f %7.2f %6.1f%n", t.label(), t.wallSeconds(), training, fixedStart(t),
                mean(first), mean(others), meanGap(t.tasks()), (t.endedMs() - t.tasks().stream().mapToLong(Task::endedMs).max().orElseThrow()) / 1e3);
    }

    private static double fixedStart(Timed t) {
        return (t.tasks().stream().mapToLong(Task::startedMs).min().orElseThrow() - t.launchedMs()) / 1e3;
    }

    /** Mean time from one task's end to the next one's start on the same executor. */
    static double meanGap(List<Task> tasks) {
        List<Double> gaps = new ArrayList<>();
        for (List<Task> on : byExecutor(tasks).values()) {
            for (int i = 1; i < on.size(); i++) {
                gaps.add(Math.max(0, on.get(i).startedMs() - on.get(i - 1).endedMs()) / 1e3);
            }
        }
        return mean(gaps);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The cluster's costs per design as designs per executor grow: the start and end once, gap and in-task extra each time. */
    private static void amortisation(Timed cluster) {
        double once = fixedStart(cluster) + (cluster.endedMs() - cluster.tasks().stream().mapToLong(Task::endedMs).max().orElseThrow()) / 1e3;
        double each = meanGap(cluster.tasks()) + mean(cluster.tasks().stream().map(t -> t.windowSeconds() - t.trainSeconds()).toList());
        System.out.printf("%ncluster overhead per design: %.1f s once per sweep (start + end) spread over the designs of each executor, plus "
                + "%.2f s per design (gap + in-task extra, the engine's first start averaged in)%n", once, each);
        for (int perExecutor : new int[] {4, 16, 64, 256}) {
            System.out.printf("  %4d designs per executor: %.2f s per design%n", perExecutor, once / perExecutor + each);
        }
    }

    /**
     * On paper: every passing design of the CIFAR sample grid trained for {@value #CIFAR_EPOCHS} epochs on the
     * {@value #CIFAR_IMAGES} CIFAR-10 images, on {@value #EXECUTORS} executors each like one core of this machine; each
     * design's time scaled by its MACs from one grid design trained here on one thread.
     */
    private static void project(Timed cluster, Path dir) throws IOException {
        Space space = SpaceJson.read(GRID);
        Sweep grid = Sweep.run(space, ProgressListener.NONE);
        List<SweepRow> byMacs = grid.passing().stream().sorted(Comparator.comparingLong(r -> r.figures().macs())).toList();
        SweepRow median = byMacs.get(byMacs.size() / 2);
        double c = secondsPerImageMac(SweepMeasurement.design(space, median.design()), median.figures().macs(), dir);
        double once = fixedStart(cluster);
        double each = meanGap(cluster.tasks());
        List<Double> seconds = byMacs.stream().map(r -> (double) CIFAR_IMAGES * CIFAR_EPOCHS * r.figures().macs() * c + each)
                .sorted(Comparator.reverseOrder()).toList();
        double total = seconds.stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("%nprojection, on paper: %s, %d passing designs, each trained %d epochs on %,d images, on executors like one core "
                        + "of this machine;%n  %.3g s per training image and MAC, from %s trained here on %d synthetic 3x32x32 images "
                        + "(one thread);%n  the cluster's start (%.0f s) once and its gap (%.2f s) per design%n",
                GRID.getFileName(), seconds.size(), CIFAR_EPOCHS, CIFAR_IMAGES, c, DesignName.stored(space, median.design()),
                CALIBRATION_IMAGES, once, each);
        System.out.printf("  one executor: %.0f h; %d executors: %.1f h (longest design first); the longest design alone takes %.1f h, "
                + "so more executors than designs of that size do not help%n", total / 3600, EXECUTORS,
                (once + makespan(seconds, EXECUTORS)) / 3600, seconds.get(0) / 3600);
    }

    /** Trains {@code design} for one epoch on synthetic CIFAR-shaped images on one thread: seconds per image and MAC. */
    private static double secondsPerImageMac(Design design, long macs, Path dir) throws IOException {
        Threads.apply(1, 1);
        int side = 3 * 32 * 32;
        Random random = new Random(1);
        byte[] images = new byte[CALIBRATION_IMAGES * side];
        byte[] labels = new byte[CALIBRATION_IMAGES];
        random.nextBytes(images);
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) random.nextInt(10);
        }
        ImageDataset.Split split = new ImageDataset.Split(images, labels, CALIBRATION_IMAGES);
        float[] mean = {0.5f, 0.5f, 0.5f};
        ImageDataset data = new ImageDataset("synthetic", 3, 32, 32, 10, split, split.first(32, side), mean, mean, false);
        TrainingSettings settings = new TrainingSettings("synthetic", 1, 64, 0.1, 0.9, 5e-4, 42, CALIBRATION_IMAGES, 32);
        try (ResultStore store = ResultStore.open(dir.resolve("calibration.db"))) {
            Training.Result r = StoredTraining.run(design, data, settings, dir.resolve("calibration"), StoredTraining.Existing.RESTART, store,
                    new TrainingListener() { }, () -> false);
            return r.curve().get(0).seconds() / ((double) CALIBRATION_IMAGES * macs);
        }
    }

    /** Longest-first list scheduling of {@code seconds} (sorted, longest first) on {@code executors}. */
    static double makespan(List<Double> seconds, int executors) {
        PriorityQueue<Double> loads = new PriorityQueue<>();
        for (int i = 0; i < executors; i++) {
            loads.add(0.0);
        }
        for (double s : seconds) {
            loads.add(loads.poll() + s);
        }
        return loads.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
