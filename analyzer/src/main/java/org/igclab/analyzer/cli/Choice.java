package org.igclab.analyzer.cli;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Converts an option that takes one of a few named values ({@code fashion-mnist}, {@code graphml}, {@code channel-wise})
 * into its type, and lists the names for the help ({@code completionCandidates}, shown by {@code ${COMPLETION-CANDIDATES}}).
 * A wrong value is reported by picocli with the option: {@code Invalid value for option '--data': 'mnist' is not one of
 * fashion-mnist, cifar10} (exit code 2). One subclass per type, e.g.
 * {@code static final class Names extends Choice<Execution> { Names() { super(Execution.values()); } }}
 * and {@code @Option(names = "--execution", converter = Execution.Names.class, completionCandidates = Execution.Names.class)}.
 *
 * @param <E> the option's type, usually an enum
 */
public abstract class Choice<E> implements CommandLine.ITypeConverter<E>, Iterable<String> {
    private final Map<String, E> names = new LinkedHashMap<>();
    private final Map<String, E> aliases = new HashMap<>();

    /** The values, each known by {@code name} (matched regardless of case). */
    protected Choice(E[] values, Function<E, String> name) {
        for (E v : values) {
            names.put(name.apply(v), v);
        }
    }

    /** An enum's constants, each known by {@link #nameOf}. */
    protected Choice(E[] values) {
        this(values, v -> nameOf((Enum<?>) v));
    }

    /** How an enum constant is typed: in lower case, {@code -} for {@code _} ({@code CHANNEL_WISE}: {@code channel-wise}). */
    public static String nameOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Also accepts {@code alias} for {@code value}; the help shows only the names. */
    protected final void alias(String alias, E value) {
        aliases.put(alias, value);
    }

    @Override
    public E convert(String value) {
        String key = value.trim().toLowerCase(Locale.ROOT);
        for (Map<String, E> m : java.util.List.of(names, aliases)) {
            for (Map.Entry<String, E> e : m.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(key)) {
                    return e.getValue();
                }
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of " + String.join(", ", names.keySet()));
    }

    @Override
    public Iterator<String> iterator() {
        return names.keySet().iterator();
    }
}
