package org.igclab.runtime.calibrate;

import ai.djl.ndarray.NDManager;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One sub-manager per timed pass, of which the last {@code kept} stay open after their pass: their outputs stay
 * allocated, so the next pass writes its output to memory no recent pass used, as an operation inside a network does
 * (DJL keeps every output of a forward pass until the pass ends). With {@code kept} 0 each pass's scope closes after it.
 */
final class RecentScopes implements AutoCloseable {

    private final NDManager parent;
    private final int kept;
    private final Deque<NDManager> open = new ArrayDeque<>();

    RecentScopes(NDManager parent, int kept) {
        if (kept < 0) {
            throw new IllegalArgumentException("kept must be >= 0: " + kept);
        }
        this.parent = parent;
        this.kept = kept;
    }

    /** A fresh scope for the next pass's inputs and outputs. */
    NDManager next() {
        NDManager scope = parent.newSubManager();
        open.add(scope);
        return scope;
    }

    /** After a pass: closes the scopes older than the last {@code kept}. */
    void passDone() {
        while (open.size() > kept) {
            open.poll().close();
        }
    }

    /** Scopes open now. */
    int open() {
        return open.size();
    }

    @Override
    public void close() {
        open.forEach(NDManager::close);
        open.clear();
    }
}
