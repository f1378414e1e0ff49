package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code igc --help} lists the commands by task, and every command says its task. */
class TopLevelHelpTest {

    @Test
    void everyCommandHasATaskAndTheHelpGroupsThem() {
        for (Map.Entry<String, CommandLine> c : IgcCli.commandLine().getSubcommands().entrySet()) {
            if (!c.getKey().equals("help")) {
                assertThat(c.getValue().getCommandSpec().userObject().getClass().getAnnotation(Task.Of.class)).as(c.getKey()).isNotNull();
            }
        }
        IgcCli.Captured help = IgcCli.capture("--help");
        assertThat(help.code()).isZero();
        String out = help.out();
        assertThat(out).contains("Commands, by task:");
        int analyse = out.indexOf(Task.ANALYSE.title());
        int export = out.indexOf(Task.EXPORT.title());
        assertThat(analyse).isPositive().isLessThan(out.indexOf("    enumerate "));
        assertThat(out.indexOf("    budget ")).isLessThan(export);
        assertThat(export).isLessThan(out.indexOf("    graph "));
        assertThat(out.indexOf("  Help:")).isLessThan(out.indexOf("    help "));
    }
}
