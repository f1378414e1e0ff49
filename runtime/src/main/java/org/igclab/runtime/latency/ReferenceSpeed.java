package org.igclab.runtime.latency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The machine's reference speed: the fastest a small fixed workload (the reference probe, a dense convolution timed in
 * the engine the timings use) has run, a floor that only goes down. A virtual machine here ran up to twice as slow for
 * seconds to tens of seconds at a time, outside anything it can see (its load, its runnable threads and its CPU time all
 * stay as they were); the probe slows with it, so a probe median against this floor says how slow the machine is now.
 *
 * <p>The floor is this process's lowest probe median, lowered further by a calibration's floor ({@link #adopt}) where
 * one of this machine is known. Whether the last wait for the reference speed ended at its bound is kept too, so that
 * on a machine that stays slow only the first timing waits ({@link AdaptiveTiming#awaitReference}).
 */
public final class ReferenceSpeed {
    private static final Map<Integer, ReferenceSpeed> PROCESS = new ConcurrentHashMap<>();

    private double floorMs = Double.NaN;
    private boolean waitTimedOut;

    /** A reference with no floor yet. */
    public ReferenceSpeed() {
    }

    /**
     * This process's reference for probes run with {@code threads} intra-op threads (a probe's time depends on them),
     * shared by every timing in the process.
     */
    public static ReferenceSpeed process(int threads) {
        return PROCESS.computeIfAbsent(threads, t -> new ReferenceSpeed());
    }

    /** The floor in milliseconds, NaN before any probe. */
    public synchronized double floorMs() {
        return floorMs;
    }

    /** Records a probe median: the floor goes down to it when it is lower. Returns the median as given (NaN: no probe). */
    public synchronized double observe(double probeMs) {
        if (probeMs > 0 && Double.isFinite(probeMs) && !(floorMs <= probeMs)) {
            floorMs = probeMs;
        }
        return probeMs;
    }

    /** Takes a floor measured elsewhere on this machine (a calibration's): the floor goes down to it when it is lower. */
    public void adopt(double referenceMs) {
        observe(referenceMs);
    }

    /** A probe median over the floor: 1 at the reference speed, 1.5 half as fast again; NaN without either. */
    public synchronized double slowdown(double probeMs) {
        return probeMs / floorMs;
    }

    /** Whether the last wait for the reference speed ended at its bound with the machine still slow. */
    public synchronized boolean waitTimedOut() {
        return waitTimedOut;
    }

    synchronized void waitEnded(boolean timedOut) {
        waitTimedOut = timedOut;
    }
}
