package org.igclab.runtime.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program whose main thread calls System.exit while a worker is busy: the worker notices the stop at its next
 * "step", takes a moment to save (writes the file named by its argument), and only then closes the stop.
 */
public final class ExitWaitChild {
    private ExitWaitChild() {
    }

    public static void main(String[] args) throws Exception {
        Path saved = Path.of(args[0]);
        GracefulStop stop = GracefulStop.beforeExit(System.out::println);
        Thread worker = new Thread(() -> {
            try (stop) {
                while (!stop.getAsBoolean()) {
                    Thread.sleep(20); // a step
                }
                Thread.sleep(500); // saving takes a while
                Files.writeString(saved, "saved after: " + stop.reason().orElseThrow());
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        }, "worker");
        worker.setDaemon(true); // a daemon: nothing but the stop keeps the JVM waiting for it
        worker.start();
        Thread.sleep(200);
        System.exit(0);
    }
}
