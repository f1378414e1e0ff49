package org.igclab.analyzer.network.template;

import java.util.Locale;
import org.igclab.rules.model.InvalidDesignException;

/** Where a chain-like block puts BatchNorm + activation: after each kernel, after the whole block, or nowhere. */
public enum Norm {
    EACH, END, NONE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Norm parse(String field, String value) {
        for (Norm n : values()) {
            if (n.jsonName().equals(value)) {
                return n;
            }
        }
        throw new InvalidDesignException(field, "= \"" + value + "\" is not one of each, end, none");
    }
}
