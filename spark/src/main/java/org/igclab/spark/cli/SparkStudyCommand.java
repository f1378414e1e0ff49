package org.igclab.spark.cli;

import org.igclab.runtime.cli.StudyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code igc study} with Spark present: its {@code run} can measure on Spark (the most derived study command wins). */
@Command(name = "study", modelTransformer = SparkStudyCommand.WithSpark.class)
public final class SparkStudyCommand extends StudyCommand {

    /** Replaces the runtime's {@code study run} with the one that takes {@code --spark} and {@code --master}. */
    public static final class WithSpark implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.removeSubcommand("run");
            spec.addSubcommand("run", new CommandLine(new SparkStudyRunCommand()));
            return spec;
        }
    }
}
