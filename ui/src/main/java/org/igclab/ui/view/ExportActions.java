package org.igclab.ui.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javafx.stage.Window;
import org.igclab.ui.model.DesignExport;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.Subject;

/**
 * The file menu's and the charts' saves: asks where (and whether to replace what is there), then leaves the writing to
 * the model, off the FX thread.
 */
final class ExportActions implements ChartPane.Saves {
    /** Chart images are saved at twice the window's resolution, sharp on a high-density screen or in print. */
    static final double PNG_SCALE = 2;

    private final ExplorerModel model;
    private final FileDialogs dialogs;
    private final Node charts;

    ExportActions(ExplorerModel model, FileDialogs dialogs, Node charts) {
        this.model = model;
        this.dialogs = dialogs;
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

    /** Asks which study of the results store to show, then shows it. */
    void openStudy() {
        List<String> names = model.studies().names();
        if (names.isEmpty()) {
            model.say("no study in the results store yet: igc study create NAME --space SPACE.json ..., then igc study run NAME");
            return;
        }
        dialogs.choose(window(), "Open a study from the results store", names).ifPresent(model.studies()::open);
    }

    /** Writes the chosen designs (or the design shown) in a format. */
    void export(DesignExport.Format format) {
        List<Subject> designs = model.exportable();
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
                model.exports().designs(target, designs, format, true, paths -> { });
            }
        });
    }

    /** The row of charts as one PNG. */
    void exportCharts() {
        dialogs.save(window(), "Export the charts as PNG", "igc-charts.png", "png")
                .ifPresent(target -> model.exports().image(target, snapshot(charts), true));
    }

    @Override
    public void png(ChartPane chart) {
        dialogs.save(window(), "Save the chart as PNG", "igc-" + chart.fileStem() + ".png", "png")
                .ifPresent(target -> model.exports().image(target, snapshot(chart), true));
    }

    @Override
    public void svg(ChartPane chart) {
        dialogs.save(window(), "Save the chart as SVG", "igc-" + chart.fileStem() + ".svg", "svg")
                .ifPresent(target -> model.exports().text(target, ChartSvg.of(chart), true));
    }

    /** A node's image at {@link #PNG_SCALE} times its size. */
    static java.awt.image.BufferedImage snapshot(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(PNG_SCALE, PNG_SCALE));
        WritableImage image = node.snapshot(p, null);
        return SwingFXUtils.fromFXImage(image, null);
    }
}
