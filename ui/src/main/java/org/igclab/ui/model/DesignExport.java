package org.igclab.ui.model;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.io.AtomicFiles;
import org.igclab.analyzer.report.ChainReports;
import org.igclab.analyzer.text.Csv;
import org.igclab.rules.graph.ChannelGraph;
import org.igclab.rules.graph.GraphExport;

/**
 * Writes the selected designs where other tools read them, each file whole or not at all ({@link AtomicFiles}), never
 * over an existing file unless the user confirmed it: JSON design files ({@code igc-chain/1} or {@code igc-network/1},
 * the canonical form {@code igc check}, {@code igc cost} and {@code igc evaluate} load), the table as CSV (the columns
 * of {@code igc enumerate --csv}, then the template's counts and the measurements), channel graphs as DOT, charts as PNG.
 */
public final class DesignExport {

    /** The export formats of designs. */
    public enum Format {
        JSON, CSV, DOT;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private DesignExport() {
    }

    /**
     * The files an export writes: {@code target} for one design (and for CSV, which holds every row), else one file per
     * design beside it, named after its group sizes ({@code designs-1-8-8.json}).
     */
    public static List<Path> targets(Path target, List<Subject> designs, Format format) {
        if (format == Format.CSV || designs.size() == 1) {
            return List.of(target);
        }
        String file = target.getFileName().toString();
        String stem = file.endsWith("." + format.extension()) ? file.substring(0, file.length() - format.extension().length() - 1) : file;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < designs.size(); i++) {
            Subject s = designs.get(i);
            String suffix = s.row() != null ? s.row().groupSizes().replace(',', '-') : Integer.toString(i + 1);
            paths.add(target.resolveSibling(stem + "-" + suffix + "." + format.extension()));
        }
        return paths;
    }

    /** Those of the paths that exist already. */
    public static List<Path> existing(List<Path> paths) {
        return paths.stream().filter(Files::exists).toList();
    }

    /**
     * Writes the designs; {@code force} replaces existing files (after the user confirmed).
     *
     * @return the files written
     * @throws java.nio.file.FileAlreadyExistsException when a file exists and {@code force} is false
     * @throws IllegalArgumentException when a chain's graph is too large for DOT
     */
    public static List<Path> write(Path target, List<Subject> designs, NetworkTemplate template, Format format, boolean force)
            throws IOException {
        List<Path> paths = targets(target, designs, format);
        if (format == Format.CSV) {
            AtomicFiles.write(target, csv(designs, template), force);
            return paths;
        }
        if (!force && !existing(paths).isEmpty()) {
            throw new java.nio.file.FileAlreadyExistsException(existing(paths).get(0).toString(), null, "exists");
        }
        for (int i = 0; i < designs.size(); i++) {
            Subject s = designs.get(i);
            String text = format == Format.JSON ? DesignFiles.write(s.design())
                    : GraphExport.toDot(ChannelGraph.of(s.chain()));
            AtomicFiles.write(paths.get(i), text, true);
        }
        return paths;
    }

    /**
     * The rows as {@code igc enumerate --csv} writes them, with the template's counts, the measurements and the predicted
     * latency after them.
     */
    static String csv(List<Subject> designs, NetworkTemplate template) {
        List<String> header = new ArrayList<>(ChainReports.CSV_HEADER);
        header.addAll(List.of("template", "template_params", "template_macs", "latency_ms", "latency_noisy", "latency_pred_ms",
                "latency_pred_other_machine", "accuracy"));
        List<List<Object>> lines = new ArrayList<>();
        for (Subject s : designs) {
            if (s.row() == null) {
                continue;
            }
            DesignRow r = s.row();
            List<Object> cells = new ArrayList<>(ChainReports.csvCells(r.design()));
            cells.addAll(List.of(template.key(), r.params(), r.macs(), r.latencyMs() == null ? "" : r.latencyMs(),
                    r.latency() == null ? "" : r.latency().noisy(), r.predicted() == null ? "" : r.predicted().ms(),
                    r.predicted() == null ? "" : r.predicted().otherMachine(), r.accuracy() == null ? "" : r.accuracy()));
            lines.add(cells);
        }
        return Csv.of(header, lines);
    }

    /** A chart's image as PNG. */
    public static void writePng(Path target, BufferedImage image, boolean force) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        AtomicFiles.write(target, bytes.toByteArray(), force);
    }
}
