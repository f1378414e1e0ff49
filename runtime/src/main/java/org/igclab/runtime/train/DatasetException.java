package org.igclab.runtime.train;

import org.igclab.rules.IgcException;

/** A data set is missing or malformed; the message says where it was looked for and how to get it. */
public final class DatasetException extends IgcException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
