package org.igclab.runtime.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records, every {@link Liveness#BEAT}, that a run's process is alive, on a connection of its own so that a beat
 * never waits behind the run's own writes. A beat that finds the store locked is skipped: the next one comes soon,
 * and on this host the pid alone tells that the process lives.
 */
public final class Heartbeat implements AutoCloseable {
    private final Connection db;
    private final ScheduledExecutorService timer;
    private final long runId;
    private final long pid;

    Heartbeat(String url, long runId, long pid) throws SQLException {
        this.db = DriverManager.getConnection(url);
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA busy_timeout = 1000");
        }
        this.runId = runId;
        this.pid = pid;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "igc-heartbeat-" + runId);
            t.setDaemon(true);
            return t;
        });
        long period = Liveness.BEAT.toMillis();
        timer.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        String sql = "UPDATE runs SET heartbeat_at = ? WHERE id = ? AND pid = ? AND status = 'running'";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, Instant.now().toString());
            p.setLong(2, runId);
            p.setLong(3, pid);
            p.executeUpdate();
        } catch (SQLException e) {
            // locked or busy: skipped, see the class comment
        }
    }

    /** Stops beating and waits for a beat in progress, so no write to the store outlives the run. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.close();
        } catch (SQLException e) {
            // nothing was pending on this connection
        }
    }
}
