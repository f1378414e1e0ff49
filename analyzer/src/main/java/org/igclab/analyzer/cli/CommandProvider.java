package org.igclab.analyzer.cli;

import java.util.List;

/**
 * Lets modules built on top of the analyzer (runtime, ui) add their subcommands to {@code igc} without
 * the analyzer depending on them: each lists its provider in
 * {@code META-INF/services/org.igclab.analyzer.cli.CommandProvider}.
 */
public interface CommandProvider {
    /** Picocli command objects (annotated with {@code @Command}). */
    List<Object> commands();
}
