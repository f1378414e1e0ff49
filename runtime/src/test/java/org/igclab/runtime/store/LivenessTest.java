package org.igclab.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule that tells a run whose process died (kill -9) from one still working. */
class LivenessTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Instant STARTED = NOW.minus(Duration.ofHours(1));
    static final Instant BEAT = NOW.minusSeconds(3);

    /** Processes 100 (started before the run) and 200 (started a minute ago) live on this host. */
    static final Liveness.Processes HERE = pid -> Optional.ofNullable(Map.of(
            100L, STARTED.minusSeconds(5),
            200L, NOW.minusSeconds(60)).get(pid));

    static Optional<String> gone(Long pid, String host, Instant heartbeat) {
        return Liveness.gone(new Liveness.Owner(pid, host, heartbeat, STARTED), "here", NOW, HERE);
    }

    @Test
    void onItsHostARunLivesAsLongAsItsProcess() {
        assertThat(gone(100L, "here", BEAT)).isEmpty();
        // the pid decides on the same host, not the clock: a store locked for a while stops heartbeats, not the run
        assertThat(gone(100L, "here", NOW.minus(Duration.ofHours(1)))).isEmpty();
        assertThat(gone(300L, "here", BEAT)).get().asString().contains("pid 300 on here", "is gone");
    }

    @Test
    void aPidReusedByANewerProcessDoesNotKeepTheRunAlive() {
        Instant beatBeforeThatProcessStarted = NOW.minusSeconds(600);
        assertThat(gone(200L, "here", beatBeforeThatProcessStarted)).get().asString().contains("now belongs to a process started");
        // a process that started before its last heartbeat is the one that wrote it
        assertThat(gone(200L, "here", NOW.minusSeconds(30))).isEmpty();
    }

    @Test
    void onAnotherHostOnlyTheHeartbeatTells() {
        assertThat(gone(300L, "elsewhere", BEAT)).isEmpty();
        assertThat(gone(300L, "elsewhere", NOW.minus(Liveness.STALE).minusSeconds(1))).get().asString()
                .contains("pid 300 on elsewhere", "sent no heartbeat since");
        assertThat(gone(100L, "elsewhere", NOW.minus(Liveness.STALE).plusSeconds(1))).isEmpty();
    }

    @Test
    void aRunWithoutAProcessRecordedIsGoneOnceStale() {
        // rows written by an earlier IGC Lab: only their start time is known
        assertThat(Liveness.gone(new Liveness.Owner(null, null, null, NOW.minusSeconds(10)), "here", NOW, HERE)).isEmpty();
        assertThat(gone(null, null, null)).get().asString().contains("no heartbeat since " + STARTED);
    }
}
