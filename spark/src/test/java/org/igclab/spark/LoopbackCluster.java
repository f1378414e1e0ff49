package org.igclab.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on 127.0.0.1: Spark's own Master and Worker classes, each a JVM of its own, with
 * SPARK_HOME, local and work folders under a temporary folder. Closing it stops every JVM it started.
 */
final class LoopbackCluster implements AutoCloseable {
    static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Path dir;
    private final Map<String, String> env;
    private final List<String> jvm;
    private final JavaProcess master;
    private final String url;
    private final List<JavaProcess> workers = new ArrayList<>();

    private LoopbackCluster(Path dir, Map<String, String> env, List<String> jvm, JavaProcess master, String url) {
        this.dir = dir;
        this.env = env;
        this.jvm = jvm;
        this.master = master;
        this.url = url;
    }

    /** Starts a master and {@code workers} workers of one core each, and waits until every worker has registered. */
    static LoopbackCluster start(Path dir, int workers) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        Path config = dir.resolve("log4j2-cluster.properties");
        // the launch lines the test waits for are INFO; everything else at WARN
        Files.writeString(config, """
                rootLogger.level = warn
                rootLogger.appenderRef.out.ref = out
                appender.console.type = Console
                appender.console.name = out
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
                logger.deploy.name = org.apache.spark.deploy
                logger.deploy.level = info
                """);
        // each worker offers one core, and its executor's PyTorch takes one thread (not one per core of the machine)
        Map<String, String> env = Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("local")).toString(), "OMP_NUM_THREADS", "1");
        List<String> jvm = List.of("-Xmx256m", "-Dlog4j2.configurationFile=" + config.toUri(), "-Dspark.master.rest.enabled=false");
        JavaProcess master = JavaProcess.start("master", dir, env, jvm, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", "0", "--webui-port", "0");
        LoopbackCluster cluster = null;
        try {
            String url = master.awaitLog("Starting Spark master at (spark://127\\.0\\.0\\.1:[0-9]+)", START_LIMIT);
            master.awaitLog("I have been elected leader", START_LIMIT);
            cluster = new LoopbackCluster(dir, env, jvm, master, url);
            for (int i = 0; i < workers; i++) {
                cluster.addWorker();
            }
            for (JavaProcess w : cluster.workers) {
                w.awaitLog("Successfully registered with master", START_LIMIT);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            if (cluster != null) {
                cluster.close();
            } else {
                master.close();
            }
            throw e;
        }
    }

    private void addWorker() throws IOException {
        int n = workers.size() + 1;
        Path work = Files.createDirectories(dir.resolve("work-" + n));
        workers.add(JavaProcess.start("worker-" + n, dir, env, jvm, "org.apache.spark.deploy.worker.Worker", url,
                "--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir", work.toString()));
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    String url() {
        return url;
    }

    JavaProcess worker(int n) {
        return workers.get(n - 1);
    }

    @Override
    public void close() throws InterruptedException {
        for (JavaProcess w : workers) {
            w.close();
        }
        master.close();
    }
}
