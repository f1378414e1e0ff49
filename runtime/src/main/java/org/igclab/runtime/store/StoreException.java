package org.igclab.runtime.store;

import org.igclab.rules.IgcException;

/** The results store cannot be opened, read or written; the message says which file and why, the cause is SQLite's. */
public final class StoreException extends IgcException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
