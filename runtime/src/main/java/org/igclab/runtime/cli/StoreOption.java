package org.igclab.runtime.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --store PATH}: the results store, shared by the runtime's commands (a picocli mixin). */
public final class StoreOption {
    @Option(names = "--store", paramLabel = "PATH", defaultValue = "igc-results.db",
            description = "The results store, an SQLite file (default: ${DEFAULT-VALUE}).")
    Path store;

    public Path path() {
        return store;
    }
}
