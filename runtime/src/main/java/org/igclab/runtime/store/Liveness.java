package org.igclab.runtime.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a run stored as {@code running} still has a process working on it. A run records the pid and host of its
 * process and a heartbeat every {@link #BEAT}; a process killed outright (kill -9, a power cut) cannot say it ended,
 * so the next command that opens the store applies this rule and stores such a run as {@code interrupted}.
 *
 * <p>The rule: on the run's own host the process is gone when its pid is not alive, or is alive but started after
 * the last heartbeat (the pid was reused by another program). From another host only time can tell: a heartbeat
 * older than {@link #STALE} means gone. A run without a pid (written by an older IGC Lab) is gone once it started
 * more than {@link #STALE} ago without a heartbeat.
 */
public final class Liveness {
    /** How often a running process records its heartbeat. */
    public static final Duration BEAT = Duration.ofSeconds(5);
    /** A heartbeat older than this means the process is gone, when its pid cannot be checked. */
    public static final Duration STALE = Duration.ofMinutes(2);
    /** Process start times come from the kernel's clock ticks; allow for their rounding. */
    private static final Duration START_SLACK = Duration.ofSeconds(2);

    /**
     * Who claims a running run.
     *
     * @param pid       the process id, or null when not recorded
     * @param host      the host name, or null
     * @param heartbeat the last heartbeat, or null
     * @param started   when the run started
     */
    public record Owner(Long pid, String host, Instant heartbeat, Instant started) {
    }

    /** Looks up processes on this host. */
    @FunctionalInterface
    public interface Processes {
        /** The start instant of a live process, {@link Instant#MIN} when unknown; empty when there is no such process. */
        Optional<Instant> startOf(long pid);
    }

    private Liveness() {
    }

    /**
     * Why the run's process is gone, or empty while it may still be working.
     *
     * @param thisHost the host applying the rule
     */
    public static Optional<String> gone(Owner owner, String thisHost, Instant now, Processes processes) {
        Instant lastSign = owner.heartbeat() != null ? owner.heartbeat() : owner.started();
        if (owner.pid() == null || owner.host() == null) {
            return stale(lastSign, now) ? Optional.of("its process recorded no heartbeat since " + lastSign) : Optional.empty();
        }
        String who = "its process (pid " + owner.pid() + " on " + owner.host() + ")";
        if (owner.host().equals(thisHost)) {
            Optional<Instant> start = processes.startOf(owner.pid());
            if (start.isEmpty()) {
                return Optional.of(who + " is gone; last heartbeat " + lastSign);
            }
            if (start.get().isAfter(lastSign.plus(START_SLACK))) {
                return Optional.of(who + " is gone: that pid now belongs to a process started " + start.get());
            }
            return Optional.empty();
        }
        return stale(lastSign, now) ? Optional.of(who + " sent no heartbeat since " + lastSign) : Optional.empty();
    }

    /** Whether another live process works on a run stored as {@code running}. */
    public static boolean stillRunning(RunRecord run) {
        if (!ResultStore.RUNNING.equals(run.status()) || run.pid() != null && run.pid() == pid() && host().equals(run.host())) {
            return false;
        }
        Owner owner = new Owner(run.pid(), run.host(), instant(run.heartbeatAt()), instant(run.startedAt()));
        return gone(owner, host(), Instant.now(), processes()).isEmpty();
    }

    static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    private static boolean stale(Instant lastSign, Instant now) {
        return lastSign.plus(STALE).isBefore(now);
    }

    /** The processes of this host, as the operating system reports them. */
    public static Processes processes() {
        return pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().orElse(Instant.MIN));
    }

    /** This process's id. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** This host's name (the kernel's, which needs no name lookup). */
    public static String host() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            // no name to be had (no /proc, no resolver): runs of this machine still match each other by it
            return "localhost";
        }
    }
}
