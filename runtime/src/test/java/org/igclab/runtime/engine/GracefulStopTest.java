package org.igclab.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class GracefulStopTest {

    @Test
    void aCancelIsRequestedOnceAndKeepsItsFirstReason() {
        try (GracefulStop stop = GracefulStop.manual()) {
            assertThat(stop.getAsBoolean()).isFalse();
            assertThat(stop.reason()).isEmpty();
            stop.cancel();
            assertThat(stop.request("SIGINT")).isFalse();
            assertThat(stop.getAsBoolean()).isTrue();
            assertThat(stop.reason()).contains("cancelled");
        }
    }

    @Test
    void sigtermOnlyRequestsTheStopWhileItIsOpen() throws InterruptedException {
        List<String> notices = new CopyOnWriteArrayList<>();
        try (GracefulStop stop = GracefulStop.onSignals(notices::add)) {
            // raising SIGTERM with the JVM's own handler in place would end this test JVM: only when ours is installed
            assumeTrue(stop.signals().contains("SIGTERM"), "the JVM keeps SIGTERM for itself here (-Xrs?)");
            Signal.raise(new Signal("TERM"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!stop.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(stop.reason()).contains("SIGTERM");
            while (notices.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(notices).singleElement().asString().contains("stopping at the next step boundary");
            assertThat(stop.signals()).contains("SIGINT", "SIGTERM");
        }
    }

    @Test
    void anExitingJvmWaitsForTheWorkToSave(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("saved.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ExitWaitChild.class.getName(), saved.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).isZero();
        assertThat(saved).content().isEqualTo("saved after: the JVM is exiting");
        assertThat(dir.resolve("child.log")).content().contains("exiting: waiting up to 120 s");
    }

    @Test
    void closingPutsBackTheHandlerThatWasThere() {
        Signal term = new Signal("TERM");
        SignalHandler before = Signal.handle(term, SignalHandler.SIG_DFL);
        Signal.handle(term, before);
        GracefulStop stop = GracefulStop.onSignals(n -> { });
        assumeTrue(stop.signals().contains("SIGTERM"), "the JVM keeps SIGTERM for itself here (-Xrs?)");
        stop.close();
        assertThat(stop.signals()).isEmpty();
        SignalHandler after = Signal.handle(term, before);
        // sun.misc wraps the JVM's handler anew on every call; the wrapped handler (its toString) is the one that was there
        assertThat(after.toString()).isEqualTo(before.toString()).doesNotContain("GracefulStop");
    }
}
