package org.igclab.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plot} on sweep, budget and enumerate: a real PNG or SVG, written whole, checked before any work. */
class PlotOptionTest {
    static final String GRID = CliRun.sample("spaces/cifar-igcv2-grid.json");
    static final String LAYERS = CliRun.sample("spaces/cifar-igcv2-layers.json");

    @TempDir
    Path dir;

    private static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s is a PNG", file).isNotNull();
        return image;
    }

    @Test
    void sweepBudgetAndEnumerateDrawPngAndSvg() throws IOException {
        Path sweep = dir.resolve("front.png");
        CliRun s = CliRun.of("sweep", GRID, "--pareto", "params,macs", "--front-only", "--plot", sweep.toString());
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(s.err()).contains("wrote " + sweep);
        assertThat(png(sweep).getWidth()).isEqualTo(900);

        Path budget = dir.resolve("widths.svg");
        CliRun b = CliRun.of("budget", LAYERS, "--params", "317242", "--vary", "width", "--plot", budget.toString());
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(Files.readString(budget)).startsWith("<?xml").contains("<svg").contains("the largest width within 317,242 parameters")
                .contains("K = 4").contains("K = 8");

        Path chains = dir.resolve("c64.png");
        CliRun e = CliRun.of("enumerate", "-c", "64", "--plot", chains.toString());
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(e.out()).contains("IGCV2 K=4 L=4");
        BufferedImage image = png(chains);
        // the chart's red optimum is drawn somewhere inside the plot
        boolean red = false;
        for (int x = 0; x < image.getWidth() && !red; x++) {
            for (int y = 0; y < image.getHeight() && !red; y++) {
                red = (image.getRGB(x, y) & 0xFFFFFF) == 0xD62728;
            }
        }
        assertThat(red).isTrue();
        // no temporary file is left beside them
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("front.png", "widths.svg", "c64.png");
        }
    }

    @Test
    void badPlotRequestsAreRefusedBeforeAnyWork() throws IOException {
        CliRun gif = CliRun.of("sweep", GRID, "--pareto", "params,macs", "--plot", dir.resolve("a.gif").toString());
        assertThat(gif.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(gif.err()).contains("a.gif: a plot is written as .png or .svg").doesNotContain("swept");

        CliRun oneObjective = CliRun.of("sweep", GRID, "--plot", dir.resolve("a.png").toString());
        assertThat(oneObjective.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(oneObjective.err()).contains("--plot needs --pareto with two objectives");
        assertThat(dir.resolve("a.png")).doesNotExist();

        Path existing = Files.writeString(dir.resolve("old.png"), "old");
        CliRun refused = CliRun.of("enumerate", "-c", "16", "--plot", existing.toString());
        assertThat(refused.exitCode()).isEqualTo(IgcCli.INVALID);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readString(existing)).isEqualTo("old");
        assertThat(CliRun.of("enumerate", "-c", "16", "--plot", existing.toString(), "--force").exitCode()).isZero();
        assertThat(png(existing).getHeight()).isEqualTo(600);
    }
}
