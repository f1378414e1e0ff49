package org.igclab.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.igclab.analyzer.cli.IgcCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** {@code igc explore} from the command line: help, the missing display, offscreen snapshots, specs. */
class ExploreCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Function<String, String> environment = ExploreCommand.environment;

    @BeforeAll
    static void toolkit() throws Exception {
        // the toolkit starts once per process: let TestFX start it, and the snapshot share it as it would a running one
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void restore() {
        ExploreCommand.environment = environment;
    }

    private int igc(String... args) {
        return IgcCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void helpHasExamples() {
        assertThat(igc("explore", "--help")).isZero();
        assertThat(out.toString()).contains("Examples:", "igc explore --snapshot explorer.png", "xvfb-run ./igc explore", "--settings");
        assertThat(igc("--help")).isZero();
        assertThat(out.toString()).contains("explore");
    }

    @Test
    void withoutADisplayItSaysWhatToDoInOneLine() {
        ExploreCommand.environment = name -> null;
        assertThat(igc("explore", "--settings", dir.resolve("s.json").toString())).isEqualTo(IgcCli.INVALID);
        assertThat(err.toString().lines().toList()).hasSize(1);
        assertThat(err.toString()).startsWith("igc explore: no display").contains("--snapshot OUT.png", "xvfb-run");
    }

    @Test
    void aSnapshotRendersTheWindowToAPng() throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"format\": \"igc-explorer/1\", \"controls\": {\"channels\": 32, \"firstKernel\": \"channel-wise\"}}");
        Path png = dir.resolve("window.png");
        Path settings = dir.resolve("settings.json");
        assertThat(igc("explore", "--snapshot", png.toString(), "--spec", spec.toString(), "--size", "1024x700",
                "--settings", settings.toString(), "--store", dir.resolve("r.db").toString())).as(err.toString()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(700);
        assertThat(distinctColours(image)).as("a drawn window, not a blank one").isGreaterThan(50);
        assertThat(settings).as("a snapshot leaves the remembered settings alone").doesNotExist();
        assertThat(dir.resolve("r.db")).as("looking at the store does not create it").doesNotExist();

        assertThat(igc("explore", "--snapshot", png.toString(), "--spec", spec.toString())).isEqualTo(IgcCli.INVALID);
        assertThat(err.toString()).contains("exists; pass --force");
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Test
    void aSpecWithAnUnknownControlIsRefused() throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"controls\": {\"chanels\": 32}}");
        assertThat(igc("explore", "--snapshot", dir.resolve("x.png").toString(), "--spec", spec.toString())).isEqualTo(IgcCli.INVALID);
        assertThat(err.toString()).contains("controls.chanels", "is not a control", "channels");
        assertThat(igc("explore", "--snapshot", dir.resolve("x.png").toString(), "--size", "10x10")).isEqualTo(IgcCli.INVALID);
        assertThat(err.toString()).contains("--size = 10x10");
    }

    /** Defect 3: a spec with a value out of range rendered an empty window and exited 0. */
    @Test
    void aSpecWithAValueOutOfRangeNamesItAndWritesNothing() throws Exception {
        Path spec = dir.resolve("wide.json");
        Files.writeString(spec, "{\"format\": \"igc-explorer/1\", \"controls\": {\"channels\": \"100000\"}}");
        Path png = dir.resolve("wide.png");
        assertThat(igc("explore", "--snapshot", png.toString(), "--spec", spec.toString())).isEqualTo(IgcCli.INVALID);
        assertThat(err.toString()).contains("controls.channels = \"100000\"", "at most 4096").doesNotContain("Exception");
        assertThat(png).doesNotExist();
    }

    /** --open starts with a file open: a whole network in the Network tab; one that cannot be read is one line and exit 2. */
    @Test
    void openStartsWithANetworkOpenOrSaysWhyItCannot() throws Exception {
        Path png = dir.resolve("resnet50.png");
        String[] common = {"--size", "1280x800", "--settings", dir.resolve("s.json").toString(), "--store", dir.resolve("r.db").toString()};
        List<String> args = new java.util.ArrayList<>(List.of("explore", "--open", "../samples/networks/resnet50.json", "--snapshot", png.toString()));
        args.addAll(List.of(common));
        assertThat(igc(args.toArray(String[]::new))).as(err.toString()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1280);

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"igc-network/1\", \"input\": ");
        Path none = dir.resolve("none.png");
        args = new java.util.ArrayList<>(List.of("explore", "--open", broken.toString(), "--snapshot", none.toString()));
        args.addAll(List.of(common));
        assertThat(igc(args.toArray(String[]::new))).isEqualTo(IgcCli.INVALID);
        assertThat(err.toString().lines().filter(l -> l.contains("broken.json")).toList()).singleElement().asString().startsWith("igc explore:");
        assertThat(err.toString()).doesNotContain("Exception");
        assertThat(none).doesNotExist();
    }
}
