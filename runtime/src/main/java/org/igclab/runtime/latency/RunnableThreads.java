package org.igclab.runtime.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many threads want a processor besides this process's own, for the {@link InterferenceRule}: Linux's count of
 * runnable threads (the fourth field of {@code /proc/loadavg}) counts this JVM's own threads too (its JIT compilers,
 * its collector), which on a quiet machine made a timing look crowded; their effect on the timing thread shows in that
 * thread's CPU share instead. So the count is the machine's less this process's runnable threads other than the
 * caller. This process's threads are read only when the machine's count exceeds the processors (the only case the
 * rule looks at), so a quiet machine pays nothing for it, and at most every {@link #OWN_REFRESH_NANOS} (listing a JVM's
 * threads takes about a millisecond on a busy machine, and a timing counts before every pass).
 */
public final class RunnableThreads {
    private static final Path LOADAVG = Path.of("/proc/loadavg");
    private static final Path OWN_TASKS = Path.of("/proc/self/task");

    /** How long this process's own count is reused: its compilers' and collector's bursts last longer. */
    static final long OWN_REFRESH_NANOS = 50_000_000;
    private static long ownReadAt = Long.MIN_VALUE;
    private static long ownOthers;

    private RunnableThreads() {
    }

    /** This process's runnable threads other than the caller, read afresh at most every {@link #OWN_REFRESH_NANOS}. */
    private static synchronized long ownOthers() throws IOException {
        long now = System.nanoTime();
        if (ownReadAt == Long.MIN_VALUE || now - ownReadAt > OWN_REFRESH_NANOS) {
            try (Stream<Path> tasks = Files.list(OWN_TASKS)) {
                ownOthers = othersOfOwn(tasks.map(RunnableThreads::readQuietly).toList());
            }
            ownReadAt = now;
        }
        return ownOthers;
    }

    /** The runnable threads now, this process's other threads left out; NaN where the system does not tell (no Linux /proc). */
    public static double now(int cores) {
        try {
            double machine = machine(Files.readString(LOADAVG));
            if (!(machine > cores)) {
                return machine;
            }
            return Math.max(1, machine - ownOthers());
        } catch (IOException | RuntimeException e) {
            // no Linux /proc, or a format of another kernel: the interference rule then goes by CPU time alone
            return Double.NaN;
        }
    }

    /** The fourth field of {@code /proc/loadavg} ({@code 0.52 0.58 0.59 3/112 4242}): runnable threads, the reader included. */
    static double machine(String loadavg) {
        String[] fields = loadavg.trim().split("\\s+");
        return fields.length < 4 ? Double.NaN : Double.parseDouble(fields[3].substring(0, fields[3].indexOf('/')));
    }

    /**
     * The machine's runnable count less this process's runnable threads other than the caller ({@link #othersOfOwn}).
     * The caller is running, so it is one of the runnable ones; never below 1.
     */
    static double othersAndCaller(double machine, List<String> ownStats) {
        return Math.max(1, machine - othersOfOwn(ownStats));
    }

    /**
     * This process's runnable threads other than the caller, from the {@code stat} lines of its threads ({@code 4242 (java)
     * R ...}: the state follows the name's closing parenthesis); the caller is one of the runnable ones.
     */
    static long othersOfOwn(List<String> ownStats) {
        long own = ownStats.stream().filter(s -> {
            int close = s.lastIndexOf(')');
            return close >= 0 && close + 2 < s.length() && s.charAt(close + 2) == 'R';
        }).count();
        return Math.max(0, own - 1);
    }

    private static String readQuietly(Path task) {
        try {
            return Files.readString(task.resolve("stat"));
        } catch (IOException e) {
            return ""; // the thread ended since it was listed
        }
    }
}
