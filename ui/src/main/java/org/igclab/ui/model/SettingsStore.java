package org.igclab.ui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.igclab.analyzer.io.AtomicFiles;
import org.igclab.rules.io.JsonFields;
import org.igclab.rules.io.TextFiles;
import org.igclab.rules.model.InvalidDesignException;

/**
 * The explorer's settings file ({@code igc-explorer/1}): the controls' texts by key. The window remembers its
 * controls in one between runs; {@code --spec} files (a window's state for a screenshot, say) have the same format.
 */
public final class SettingsStore {
    public static final String FORMAT = "igc-explorer/1";
    /** Overrides where the settings are remembered (tests point it at a temporary folder). */
    public static final String LOCATION_PROPERTY = "igc.explorer.settings";

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Where settings are remembered: the {@value #LOCATION_PROPERTY} system property, else
     * {@code $XDG_CONFIG_HOME/igc-lab/explorer.json}, else {@code ~/.config/igc-lab/explorer.json}.
     */
    public static Path defaultFile() {
        String property = System.getProperty(LOCATION_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("igc-lab").resolve("explorer.json");
    }

    /**
     * The remembered texts; nothing when there is no file yet, or when it cannot be read or understood: then the defaults
     * serve, and {@code problems} hears why (the file is left as it is until the controls are saved again).
     */
    public Map<Control, String> load(Consumer<String> problems) {
        try {
            return Files.isRegularFile(file) ? parse(TextFiles.read(file, "a settings file"), false) : new EnumMap<>(Control.class);
        } catch (IOException | InvalidDesignException e) {
            problems.accept("the remembered settings in " + file + " cannot be used (" + e.getMessage() + "); starting from the defaults");
            return new EnumMap<>(Control.class);
        }
    }

    public void save(Map<Control, String> texts) throws IOException {
        AtomicFiles.writeInternal(file, json(texts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a spec file strictly: an unknown control is an error naming it, since a misspelt key in a hand-written
     * spec would otherwise be silently ignored.
     */
    public static Map<Control, String> readSpec(Path spec) throws IOException {
        return parse(TextFiles.read(spec, "an explorer spec file"), true);
    }

    static Map<Control, String> parse(String text, boolean strict) {
        JsonFields top = JsonFields.parse(text);
        String format = top.optionalString("format", FORMAT);
        if (!format.equals(FORMAT)) {
            throw new InvalidDesignException(top.pathOf("format"), "= \"" + format + "\" is not \"" + FORMAT + "\"");
        }
        Map<Control, String> texts = new EnumMap<>(Control.class);
        JsonNode controls = top.node().path("controls");
        for (Iterator<Map.Entry<String, JsonNode>> it = controls.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            var control = Control.byKey(e.getKey());
            if (e.getKey().equals(Control.LEGACY_LOG)) {
                for (Control log : java.util.List.of(Control.LOG_X, Control.LOG_Y, Control.LOG_WEIGHTS)) {
                    texts.putIfAbsent(log, e.getValue().asText());
                }
            } else if (control.isPresent()) {
                // a log flag of its own wins over the older one for all axes, whichever comes first
                texts.put(control.get(), e.getValue().isNull() ? "" : e.getValue().asText());
            } else if (strict) {
                throw new InvalidDesignException("controls." + e.getKey(), "is not a control of the explorer (known: "
                        + Arrays.stream(Control.values()).map(Control::key).collect(Collectors.joining(", ")) + ")");
            }
        }
        return texts;
    }

    static String json(Map<Control, String> texts) {
        ObjectNode root = JsonFields.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode controls = root.putObject("controls");
        for (Control c : Control.values()) {
            controls.put(c.key(), texts.getOrDefault(c, c.defaultText()));
        }
        return JsonFields.pretty(root);
    }
}
