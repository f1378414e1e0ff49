package org.igclab.analyzer.cli;

import picocli.CommandLine.Option;

/** {@code --json}, for commands that print text or JSON (no table, so no CSV); a picocli mixin. See {@link OutputFormat}. */
public final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    public boolean json() {
        return json;
    }
}
