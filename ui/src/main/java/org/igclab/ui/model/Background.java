package org.igclab.ui.model;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the explorer's computations off the FX thread and hands their results back to it. Work goes in lanes (the
 * enumeration, the detail pane, ...); a newer job in a lane supersedes the older ones, whose results are dropped, so
 * a user typing {@code 1024} sees the result for 1024 and never a late one for 102. A short delay before a job
 * starts lets a burst of keystrokes make one job.
 */
public final class Background implements AutoCloseable {
    /** A computation that may stop early once it is superseded. */
    @FunctionalInterface
    public interface Work<T> {
        T run(BooleanSupplier superseded) throws Exception;
    }

    private final Executor fx;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    /** Each lane's job waiting out its delay: a newer one cancels it, so that it is not waited for (a pause can be long). */
    private final Map<String, Pending> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong onceLanes = new AtomicLong();
    private volatile boolean closed;

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}) */
    public Background(Executor fx) {
        this.fx = fx;
        this.workers = Executors.newCachedThreadPool(daemon("igc-explorer-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("igc-explorer-timer"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Runs {@code work} after {@code delayMs} unless a newer job in the lane comes first; then {@code done} (or
     * {@code failed}) on the FX thread, unless a newer job came meanwhile.
     */
    public <T> void latest(String lane, long delayMs, Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        if (closed) {
            // a control that changes while the window is torn down has nobody left to show a result to
            return;
        }
        AtomicLong generation = generations.computeIfAbsent(lane, k -> new AtomicLong());
        long mine = generation.incrementAndGet();
        BooleanSupplier superseded = () -> generation.get() != mine;
        Pending pending = new Pending();
        Runnable job = () -> {
            // out of the timer: forget it (a lane of its own for each export would otherwise keep it)
            waiting.remove(lane, pending);
            if (superseded.getAsBoolean()) {
                pending.settle();
                return;
            }
            Runnable deliver;
            try {
                T value = work.run(superseded);
                deliver = () -> done.accept(value);
            } catch (CancellationException e) {
                deliver = () -> { };
            } catch (Throwable t) {
                deliver = () -> failed.accept(t);
            }
            Runnable then = deliver;
            fx.execute(() -> {
                try {
                    if (!superseded.getAsBoolean()) {
                        then.run();
                    }
                } finally {
                    pending.settle();
                }
            });
        };
        pending.future = timer.schedule(() -> workers.execute(job), delayMs, TimeUnit.MILLISECONDS);
        drop(waiting.put(lane, pending));
        if (pending.future.isDone()) {
            waiting.remove(lane, pending); // it left the timer before it was put here
        }
    }

    /**
     * A job from the moment it is scheduled until it is settled: delivered, found superseded, or dropped before it ran.
     * It is counted out exactly once, whoever settles it first: a job dropped while the timer was handing it to a worker
     * (its future still cancellable) also sees that it is superseded, and was once counted out twice, leaving the count
     * below zero and the explorer never idle again.
     */
    private final class Pending {
        private final java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile java.util.concurrent.ScheduledFuture<?> future;

        Pending() {
            outstanding.incrementAndGet();
        }

        void settle() {
            if (settled.compareAndSet(false, true)) {
                outstanding.decrementAndGet();
            }
        }
    }

    /** Cancels a job that has not left the timer yet; one that has will see it is superseded and settle itself. */
    private void drop(Pending job) {
        if (job != null && job.future.cancel(false)) {
            job.settle();
        }
    }

    /** Drops the lane's job waiting or running: its result is never delivered (the user cancelled, or the values became invalid). */
    public void cancel(String lane) {
        generations.computeIfAbsent(lane, k -> new AtomicLong()).incrementAndGet();
        drop(waiting.remove(lane));
    }

    /** Like {@link #latest}, in a lane of its own: nothing supersedes it (an export must be written even if another follows). */
    public <T> void once(Work<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        latest("once-" + onceLanes.incrementAndGet(), 0, work, done, failed);
    }

    /** Runs {@code work} off the FX thread, untracked: a long evaluation, which the idle state must not wait for. */
    public void run(Runnable work) {
        if (!closed) {
            workers.execute(work);
        }
    }

    /** True when no lane has a job waiting, running or delivering. */
    public boolean idle() {
        return outstanding.get() == 0;
    }

    /**
     * Waits, off the FX thread, until every lane is idle and the FX thread has handled what they delivered (which may
     * start more work: a new result selects a row, whose detail is computed next).
     *
     * @return false when it was not idle within the time
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (idle()) {
                CountDownLatch flushed = new CountDownLatch(1);
                fx.execute(flushed::countDown);
                if (!flushed.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return false;
                }
                if (idle()) {
                    return true;
                }
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
