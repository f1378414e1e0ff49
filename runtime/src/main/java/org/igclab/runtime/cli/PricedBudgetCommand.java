package org.igclab.runtime.cli;

import org.igclab.analyzer.cli.BudgetCommand;
import org.igclab.analyzer.latency.OpLatency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code igc budget} with the runtime present: {@code --latency-pred MS} predicts from this machine's calibration. */
@Command(name = "budget")
public class PricedBudgetCommand extends BudgetCommand {
    @Mixin
    StoreOption store;

    @Override
    protected OpLatency latencyModel() {
        return Calibrated.model(store, 1, spec().commandLine().getErr());
    }
}
