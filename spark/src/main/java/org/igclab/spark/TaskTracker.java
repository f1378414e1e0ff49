package org.igclab.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.TaskKilled;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;

/**
 * Follows a sweep's tasks on the driver: which executor runs what (from Spark's listener events) and which designs are
 * stored (from the writer). Gives the progress line, and for each finished task how many others shared its host.
 */
final class TaskTracker extends SparkListener {

    private record Attempt(int partition, String executorId, String host, long launchMs, long finishMs) {
    }

    private static final class ExecutorState {
        final String host;
        int cores;
        boolean lost;
        int done;
        int failed;

        ExecutorState(String host, int cores) {
            this.host = host;
            this.cores = cores;
        }
    }

    private final int total;
    private final Consumer<String> out;
    private final Map<String, ExecutorState> executors = new LinkedHashMap<>();
    private final Map<Long, Attempt> attempts = new HashMap<>();
    private final Map<Long, RanOn> windows = new HashMap<>();
    private final Set<Long> done = new HashSet<>();
    private final Set<Long> failed = new HashSet<>();
    private int lostAttempts;
    private int stoppedAttempts;
    private volatile boolean jobStarted;
    private long firstLaunchMs;

    /**
     * @param total the designs submitted
     * @param out   where notes about lost attempts go (a line each)
     */
    TaskTracker(int total, Consumer<String> out) {
        this.total = total;
        this.out = out;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        jobStarted = true;
    }

    /** Whether the sweep's job has reached the scheduler (a cancel before that would cancel nothing). */
    boolean jobStarted() {
        return jobStarted;
    }

    @Override
    public synchronized void onExecutorAdded(SparkListenerExecutorAdded added) {
        executor(added.executorId(), added.executorInfo().executorHost()).cores = added.executorInfo().totalCores();
    }

    /** An executor the listener cannot hear about: a local master's, which starts with the context. */
    synchronized void executorKnown(String id, String host, int cores) {
        executor(id, host).cores = cores;
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        ExecutorState e = executors.get(removed.executorId());
        if (e != null) {
            e.lost = true;
        }
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart start) {
        TaskInfo t = start.taskInfo();
        if (firstLaunchMs == 0) {
            firstLaunchMs = t.launchTime();
        }
        executor(t.executorId(), t.host());
        attempts.put(t.taskId(), new Attempt(t.index(), t.executorId(), t.host(), t.launchTime(), 0));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskInfo t = end.taskInfo();
        String note = null;
        synchronized (this) {
            attempts.put(t.taskId(), new Attempt(t.index(), t.executorId(), t.host(), t.launchTime(), t.finishTime()));
            if (end.reason() instanceof TaskKilled) {
                // stopped by the driver (a stop request): not lost, and not run again
                stoppedAttempts++;
                note = String.format("spark: attempt %d of task %d on executor %s (%s) stopped before its end", t.attemptNumber() + 1,
                        t.index(), t.executorId(), t.host());
            } else if (!t.successful()) {
                lostAttempts++;
                executor(t.executorId(), t.host()).failed++;
                String why = end.reason() instanceof TaskFailedReason r ? r.toErrorString() : String.valueOf(end.reason());
                note = String.format("spark: attempt %d of task %d on executor %s (%s) ended without a result: %s", t.attemptNumber() + 1,
                        t.index(), t.executorId(), t.host(), why.lines().findFirst().orElse(why));
            }
        }
        if (note != null) {
            out.accept(note);
        }
    }

    /** Task attempts the driver killed while they ran (a stop request). */
    synchronized int stoppedAttempts() {
        return stoppedAttempts;
    }

    /** Counts a design the writer stored (or found stored), or one that failed. */
    synchronized void recorded(TaskOutcome outcome, boolean measured) {
        RanOn ran = outcome.ranOn();
        windows.put(ran.taskId(), ran);
        Attempt attempt = attempts.get(ran.taskId());
        if (attempt != null && attempt.finishMs() == 0) {
            // its result is here before the listener heard of its end
            attempts.put(ran.taskId(), new Attempt(attempt.partition(), attempt.executorId(), attempt.host(), attempt.launchMs(),
                    System.currentTimeMillis()));
        }
        long design = outcome.task().design();
        ExecutorState e = executor(ran.executorId(), ran.host());
        if (measured) {
            failed.remove(design);
            if (done.add(design)) {
                e.done++;
            }
        } else if (!done.contains(design) && failed.add(design)) {
            e.failed++;
        }
    }

    /**
     * How many other task attempts ran on the host of {@code ran} during its measurement: those whose measurement
     * overlapped it (both timed by that host's clock), and those still running that began before it ended.
     */
    synchronized int overlapping(RanOn ran) {
        String host = hostOf(ran.executorId(), ran.host());
        int n = 0;
        for (RanOn other : windows.values()) {
            if (other.taskId() != ran.taskId() && hostOf(other.executorId(), other.host()).equals(host) && other.startedMs() < ran.endedMs()
                    && other.endedMs() > ran.startedMs()) {
                n++;
            }
        }
        for (Map.Entry<Long, Attempt> a : attempts.entrySet()) {
            Attempt other = a.getValue();
            if (a.getKey() != ran.taskId() && !windows.containsKey(a.getKey()) && other.finishMs() == 0
                    && hostOf(other.executorId(), other.host()).equals(host)
                    && other.launchMs() < ran.endedMs()) {
                n++;
            }
        }
        return n;
    }

    /** An executor's host under one name (Spark's task and block manager names of a host may differ). */
    private String hostOf(String executorId, String fallback) {
        ExecutorState e = executors.get(executorId);
        return e != null ? e.host : fallback;
    }

    /** Task slots per host, for hosts with more than one: latencies measured there may be noisy. */
    synchronized Map<String, Integer> sharedHosts() {
        Map<String, Integer> slots = new LinkedHashMap<>();
        executors.values().stream().filter(e -> !e.lost).forEach(e -> slots.merge(e.host, Math.max(1, e.cores), Integer::sum));
        slots.values().removeIf(n -> n < 2);
        return slots;
    }

    synchronized SweepProgress snapshot() {
        Map<String, Integer> running = new HashMap<>();
        attempts.values().stream().filter(a -> a.finishMs() == 0).forEach(a -> running.merge(a.executorId(), 1, Integer::sum));
        List<SweepProgress.Executor> lines = new ArrayList<>();
        executors.forEach((id, e) -> {
            int now = running.getOrDefault(id, 0);
            if (now + e.done + e.failed > 0) {
                lines.add(new SweepProgress.Executor(id, e.host, e.done, now, e.failed, e.lost));
            }
        });
        double since = firstLaunchMs == 0 ? Double.NaN : (System.currentTimeMillis() - firstLaunchMs) / 1000.0;
        return new SweepProgress(total, done.size(), failed.size(), running.values().stream().mapToInt(Integer::intValue).sum(),
                lostAttempts, lines, since);
    }

    private ExecutorState executor(String id, String host) {
        return executors.computeIfAbsent(id, k -> new ExecutorState(host, 0));
    }
}
