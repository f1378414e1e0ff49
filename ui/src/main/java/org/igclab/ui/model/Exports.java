package org.igclab.ui.model;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.igclab.analyzer.io.AtomicFiles;

/** Writes what the user exports (designs, chart images, SVG) off the FX thread, and says what was written. */
public final class Exports {
    private final Background background;
    private final Consumer<String> notice;
    private final Supplier<NetworkTemplate> template;

    Exports(Background background, Consumer<String> notice, Supplier<NetworkTemplate> template) {
        this.background = background;
        this.notice = notice;
        this.template = template;
    }

    /** Writes the designs; {@code force} only after the user confirmed replacing files. */
    public void designs(Path target, List<Subject> designs, DesignExport.Format format, boolean force, Consumer<List<Path>> written) {
        NetworkTemplate t = template.get();
        background.once(stale -> DesignExport.write(target, designs, t, format, force), paths -> {
            notice.accept("wrote " + (paths.size() == 1 ? paths.get(0) : paths.size() + " files beside " + target));
            written.accept(paths);
        }, e -> notice.accept("cannot export: " + Failures.message(e)));
    }

    /** Writes an image as PNG. */
    public void image(Path target, BufferedImage image, boolean force) {
        background.once(stale -> {
            DesignExport.writePng(target, image, force);
            return target;
        }, p -> notice.accept("wrote " + p), e -> notice.accept("cannot save the image: " + Failures.message(e)));
    }

    /** Writes a text file (a chart as SVG), whole or not at all. */
    public void text(Path target, String text, boolean force) {
        background.once(stale -> {
            AtomicFiles.write(target, text, force);
            return target;
        }, p -> notice.accept("wrote " + p), e -> notice.accept("cannot save " + target.getFileName() + ": " + Failures.message(e)));
    }
}
