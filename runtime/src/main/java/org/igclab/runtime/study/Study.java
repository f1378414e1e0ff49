package org.igclab.runtime.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.study.DesignConstraint;
import org.igclab.analyzer.study.StudyConstraints;
import org.igclab.analyzer.sweep.Objective;
import org.igclab.analyzer.sweep.Space;
import org.igclab.analyzer.sweep.SpaceJson;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.io.TextFiles;
import org.igclab.rules.model.InvalidDesignException;

/**
 * A stored study read back: its space, objectives and constraints as the analyzer uses them.
 *
 * @param record      as stored
 * @param space       the space (from the study's own copy, not the file)
 * @param objectives  what it optimizes
 * @param constraints what a design must meet before it is measured
 */
public record Study(StudyRecord record, Space space, List<Objective> objectives, List<DesignConstraint> constraints) {

    public Study {
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
    }

    public static Study of(StudyRecord r) {
        Space space = SpaceJson.parse(r.spaceJson(), null);
        List<Objective> objectives = Objective.parseList(r.objectives(), Objective.numericVariables(space.grid()));
        return new Study(r, space, objectives, StudyConstraints.parse(r.constraints()));
    }

    /** Whether any objective is measured by training (accuracy). */
    public boolean trains() {
        return objectives.stream().anyMatch(o -> o.name().equals("accuracy"));
    }

    /** The batch sizes the latency objectives time, in order; empty when no objective is a latency. */
    public List<Integer> latencyBatches() {
        return objectives.stream().filter(o -> o.latencyBatch().isPresent()).map(o -> o.latencyBatch().getAsInt()).toList();
    }

    /**
     * A space file's text with its {@code templateFile} read in as {@code template}, so that a study keeps the whole
     * space and the file may change or go afterwards. Checked as the sweep checks it.
     */
    public static String inlinedSpace(Path file) throws IOException {
        Space checked = SpaceJson.read(file);
        JsonNode top = JsonFields.parse(TextFiles.read(file, "a space file")).node();
        if (top.has("templateFile") && top instanceof ObjectNode o) {
            Path template = file.toAbsolutePath().getParent().resolve(top.get("templateFile").asText());
            o.set("template", JsonFields.parse(TextFiles.read(template, "a network template file")).node());
            o.remove("templateFile");
        }
        if (checked.size() == 0) {
            throw new InvalidDesignException(file.toString(), "has no design");
        }
        return JsonFields.pretty(top);
    }

    /** The constraints of a new study: the space file's own, with those given added or replacing the one of the same name. */
    public static List<DesignConstraint> constraints(Space space, String given) {
        List<DesignConstraint> all = new ArrayList<>(StudyConstraints.of(space.constraints()));
        for (DesignConstraint c : StudyConstraints.parse(given)) {
            String name = c.written().split("=")[0];
            all.removeIf(k -> k.written().split("=")[0].equals(name));
            all.add(c);
        }
        return all;
    }
}
