package org.igclab.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * Watches the FX thread while a test interacts with the window, every millisecond:
 * <ul>
 * <li><b>busy</b>: the processor time the FX thread spends in one run without a break (its state stays
 * {@code RUNNABLE}): event handlers, listeners, CSS and layout, the work that would freeze the window if it were
 * heavy. Processor time rather than elapsed time, so that other processes on a loaded machine, which delay the
 * thread without making it work, do not count;</li>
 * <li><b>busy, elapsed</b>: the same runs measured by the clock;</li>
 * <li><b>unanswered</b>: how long a task posted to it waits to run. This adds the time a pulse spends waiting for
 * the previous frame to be drawn, which with the software renderer of headless runs is tens of milliseconds per
 * full frame on a small machine, and is the renderer's time, not the FX thread's.</li>
 * </ul>
 * Where the FX thread was during its longest busy stretch is kept, to tell what to move off it when one is too long.
 */
public final class FxBusyMonitor implements AutoCloseable {
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-busy-monitor");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
    });
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong busyElapsed = new AtomicLong();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long cpuSince;
    private final AtomicLong samples = new AtomicLong();
    private final Map<String, Integer> busyAt = new ConcurrentHashMap<>();
    private volatile Thread fx;
    private volatile long postedAt;
    private long runningSince = -1;

    private FxBusyMonitor() {
        Platform.runLater(() -> fx = Thread.currentThread());
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.MILLISECONDS);
    }

    public static FxBusyMonitor start() {
        return new FxBusyMonitor();
    }

    private void sample() {
        long now = System.nanoTime();
        Thread thread = fx;
        if (thread != null) {
            samples.incrementAndGet();
            if (thread.getState() == Thread.State.RUNNABLE) {
                long cpu = threads.getThreadCpuTime(thread.getId());
                if (runningSince < 0) {
                    runningSince = now;
                    cpuSince = cpu;
                }
                long stretch = cpu - cpuSince;
                busy.accumulateAndGet(stretch, Math::max);
                busyElapsed.accumulateAndGet(now - runningSince, Math::max);
                if (stretch > 30_000_000L) {
                    StackTraceElement[] stack = thread.getStackTrace();
                    StringBuilder where = new StringBuilder();
                    for (int i = 0; i < Math.min(stack.length, 16); i++) {
                        where.append("    ").append(stack[i]).append('\n');
                    }
                    busyAt.merge(where.toString(), 1, Integer::sum);
                }
            } else {
                runningSince = -1;
            }
        }
        if (waiting.get()) {
            unanswered.accumulateAndGet(now - postedAt, Math::max);
        } else if (waiting.compareAndSet(false, true)) {
            postedAt = now;
            Platform.runLater(() -> {
                unanswered.accumulateAndGet(System.nanoTime() - postedAt, Math::max);
                waiting.set(false);
            });
        }
    }

    /** The most processor time the FX thread spent in one run without a break, in milliseconds. */
    public double busyMillis() {
        return busy.get() / 1e6;
    }

    /** The longest the FX thread ran without a break by the clock, in milliseconds. */
    public double busyElapsedMillis() {
        return busyElapsed.get() / 1e6;
    }

    /** The longest a task posted to the FX thread waited, in milliseconds (rendering waits included). */
    public double unansweredMillis() {
        return unanswered.get() / 1e6;
    }

    public long samples() {
        return samples.get();
    }

    /** Where the FX thread was while it had been busy for more than 30 ms, most frequent first. */
    public String busyReport() {
        return busyAt.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(8)
                .map(e -> e.getValue() + " samples at\n" + e.getKey()).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
