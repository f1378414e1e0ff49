package org.igclab.analyzer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;

/** Builds the {@code igc} command line with every subcommand on the class path and its error handling. */
public final class IgcCli {
    /** Success, or a chain whose verdict is strict. */
    public static final int OK = 0;
    /** The question was answered "no" (e.g. a chain whose verdict is not strict). */
    public static final int NO = 1;
    /** Bad input: a file, an option or a value. */
    public static final int INVALID = 2;
    /** A failure of the tool itself. */
    public static final int INTERNAL = 3;
    /** Stopped by Ctrl-C or SIGTERM, after saving its work (128 + SIGINT, as shells report an interrupted command). */
    public static final int INTERRUPTED = 130;

    private IgcCli() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new IgcCommand());
        for (CommandProvider provider : ServiceLoader.load(CommandProvider.class)) {
            for (Object command : provider.commands()) {
                // a module above may replace a command with an extended one (the runtime's sweep can measure, the spark
                // module's can run on a cluster): the most derived command wins, whatever order the providers come in
                CommandLine sub = new CommandLine(command); // (built here so that a command's model transformer applies)
                String name = sub.getCommandName();
                CommandLine present = cl.getSubcommands().get(name);
                if (present != null) {
                    Class<?> existing = present.getCommandSpec().userObject().getClass();
                    if (existing != command.getClass() && command.getClass().isAssignableFrom(existing)) {
                        continue;
                    }
                    cl.getCommandSpec().removeSubcommand(name);
                }
                cl.addSubcommand(name, sub);
            }
        }
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.getCommandSpec().usageMessage().commandListHeading("%nCommands, by task:%n");
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandsByTask());
        cl.setUsageHelpWidth(110);
        // picocli would read "@FILE" arguments as files of more arguments, unchecked: "@/dev/zero" never ends
        cl.setExpandAtFiles(false);
        cl.setExecutionExceptionHandler(new ErrorHandler(System.getenv("IGC_DEBUG") != null));
        cl.setParameterExceptionHandler(ErrorHandler::onParameterError);
        return cl;
    }

    /**
     * What {@code igc args} printed, and its exit code.
     *
     * @param code the exit code
     * @param out  standard output
     * @param err  standard error
     */
    public record Captured(int code, String out, String err) {
    }

    /** Runs {@code igc args} in this JVM and keeps what it printed (for tests, and programs that embed the command line). */
    public static Captured capture(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(new PrintWriter(out), new PrintWriter(err), args);
        return new Captured(code, out.toString(), err.toString());
    }

    /** Runs {@code igc args} with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
