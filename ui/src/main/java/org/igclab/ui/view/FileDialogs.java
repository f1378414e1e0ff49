package org.igclab.ui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the user picks files, replaceable so that tests need no native dialog. A path that {@link #save} returns may
 * be replaced: the system dialog has asked the user already.
 */
public interface FileDialogs {

    Optional<Path> open(Window owner, String title);

    /** A file to write; {@code extension} without the dot. If it exists, the user has agreed to replace it. */
    Optional<Path> save(Window owner, String title, String initialName, String extension);

    /** Whether to replace files the user did not pick themselves (those named after the one they picked). */
    boolean confirmReplace(Window owner, List<Path> existing);

    /** One of {@code options} (a study by name), or empty when the user cancels. */
    Optional<String> choose(Window owner, String title, List<String> options);

    /** The platform's file choosers and a confirmation alert. */
    static FileDialogs system() {
        return new FileDialogs() {
            private File folder = new File(System.getProperty("user.dir"));

            @Override
            public Optional<Path> open(Window owner, String title) {
                FileChooser chooser = chooser(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("design files (*.json, *.onnx)", "*.json", "*.onnx"));
                return remember(chooser.showOpenDialog(owner));
            }

            @Override
            public Optional<Path> save(Window owner, String title, String initialName, String extension) {
                FileChooser chooser = chooser(title);
                chooser.setInitialFileName(initialName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " (*." + extension + ")",
                        "*." + extension));
                return remember(chooser.showSaveDialog(owner));
            }

            @Override
            public boolean confirmReplace(Window owner, List<Path> existing) {
                Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Replace " + existing.size() + " existing file(s)?\n"
                        + existing.stream().map(Path::toString).collect(Collectors.joining("\n")), ButtonType.CANCEL, ButtonType.OK);
                alert.initOwner(owner);
                alert.setHeaderText("These files exist");
                return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
            }

            @Override
            public Optional<String> choose(Window owner, String title, List<String> options) {
                javafx.scene.control.ChoiceDialog<String> dialog = new javafx.scene.control.ChoiceDialog<>(options.get(0), options);
                dialog.initOwner(owner);
                dialog.setTitle(title);
                dialog.setHeaderText(title);
                return dialog.showAndWait();
            }

            private FileChooser chooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                if (folder.isDirectory()) {
                    chooser.setInitialDirectory(folder);
                }
                return chooser;
            }

            private Optional<Path> remember(File chosen) {
                if (chosen != null && chosen.getParentFile() != null) {
                    folder = chosen.getParentFile();
                }
                return Optional.ofNullable(chosen).map(File::toPath);
            }
        };
    }
}
