package org.igclab.runtime.evaluate;

import org.igclab.rules.IgcException;

/** A batch whose estimated memory does not fit this machine, refused before anything is allocated. */
public final class MemoryLimitException extends IgcException {
    private static final long serialVersionUID = 1L;

    public MemoryLimitException(String message) {
        super(message);
    }
}
