package org.igclab.runtime.latency;

import java.util.Locale;

/** Why the timed passes of one batch size stopped. */
public enum Stop {
    /** The median's confidence half-width reached the target. */
    TARGET_MET,
    /** The most timed passes allowed were run before the target was reached. */
    RUN_CAP,
    /** The time allowed ran out before the target was reached. */
    TIME_CAP,
    /** Cancelled by the caller. */
    CANCELLED;

    /** {@code target met}, {@code run cap}, {@code time cap}, {@code cancelled}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
