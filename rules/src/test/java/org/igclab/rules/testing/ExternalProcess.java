package org.igclab.rules.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program outside the JVM (Debian's Python, say) with a time limit that holds: its output goes to a file, not a
 * pipe this JVM must drain, so waiting can time out, and a program past its limit is killed with everything it started.
 */
public final class ExternalProcess {
    private ExternalProcess() {
    }

    /**
     * How the program ended.
     *
     * @param exitCode its exit status
     * @param output   what it wrote on standard output and standard error, interleaved
     */
    public record Finished(int exitCode, String output) {
    }

    /**
     * Runs {@code command} in the current folder and waits for it.
     *
     * @throws AssertionError when it runs past {@code limit} (it is killed first; the message has its output so far)
     */
    public static Finished run(List<String> command, Duration limit) throws IOException, InterruptedException {
        Path log = Files.createTempFile("igc-external-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
                throw new AssertionError(command.get(0) + " ran past its limit of " + limit.toSeconds() + " s and was killed; its output:\n"
                        + tail(Files.readString(log)));
            }
            return new Finished(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(String output) {
        return output.length() <= 4_000 ? output : "..." + output.substring(output.length() - 4_000);
    }
}
