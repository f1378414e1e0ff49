package org.igclab.runtime.train;

import org.igclab.rules.IgcException;

/** A training checkpoint cannot be used; the message says which folder and what to do. */
public final class CheckpointException extends IgcException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
