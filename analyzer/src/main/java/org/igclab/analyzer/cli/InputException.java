package org.igclab.analyzer.cli;

/**
 * Bad input found after parsing (a value out of range, a file of the wrong kind, a store that cannot be opened):
 * exit code 2, the message only. Modules above the analyzer extend it for their own user-facing errors.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
