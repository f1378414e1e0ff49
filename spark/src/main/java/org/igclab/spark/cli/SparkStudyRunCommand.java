package org.igclab.spark.cli;

import org.igclab.runtime.cli.StudyRunCommand;
import org.igclab.runtime.study.TrialMeasurer;
import org.igclab.spark.SparkTrialMeasurer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code igc study run} with Spark present: with {@code --spark} or {@code --master URL}, each batch of trials is a Spark job. */
@Command(name = "run")
public final class SparkStudyRunCommand extends StudyRunCommand {
    @Mixin
    SparkOptions on;

    @Override
    protected void checkOptions() {
        on.check();
    }

    @Override
    protected TrialMeasurer measurer() {
        return on.wanted() ? new SparkTrialMeasurer(on.options()) : super.measurer();
    }
}
