package org.igclab.analyzer.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code --json} or {@code --csv} (not both: picocli refuses them together, naming them), the choice of the reporting
 * commands that print tables; a picocli mixin: {@code @Mixin OutputFormat format;}, then {@code format.chosen()}.
 * Commands that print no table use {@link JsonOption}.
 */
public final class OutputFormat {
    /** How a report is printed. */
    public enum Format {
        TABLE, JSON, CSV
    }

    /** Set by picocli when either flag is given. */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Flags flags;

    static final class Flags {
        @Option(names = "--json", required = true, description = "Print JSON instead of a table.")
        boolean json;

        @Option(names = "--csv", required = true, description = "Print CSV instead of a table.")
        boolean csv;
    }

    public Format chosen() {
        return flags == null ? Format.TABLE : flags.json ? Format.JSON : Format.CSV;
    }
}
