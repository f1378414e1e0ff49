package org.igclab.ui.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** File dialogs answered by the test: the next path to open or save to, and whether to replace files. */
final class RecordingDialogs implements FileDialogs {
    Path nextOpen;
    Path nextSave;
    boolean replace;
    String nextChoice;
    final List<List<String>> offered = new ArrayList<>();
    final List<List<Path>> askedToReplace = new ArrayList<>();

    @Override
    public Optional<Path> open(Window owner, String title) {
        return Optional.ofNullable(nextOpen);
    }

    @Override
    public Optional<Path> save(Window owner, String title, String initialName, String extension) {
        return Optional.ofNullable(nextSave);
    }

    @Override
    public Optional<String> choose(Window owner, String title, List<String> options) {
        offered.add(List.copyOf(options));
        return Optional.ofNullable(nextChoice);
    }

    @Override
    public boolean confirmReplace(Window owner, List<Path> existing) {
        askedToReplace.add(List.copyOf(existing));
        return replace;
    }
}
