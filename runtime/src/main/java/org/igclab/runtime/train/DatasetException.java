package org.igclab.runtime.train;

import org.igclab.analyzer.cli.InputException;

/** A data set is missing or malformed; the message says where it was looked for and how to get it. */
public final class DatasetException extends InputException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }
}
