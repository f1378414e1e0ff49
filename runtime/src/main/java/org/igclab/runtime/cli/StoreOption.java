package org.igclab.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.igclab.analyzer.sweep.DesignName;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunRecord;
import picocli.CommandLine.Option;

/** {@code --store PATH}: the results store, shared by the runtime's commands (a picocli mixin). */
public final class StoreOption {
    @Option(names = "--store", paramLabel = "PATH", defaultValue = "igc-results.db",
            description = "The results store, an SQLite file (default: ${DEFAULT-VALUE}).")
    Path store;

    public Path path() {
        return store;
    }

    /** Opens the store, saying on {@code err} which runs it found abandoned by a process that is gone. */
    public ResultStore open(PrintWriter err) {
        ResultStore db = ResultStore.open(store);
        for (RunRecord r : db.recovered()) {
            err.printf("run %d (%s %s) was still marked running; %s%n", r.id(), r.kind(), DesignName.readable(r.designName()), r.message());
        }
        return db;
    }
}
