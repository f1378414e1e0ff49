package org.igclab.spark.cli;

import java.util.List;
import org.igclab.analyzer.cli.CommandProvider;

/** Replaces {@code igc sweep} with the one that can run on Spark (the most derived sweep wins whatever the order). */
public final class SparkCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new SparkSweepCommand(), new SparkStudyCommand());
    }
}
