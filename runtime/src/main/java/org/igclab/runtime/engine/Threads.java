package org.igclab.runtime.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/** PyTorch's intra-op thread count, which the engine must have loaded its native library to set. */
public final class Threads {
    /** The most threads asked for: far more than any machine's cores, and libgomp crashes the JVM at 2^31 - 1. */
    public static final int MAX = 1024;

    private Threads() {
    }

    /** Sets the count when positive; 0 keeps the engine's choice. Loads the engine first. */
    public static void apply(int threads) {
        Engine.getInstance();
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
    }
}
