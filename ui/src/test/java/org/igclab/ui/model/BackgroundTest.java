package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void theNewestJobOfALaneWinsAndOthersAreDropped() throws Exception {
        var fx = Executors.newSingleThreadExecutor();
        List<Integer> shown = new CopyOnWriteArrayList<>();
        List<Integer> ran = new CopyOnWriteArrayList<>();
        try (Background b = new Background(fx)) {
            // a delay no burst of five calls outlasts, even on a machine whose cores are all busy elsewhere
            for (int i = 1; i <= 5; i++) {
                int n = i;
                b.latest("lane", 2_000, stale -> {
                    ran.add(n);
                    return n;
                }, shown::add, e -> { });
            }
            b.once(stale -> 99, shown::add, e -> { });
            assertThat(b.awaitIdle(Duration.ofMinutes(2))).isTrue();
        } finally {
            fx.shutdown();
        }
        // the keystrokes' jobs were superseded before they started: only the last ran
        assertThat(ran).containsExactly(5);
        assertThat(shown).containsExactlyInAnyOrder(5, 99);
    }

    @Test
    void aJobWaitingOutALongPauseIsNotWaitedForOnceSupersededOrCancelled() throws Exception {
        var fx = Executors.newSingleThreadExecutor();
        List<Integer> shown = new CopyOnWriteArrayList<>();
        try (Background b = new Background(fx)) {
            // a typed value waits for an hour's pause, then Enter applies the complete one at once
            b.latest("explore", Duration.ofHours(1).toMillis(), stale -> 1, shown::add, e -> { });
            b.latest("explore", 0, stale -> 2, shown::add, e -> { });
            assertThat(b.awaitIdle(Duration.ofMinutes(2))).isTrue();
            // a value that became invalid cancels what was waiting
            b.latest("explore", Duration.ofHours(1).toMillis(), stale -> 3, shown::add, e -> { });
            assertThat(b.idle()).isFalse();
            b.cancel("explore");
            assertThat(b.awaitIdle(Duration.ofMinutes(2))).isTrue();
        } finally {
            fx.shutdown();
        }
        assertThat(shown).containsExactly(2);
    }

    @Test
    void failuresReachTheirHandler() throws Exception {
        var fx = Executors.newSingleThreadExecutor();
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Background b = new Background(fx)) {
            b.latest("lane", 0, stale -> {
                throw new IllegalStateException("boom");
            }, v -> { }, e -> errors.add(e.getMessage()));
            assertThat(b.awaitIdle(Duration.ofMinutes(2))).isTrue();
        } finally {
            fx.shutdown();
        }
        assertThat(errors).containsExactly("boom");
    }
    /**
     * A burst of jobs in one lane, each superseding the last while the timer may be handing it to a worker: every job is
     * counted out exactly once, so the explorer becomes idle. (A job superseded while the timer was handing it over was
     * once counted out twice, by the cancel and by the job itself, and the count never came back to zero.)
     */
    @Test
    void aBurstOfSupersedingJobsLeavesTheCountAtZero() throws Exception {
        var fx = Executors.newSingleThreadExecutor();
        List<Integer> shown = new CopyOnWriteArrayList<>();
        try (Background b = new Background(fx)) {
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 500; i++) {
                    int n = i;
                    b.latest("detail", 0, stale -> n, shown::add, e -> { });
                }
                assertThat(b.awaitIdle(Duration.ofMinutes(1))).as("idle after burst %d", round).isTrue();
                assertThat(b.idle()).isTrue();
            }
        } finally {
            fx.shutdown();
        }
        // the last job of each burst is the newest when it delivers: it is shown
        assertThat(shown).contains(499);
    }
}
