package org.igclab.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM this test started on the test's own class path, its output in a log file; stopped with everything it started
 * (a worker's executors) when closed, by process id.
 */
final class JavaProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final List<ProcessHandle> children = new ArrayList<>();

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** The class path the tests run on (surefire runs them from a manifest-only jar, and says so here). */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static final Path PERL = Path.of("/usr/bin/perl");

    static JavaProcess start(String name, Path dir, Map<String, String> env, List<String> jvmOptions, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(PERL)) {
            // a job started in the background by a shell ignores SIGINT, and so would every process it starts, the JVM
            // then leaving Ctrl-C to nobody: the child gets SIGINT's default back before it becomes the JVM
            command.addAll(List.of(PERL.toString(), "-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\";"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", testClassPath(), mainClass));
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new JavaProcess(name, builder.start(), log);
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the log has a line matching {@code regex}; returns its first group (or the whole match). */
    String awaitLog(String regex, Duration limit) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        String[] found = new String[1];
        await("'" + regex + "' in the log of " + name, limit, () -> {
            Matcher m = p.matcher(log());
            if (m.find()) {
                found[0] = m.groupCount() > 0 ? m.group(1) : m.group();
                return true;
            }
            return false;
        });
        return found[0];
    }

    /** Waits for {@code condition}, failing with this process's log when it does not come within {@code limit}. */
    void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + limit.toSeconds() + " s; " + name + (process.isAlive() ? " runs" : " ended")
                        + "; the end of its log:\n" + tail());
            }
            if (!process.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError(name + " ended (exit " + process.exitValue() + ") before " + what + "; the end of its log:\n" + tail());
            }
            Thread.sleep(100);
        }
    }

    /** Waits for the process to end; returns its exit code. */
    int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not end within " + limit.toSeconds() + " s; the end of its log:\n" + tail());
        }
        return process.exitValue();
    }

    /** Sends {@code kill -NAME} (INT, TERM), as Ctrl-C or a service manager would. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** kill -9, as a crash or a lost machine would; what it started is remembered, to be stopped on close. */
    void kill() throws InterruptedException {
        children.addAll(process.descendants().toList());
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String tail() {
        String text = log();
        return text.substring(Math.max(0, text.length() - 4000));
    }

    /** Stops the process (SIGTERM, then SIGKILL after 20 s) and whatever it started that still runs. */
    @Override
    public void close() throws InterruptedException {
        children.addAll(process.descendants().toList());
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
            }
        }
    }
}
