package org.igclab.spark;

import java.io.Serializable;

/**
 * Where and when a task attempt ran.
 *
 * @param host        the executor's host as Spark names it
 * @param executorId  Spark's executor id ({@code driver} in local mode)
 * @param taskId      Spark's task attempt id, unique within the application
 * @param attempt     0 for the first attempt, 1 and up for retries
 * @param startedMs   when the task or, once it has its turn, its measurement began: epoch milliseconds, executor's clock
 * @param endedMs     when it ended (0 while running)
 */
public record RanOn(String host, String executorId, long taskId, int attempt, long startedMs, long endedMs) implements Serializable {

    /** The same attempt, its measurement beginning now (after waiting for its turn on the executor). */
    public RanOn began(long now) {
        return new RanOn(host, executorId, taskId, attempt, now, 0);
    }

    public RanOn ended(long now) {
        return new RanOn(host, executorId, taskId, attempt, startedMs, now);
    }

    public double seconds() {
        return endedMs <= 0 ? Double.NaN : (endedMs - startedMs) / 1000.0;
    }

    /** {@code executor 1 (10.0.0.7)}. */
    public String label() {
        return "executor " + executorId + " (" + host + ")";
    }
}
