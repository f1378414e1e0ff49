package org.igclab.analyzer.cli;

import picocli.CommandLine.Option;

/** The {@code --json} / {@code --csv} choice shared by the reporting commands (a picocli mixin). */
public final class OutputFormat {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--csv", description = "Print CSV instead of a table.")
    boolean csv;

    /** {@code table}, {@code json} or {@code csv}; both flags at once is an input error. */
    public String chosen() {
        if (json && csv) {
            throw new InputException("choose one of --json and --csv");
        }
        return json ? "json" : csv ? "csv" : "table";
    }
}
