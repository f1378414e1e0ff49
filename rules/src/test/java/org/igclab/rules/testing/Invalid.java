package org.igclab.rules.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.igclab.rules.model.InvalidDesignException;

/** Asserts that a design is rejected with the exact path and message. */
public final class Invalid {
    private Invalid() {
    }

    public static void rejects(ThrowingCallable call, String path, String message) {
        assertThatThrownBy(call)
                .isExactlyInstanceOf(InvalidDesignException.class)
                .hasMessage(message)
                .extracting(e -> ((InvalidDesignException) e).path())
                .isEqualTo(path);
    }
}
