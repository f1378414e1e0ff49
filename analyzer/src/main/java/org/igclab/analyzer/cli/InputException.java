package org.igclab.analyzer.cli;

import org.igclab.rules.IgcException;

/**
 * Bad input to a command found after parsing (a value out of range, options that do not go together, a file of the
 * wrong kind): exit code 2, the message only. Errors of the domain below the command line have their own
 * {@link IgcException} subtypes.
 */
public class InputException extends IgcException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
