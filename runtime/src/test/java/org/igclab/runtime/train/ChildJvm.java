package org.igclab.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The {@code igc} command line in a JVM of its own (this test's class path), so a test can signal it or kill it
 * outright and look at what it left behind. Its output goes to a file (a pipe read while the process exits can
 * lose the end).
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code igc ARGS} in {@code dir}, standard error and output both to {@code dir/child.log}. */
    static ChildJvm igc(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.igclab.analyzer.cli.Main"));
        command.addAll(List.of(args));
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(p, log);
    }

    Process process() {
        return process;
    }

    /** Everything it printed so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean printed(String text) {
        return output().contains(text);
    }
    /** Waits (generously: the machine may be busy) until {@code condition} holds or the process ends. */
    void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the child ended or took too long before " + what + "; it printed:\n" + output());
            }
            Thread.sleep(20);
        }
    }

    /** Its exit code, once it ended by itself. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            throw new AssertionError("the child did not end; it printed:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }
}
