package org.igclab.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.io.TextFiles;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The space file format {@code igc-space/1}: a network template ({@code template} inline, or {@code templateFile}
 * relative to the space file's folder), the designs ({@code grid}, {@code list}) and {@code constraints}.
 * See {@code samples/spaces/README.md}.
 */
public final class SpaceJson {
    public static final String FORMAT = "igc-space/1";
    private static final Set<String> TOP = Set.of("format", "name", "description", "template", "templateFile", "grid", "list",
            "constraints");

    private SpaceJson() {
    }

    public static Space read(Path file) throws IOException {
        return read(file, null);
    }

    /** Reads a space in which {@code supplied} (when not null) may be left unset: a budget search gives its values. */
    public static Space read(Path file, String supplied) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        return parse(TextFiles.read(file, "a space file"), folder, supplied);
    }

    /** Parses a space; {@code folder} resolves {@code templateFile} (may be null when there is none). */
    public static Space parse(String text, Path folder) {
        return parse(text, folder, null);
    }

    /**
     * Parses a space in which {@code supplied} (when not null) may be left unset although the template uses it;
     * it then takes the value 1 until a search varies it.
     */
    public static Space parse(String text, Path folder, String supplied) {
        JsonFields top = JsonFields.parse(text).allowOnly(TOP);
        String format = top.optionalString("format", FORMAT);
        if (!format.equals(FORMAT)) {
            throw new InvalidDesignException(top.pathOf("format"), "= \"" + format + "\" is not supported (expected \"" + FORMAT + "\")");
        }
        String name = top.optionalString("name", "");
        top.optionalString("description", "");
        JsonNode template = template(top, folder);
        DesignGrid grid = DesignGrid.parse(top);
        if (supplied != null && !grid.names().contains(supplied) && SpaceCheck.usedVariables(template, grid).contains(supplied)) {
            grid = grid.varying(supplied, java.util.List.of(com.fasterxml.jackson.databind.node.IntNode.valueOf(1)));
        }
        Constraints constraints = top.has("constraints") ? Constraints.parse(top.object("constraints")) : Constraints.NONE;
        return Space.of(name, template, grid, constraints);
    }

    private static JsonNode template(JsonFields top, Path folder) {
        if (top.has("template") == top.has("templateFile")) {
            throw new InvalidDesignException(top.path(), "give the network template as one of \"template\" (inline) and \"templateFile\"");
        }
        if (top.has("template")) {
            return top.object("template").node();
        }
        String relative = top.requiredString("templateFile");
        Path file = folder == null ? Path.of(relative) : folder.resolve(relative);
        String text;
        try {
            text = TextFiles.read(file, "a network template file");
        } catch (NoSuchFileException e) {
            throw new InvalidDesignException(top.pathOf("templateFile"), "= \"" + relative + "\": " + file + " does not exist", e);
        } catch (InvalidDesignException e) {
            throw new InvalidDesignException(top.pathOf("templateFile"), "= \"" + relative + "\": " + e.reason(), e);
        } catch (IOException e) {
            throw new InvalidDesignException(top.pathOf("templateFile"), "= \"" + relative + "\": cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return JsonFields.parse(text).node();
        } catch (InvalidDesignException e) {
            throw new InvalidDesignException(top.pathOf("templateFile"), "= \"" + relative + "\": " + e.getMessage(), e);
        }
    }
}
