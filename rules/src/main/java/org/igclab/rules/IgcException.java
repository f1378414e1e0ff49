package org.igclab.rules;

/**
 * A failure the user can act on: an invalid design, a store or checkpoint that cannot be used, a missing data set, bad
 * input to a command. The message is one line that names the field, file or option and the value; the cause, when there
 * is one, is kept for whoever debugs it. The command line reports every one as invalid input (exit code 2); any other
 * exception is a failure of the tool itself (exit code 3).
 *
 * <p>Subtypes: {@code rules.model.InvalidDesignException} (and its {@code CountOverflowException}),
 * {@code analyzer.cli.InputException}, and the runtime's {@code StoreException}, {@code CheckpointException},
 * {@code DatasetException}, {@code MemoryLimitException}.
 */
public abstract class IgcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected IgcException(String message) {
        super(message);
    }

    protected IgcException(String message, Throwable cause) {
        super(message, cause);
    }
}
