package org.igclab.runtime.store;

import org.igclab.analyzer.cli.InputException;

/** The results store cannot be opened, read or written; the message says which file and why. */
public final class StoreException extends InputException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }
}
