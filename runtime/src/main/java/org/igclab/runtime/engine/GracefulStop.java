package org.igclab.runtime.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A request to stop long engine work (training, timing) at its next step boundary, never in the middle of a native
 * call. The work polls it ({@link #getAsBoolean()}) between steps, saves what it must, and then closes it.
 *
 * <p>Why: when the JVM exits while a thread is inside libtorch, the native library is torn down under that thread
 * and the process dies with SIGSEGV (seen with Ctrl-C during {@code igc train}). So:
 * <ul>
 *   <li>{@link #onSignals} (the command line): SIGINT and SIGTERM only set the request; the JVM does not start to
 *       exit, the work stops at its next step, saves, records, and the command ends normally (exit code 130).</li>
 *   <li>A shutdown hook, installed by {@link #onSignals} and {@link #beforeExit} (the explorer): any other exit of
 *       the JVM (System.exit, SIGHUP) sets the request and then waits, at most {@link #EXIT_WAIT}, until the work
 *       has closed this stop, so the JVM never exits under native work that finishes within that time.</li>
 *   <li>{@link #cancel()}: a request from the program itself (the explorer's Cancel button, tests).</li>
 * </ul>
 */
public final class GracefulStop implements BooleanSupplier, AutoCloseable {
    /** How long a JVM exit waits for the work to reach a step boundary, write its checkpoint and record the run. */
    public static final Duration EXIT_WAIT = Duration.ofSeconds(120);

    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final AtomicReference<String> reason = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Consumer<String> notices;
    private final Thread hook;
    private final List<Runnable> restore = new ArrayList<>();
    private final List<String> handled = new ArrayList<>();

    private GracefulStop(Consumer<String> notices, boolean exitHook) {
        this.notices = notices;
        this.hook = exitHook ? new Thread(this::onExit, "igc-graceful-stop") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** A stop only the program requests ({@link #cancel()}). */
    public static GracefulStop manual() {
        return new GracefulStop(message -> { }, false);
    }

    /** Requested when the JVM begins to exit, which then waits for the work to close this stop (the explorer). */
    public static GracefulStop beforeExit(Consumer<String> notices) {
        return new GracefulStop(notices, true);
    }

    /**
     * Requested by SIGINT (Ctrl-C) or SIGTERM, which no longer end the JVM while this is open, and by any other exit
     * of the JVM as in {@link #beforeExit}. {@code notices} hears, once per signal, that the work is stopping.
     */
    public static GracefulStop onSignals(Consumer<String> notices) {
        GracefulStop stop = new GracefulStop(notices, true);
        for (String name : SIGNALS) {
            stop.handle(name);
        }
        return stop;
    }

    private void handle(String name) {
        try {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, s -> onSignal("SIG" + s.getName()));
            restore.add(() -> Signal.handle(signal, previous));
            handled.add("SIG" + name);
        } catch (IllegalArgumentException e) {
            // the JVM keeps this signal for itself (-Xrs, or an ignored signal): the exit hook still covers it
        }
    }

    private void onSignal(String signal) {
        if (request(signal)) {
            notices.accept(signal + ": stopping at the next step boundary, once the native call in flight returns; please wait");
        } else {
            notices.accept(signal + ": already stopping (" + reason.get() + "); the step in flight and the checkpoint are being "
                    + "finished (kill -9 would lose the steps since the last checkpoint)");
        }
    }

    private void onExit() {
        if (closed.getCount() == 0) {
            return;
        }
        request("the JVM is exiting");
        notices.accept("exiting: waiting up to " + EXIT_WAIT.toSeconds() + " s for the step in flight and the checkpoint");
        try {
            closed.await(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The signals that request this stop while it is open ({@code SIGINT}, {@code SIGTERM}), as far as the JVM let it take them. */
    public List<String> signals() {
        return List.copyOf(handled);
    }

    /** Whether a stop was requested; the work polls this between steps. */
    @Override
    public boolean getAsBoolean() {
        return reason.get() != null;
    }

    /** Why the stop was requested ({@code SIGINT}, {@code SIGTERM}, {@code cancelled}, ...), once it was. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason.get());
    }

    /** Requests the stop; returns false when it was already requested (the first reason is kept). */
    public boolean request(String why) {
        return reason.compareAndSet(null, why);
    }

    /** Requests the stop from the program (a Cancel button). */
    public void cancel() {
        request("cancelled");
    }

    /**
     * The work is over (saved and recorded, or failed): a waiting JVM exit may proceed, and signals get their usual
     * meaning back.
     */
    @Override
    public void close() {
        closed.countDown();
        restore.forEach(Runnable::run);
        restore.clear();
        handled.clear();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the JVM is already exiting: the hook has just been released above
            }
        }
    }
}
