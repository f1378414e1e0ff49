package org.igclab.ui.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The explorer's colours: light or dark, chosen in the View menu or following the desktop ({@code system}). */
public enum Theme {
    LIGHT, DARK;

    /** The settings' words for the choice. */
    public static final List<String> CHOICES = List.of("system", "light", "dark");

    /** The theme a setting asks for; {@code system} (or anything unknown) follows the desktop. */
    public static Theme of(String setting, boolean systemPrefersDark) {
        return switch (setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT)) {
            case "light" -> LIGHT;
            case "dark" -> DARK;
            default -> systemPrefersDark ? DARK : LIGHT;
        };
    }

    /**
     * Whether the desktop prefers dark colours: {@code GTK_THEME} names a dark variant ({@code Adwaita:dark}), or GNOME's
     * {@code color-scheme} is {@code prefer-dark}, or its GTK theme's name says dark. JavaFX 21 does not tell.
     *
     * @param env     reads an environment variable
     * @param command runs a command and gives its output, empty when it cannot be run
     */
    public static boolean systemPrefersDark(Function<String, String> env, Function<List<String>, Optional<String>> command) {
        String gtk = env.apply("GTK_THEME");
        if (gtk != null && !gtk.isBlank()) {
            return gtk.toLowerCase(Locale.ROOT).contains("dark");
        }
        String scheme = command.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")).orElse("");
        if (scheme.contains("prefer-dark")) {
            return true;
        }
        if (scheme.contains("prefer-light")) {
            return false;
        }
        return command.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")).orElse("")
                .toLowerCase(Locale.ROOT).contains("dark");
    }

    /** Runs a short command for {@link #systemPrefersDark}: its output, or empty when it is missing, fails or hangs. */
    public static Optional<String> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
