package org.igclab.runtime.engine;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's thread pools: intra-op threads (inside one operation) and inter-op threads (between operations). Two
 * intra-op threads on a shared two-core machine made timings collapse (medians of seconds, p90 at 18 times the
 * median), so measurements default to one of each.
 */
public final class Threads {
    /** The most threads asked for: far more than any machine's cores, and libgomp crashes the JVM at 2^31 - 1. */
    public static final int MAX = 1024;

    /** One intra-op and one inter-op thread: steady timings on a shared machine. */
    public static final int DEFAULT = 1;

    private Threads() {
    }

    /**
     * The thread counts in effect.
     *
     * @param intra   intra-op threads
     * @param interop inter-op threads
     */
    public record Counts(int intra, int interop) {
        /** {@code 1 intra-op and 1 inter-op thread}. */
        public String describe() {
            return intra + " intra-op and " + interop + " inter-op thread" + (interop == 1 ? "" : "s");
        }
    }

    /**
     * Loads the engine and sets the counts (0 keeps the engine's choice). PyTorch takes the inter-op count only once
     * per process, before any inter-op work: where it was fixed earlier the earlier count stays, and the counts
     * returned (and reported with every timing) are the ones in effect.
     */
    public static Counts apply(int intra, int interop) {
        Engine.getInstance();
        if (intra > 0) {
            JniUtils.setNumThreads(intra);
        }
        if (interop > 0 && JniUtils.getNumInteropThreads() != interop) {
            try {
                JniUtils.setNumInteropThreads(interop);
            } catch (EngineException e) {
                // fixed earlier in this process: the count in effect is reported below
            }
        }
        return current();
    }

    /**
     * One intra-op thread per core, set on the calling thread. Sweeps and studies train with it: PyTorch keeps the count
     * per thread as well as for the process, so a thread that never set it (a Spark task's) and one that timed latency
     * with one thread earlier (the sweep's own) would otherwise sum a step's gradients in a different order, and the
     * same design would train to a loss that differs in its last digits.
     */
    public static Counts perCore() {
        return apply(Runtime.getRuntime().availableProcessors(), 0);
    }

    /** The counts in effect now. */
    public static Counts current() {
        Engine.getInstance();
        return new Counts(JniUtils.getNumThreads(), JniUtils.getNumInteropThreads());
    }
}
