package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.igclab.analyzer.cli.IgcCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every command's help, the runtime's included, is a valid format string as picocli reads it: a bare {@code %} (as in
 * "+-10% of") makes picocli print a WARN line and show the text unformatted.
 */
class HelpTextsTest {

    /** The texts of a command's help that picocli formats (header, description, footer; not options'), each named by its command. */
    private static List<String[]> texts(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        String at = spec.qualifiedName();
        List<String[]> out = new ArrayList<>();
        for (String[] part : List.of(spec.usageMessage().header(), spec.usageMessage().description(), spec.usageMessage().footer())) {
            for (String line : part) {
                out.add(new String[] {at, line});
            }
        }
        cl.getSubcommands().values().stream().filter(sub -> sub != cl).forEach(sub -> out.addAll(texts(sub)));
        return out;
    }

    @Test
    void everyHelpTextFormatsWithoutAWarning() {
        List<String[]> all = texts(IgcCli.commandLine());
        assertThat(all.stream().map(t -> t[0]).distinct()).as("the runtime's commands are there").contains("igc latency-bench",
                "igc study bench");
        List<String> broken = new ArrayList<>();
        for (String[] t : all) {
            try {
                String.format(t[1]);
            } catch (IllegalFormatException e) {
                broken.add(t[0] + ": " + t[1] + " (" + e.getMessage() + ")");
            }
        }
        assertThat(broken).isEmpty();
        for (String args : List.of("--help", "latency-bench --help", "study bench --help")) {
            IgcCli.Captured help = IgcCli.capture(args.split(" "));
            assertThat(help.out() + help.err()).as(args).doesNotContain("WARN").doesNotContain("%%");
        }
    }
}
