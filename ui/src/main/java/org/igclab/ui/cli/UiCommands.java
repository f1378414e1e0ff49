package org.igclab.ui.cli;

import java.util.List;
import org.igclab.analyzer.cli.CommandProvider;

/** Adds {@code igc explore} to the command line. */
public final class UiCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new ExploreCommand());
    }
}
