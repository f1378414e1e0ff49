package org.igclab.ui.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/** Starts the JavaFX toolkit once per process (a window, a snapshot, or a test that started it already) and calls into it. */
public final class FxPlatform {
    /**
     * JavaFX warns on every start that it was loaded from the class path rather than as modules; the explorer is a
     * class-path program on purpose (one launcher for every module), so the warning would only alarm users. Held here
     * because java.util.logging keeps loggers weakly.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private FxPlatform() {
    }

    /**
     * Renders offscreen: Monocle's headless glass and the software pipeline, on a virtual screen large
     * enough for the window (Monocle's default, 1280x800, cannot take a larger one). Must precede {@link #start}.
     */
    public static void useHeadless(double width, double height) {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", (int) Math.ceil(width) + "x" + (int) Math.ceil(height) + "-32");
    }

    /**
     * Starts the toolkit.
     *
     * @return true when this call started it (so it should stop it), false when it was running already
     * @throws UnsupportedOperationException when there is no display to start it on
     */
    public static boolean start() throws InterruptedException {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        CountDownLatch started = new CountDownLatch(1);
        boolean here;
        try {
            Platform.startup(started::countDown);
            here = true;
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
            here = false;
        }
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start within a minute");
        }
        Platform.setImplicitExit(false);
        return here;
    }

    /** Runs {@code work} on the FX thread and waits for its value; its exception is rethrown here. */
    public static <T> T call(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        }
    }
}
