package org.igclab.analyzer.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** The top-level help's list of commands, grouped by {@link Task} (picocli's command-list section, replaced). */
final class CommandsByTask implements CommandLine.IHelpSectionRenderer {

    @Override
    public String render(Help help) {
        Map<Task, List<String>> byTask = new EnumMap<>(Task.class);
        List<String> other = new ArrayList<>();
        int width = help.subcommands().keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        for (Map.Entry<String, Help> e : help.subcommands().entrySet()) {
            CommandLine.Model.CommandSpec spec = e.getValue().commandSpec();
            String line = String.format("    %-" + width + "s%s%n", e.getKey(), summary(spec));
            Task.Of task = spec.userObject() == null ? null : spec.userObject().getClass().getAnnotation(Task.Of.class);
            (task == null ? other : byTask.computeIfAbsent(task.value(), t -> new ArrayList<>())).add(line);
        }
        StringBuilder s = new StringBuilder();
        byTask.forEach((task, lines) -> s.append("  ").append(task.title()).append(":%n".formatted()).append(String.join("", lines)));
        if (!other.isEmpty()) {
            s.append("  Help:%n".formatted()).append(String.join("", other));
        }
        return s.toString();
    }

    private static String summary(CommandLine.Model.CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] description = spec.usageMessage().description();
        String first = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
        // help texts are format strings, where a percent sign is written %%; this list prints them as they are
        return first.replace("%%", "%");
    }
}
