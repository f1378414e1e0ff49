package org.igclab.analyzer.network.template;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.igclab.analyzer.network.Op;
import org.igclab.rules.model.InvalidDesignException;

/** The activations a template may be given by name: every activation operation, and {@code none} where allowed. */
final class Activations {
    static final String NONE = "none";

    private Activations() {
    }

    /** The activation {@code value} names; {@code none} is empty where {@code noneAllowed}. Errors name {@code field}. */
    static Optional<Op.Activation.Kind> parse(String field, String value, boolean noneAllowed) {
        if (noneAllowed && value.equals(NONE)) {
            return Optional.empty();
        }
        return Optional.of(Op.Activation.Kind.named(value).orElseThrow(() -> new InvalidDesignException(field, "= \"" + value
                + "\" is not one of " + names(noneAllowed))));
    }

    /** A kind that must be present: {@code none} is refused. */
    static Op.Activation.Kind required(String field, String value) {
        return parse(field, value, false).orElseThrow();
    }

    private static String names(boolean noneAllowed) {
        String kinds = Arrays.stream(Op.Activation.Kind.values()).map(Op.Activation.Kind::fileName).collect(Collectors.joining(", "));
        return noneAllowed ? kinds + ", " + NONE : kinds;
    }
}
