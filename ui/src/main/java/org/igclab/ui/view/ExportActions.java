package org.igclab.ui.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.igclab.ui.model.DesignExport;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.Subject;

/**
 * The file menu's actions: asks where (and whether to replace what is there), then leaves the writing to the model,
 * off the FX thread.
 */
final class ExportActions {
    private final ExplorerModel model;
    private final FileDialogs dialogs;
    private final DesignTable table;
    private final Node charts;

    ExportActions(ExplorerModel model, FileDialogs dialogs, DesignTable table, Node charts) {
        this.model = model;
        this.dialogs = dialogs;
        this.table = table;
        this.charts = charts;
    }

    private Window window() {
        return charts.getScene() == null ? null : charts.getScene().getWindow();
    }

    void closeWindow() {
        if (window() != null) {
            window().hide();
        }
    }

    void open() {
        dialogs.open(window(), "Open a design file").ifPresent(model::open);
    }

    /** Writes the selected designs (or the design shown) in a format. */
    void export(DesignExport.Format format) {
        List<Subject> designs = model.exportable(table.selection());
        if (designs.isEmpty()) {
            model.say("select a design to export");
            return;
        }
        String initial = (designs.size() == 1 && designs.get(0).row() != null ? "igc-" + designs.get(0).row().groupSizes().replace(',', '-')
                : "igc-designs") + "." + format.extension();
        dialogs.save(window(), "Export as " + format, initial, format.extension()).ifPresent(target -> {
            // the save dialog asked about the file it returned; files named after it are asked about here
            List<Path> others = new ArrayList<>(DesignExport.existing(DesignExport.targets(target, designs, format)));
            others.remove(target);
            if (others.isEmpty() || dialogs.confirmReplace(window(), others)) {
                model.export(target, designs, format, true, paths -> { });
            }
        });
    }

    /** The three charts as one PNG. */
    void exportCharts() {
        dialogs.save(window(), "Export the charts as PNG", "igc-charts.png", "png").ifPresent(target -> {
            WritableImage image = charts.snapshot(new SnapshotParameters(), null);
            model.exportImage(target, SwingFXUtils.fromFXImage(image, null), true);
        });
    }
}
