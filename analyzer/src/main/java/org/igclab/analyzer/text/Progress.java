package org.igclab.analyzer.text;

import java.io.PrintStream;
import org.igclab.analyzer.ProgressListener;

/**
 * A one-line progress indicator on standard error for long work, redrawn at most five times a second and
 * only when standard error is a terminal, so pipes and logs stay clean.
 */
public final class Progress implements ProgressListener, AutoCloseable {
    private final PrintStream err;
    private final String what;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    public Progress(PrintStream err, String what, boolean enabled) {
        this.err = err;
        this.what = what;
        this.enabled = enabled;
    }

    /** Enabled when a console is attached (standard error is then usually the terminal). */
    public static Progress onConsole(String what) {
        return new Progress(System.err, what, System.console() != null);
    }

    @Override
    public synchronized void progress(long done, long total) {
        long now = System.nanoTime();
        if (!enabled || now - lastDrawn < 200_000_000L || now - started < 500_000_000L) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        double seconds = (now - started) / 1e9;
        double eta = done > 0 ? seconds * (total - done) / done : Double.NaN;
        err.printf("\r%s %d/%d (%.0f%%), %.1f s, about %.0f s left   ", what, done, total,
                100.0 * done / Math.max(1, total), seconds, eta);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }
}
