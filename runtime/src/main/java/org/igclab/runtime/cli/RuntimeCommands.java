package org.igclab.runtime.cli;

import java.util.List;
import org.igclab.analyzer.cli.CommandProvider;

/** Adds the runtime's commands to {@code igc}. */
public final class RuntimeCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new EvaluateCommand(), new TrainCommand(), new ResultsCommand(), new MeasuredSweepCommand(), new ExportCommand(), new CalibrateCommand(), new PricedCostCommand(), new PricedBudgetCommand(), new LatencyBenchCommand(), new ProfileCommand(),
                new StudyCommand());
    }
}
