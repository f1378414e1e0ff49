package org.igclab.runtime.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runnable count the interference rule reads: the machine's, less this process's own other runnable threads. */
class RunnableThreadsTest {

    @Test
    void readsTheMachinesRunnableThreadsFromLoadavg() {
        assertThat(RunnableThreads.machine("0.52 0.58 0.59 3/112 4242\n")).isEqualTo(3);
        assertThat(RunnableThreads.machine("0.52 0.58")).isNaN();
    }

    @Test
    void leavesOutThisProcesssOtherRunnableThreads() {
        List<String> own = List.of(
                "4242 (java) S 1 4242 4242 0 -1",            // the main thread, asleep
                "4250 (main) R 1 4242 4242 0 -1",            // the timing thread: running, it is the caller
                "4251 (C2 CompilerThre) R 1 4242 4242 0 -1", // a JIT compiler at work
                "4252 (GC Thread#0) R 1 4242 4242 0 -1",     // the collector
                "4253 (a (strange) name) S 1 4242 4242 0 -1", // a name with parentheses: the state follows the last one
                "");                                          // a thread that ended while listed
        // 4 runnable on the machine: the caller, the compiler, the collector and one other process's thread
        assertThat(RunnableThreads.othersAndCaller(4, own)).isEqualTo(2);
        // only this process runs: the caller alone is left
        assertThat(RunnableThreads.othersAndCaller(3, own)).isEqualTo(1);
        // no thread of ours reads as runnable (the count raced the states): the machine's count stands
        assertThat(RunnableThreads.othersAndCaller(3, List.of("4250 (main) S 1"))).isEqualTo(3);
    }
}
