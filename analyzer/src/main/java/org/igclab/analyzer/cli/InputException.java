package org.igclab.analyzer.cli;

/** Bad input found after parsing (a value out of range, a file of the wrong kind): exit code 2, message only. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
