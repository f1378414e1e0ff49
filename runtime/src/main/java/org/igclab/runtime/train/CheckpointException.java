package org.igclab.runtime.train;

import org.igclab.analyzer.cli.InputException;

/** A training checkpoint cannot be used; the message says which folder and what to do. */
public final class CheckpointException extends InputException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }
}
