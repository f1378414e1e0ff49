package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.igclab.analyzer.chain.ChainShape;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.rules.model.InvalidDesignException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsAndExportTest {
    @TempDir
    Path dir;

    @Test
    void settingsRoundTripAndUnknownKeysAreIgnored() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("nested/explorer.json"));
        List<String> problems = new ArrayList<>();
        assertThat(store.load(problems::add)).isEmpty();
        Map<Control, String> texts = new EnumMap<>(Control.class);
        texts.put(Control.CHANNELS, "128");
        texts.put(Control.TEMPLATE, "cifar-d38-3x32x32-k10");
        store.save(texts);
        assertThat(store.load(problems::add)).containsEntry(Control.CHANNELS, "128").containsEntry(Control.TEMPLATE, "cifar-d38-3x32x32-k10")
                .containsEntry(Control.KERNEL, "3");
        Files.writeString(store.file(), "{\"controls\": {\"channels\": 32, \"fromANewerVersion\": 1}}");
        assertThat(store.load(problems::add)).containsEntry(Control.CHANNELS, "32");
        assertThat(problems).as("no problem so far").isEmpty();
        Files.writeString(store.file(), "not json");
        assertThat(store.load(problems::add)).isEmpty();
        assertThat(problems).singleElement().asString().startsWith("the remembered settings in " + store.file() + " cannot be used (not valid JSON")
                .endsWith("; starting from the defaults");
    }

    @Test
    void templatesSayWhichSampleFilesTheyLeftOut() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("networks"));
        Files.copy(Path.of("..", "samples", "networks", "cifar-igcv2-k8-d38.json"), samples.resolve("skeleton.json"));
        Files.copy(Path.of("..", "samples", "networks", "resnet18.json"), samples.resolve("no-skeleton.json"));
        Files.writeString(samples.resolve("broken.json"), "{\"skeleton\": ");
        NetworkTemplates templates = NetworkTemplates.load(samples);
        assertThat(templates.all()).hasSize(2);
        // a network without a skeleton is no template, and no problem either
        assertThat(templates.problems()).singleElement().asString().startsWith("left out " + samples.resolve("broken.json") + ": not valid JSON");
    }

    @Test
    void aSpecIsReadStrictly() throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"format\": \"igc-explorer/1\", \"controls\": {\"channels\": 32, \"logScale\": false}}");
        assertThat(SettingsStore.readSpec(spec)).containsEntry(Control.CHANNELS, "32")
                // the older flag for every axis is read as all three
                .containsEntry(Control.LOG_X, "false").containsEntry(Control.LOG_Y, "false").containsEntry(Control.LOG_WEIGHTS, "false");
        Files.writeString(spec, "{\"controls\": {\"widht\": 32}}");
        assertThatThrownBy(() -> SettingsStore.readSpec(spec)).isInstanceOf(InvalidDesignException.class).hasMessageContaining("controls.widht");
    }

    @Test
    void theDefaultLocationCanBeMoved() {
        String before = System.getProperty(SettingsStore.LOCATION_PROPERTY);
        try {
            System.setProperty(SettingsStore.LOCATION_PROPERTY, dir.resolve("x.json").toString());
            assertThat(SettingsStore.defaultFile()).isEqualTo(dir.resolve("x.json"));
            System.clearProperty(SettingsStore.LOCATION_PROPERTY);
            assertThat(SettingsStore.defaultFile().toString()).endsWith("igc-lab/explorer.json");
        } finally {
            if (before != null) {
                System.setProperty(SettingsStore.LOCATION_PROPERTY, before);
            }
        }
    }

    private static Subject subject(int... sizes) {
        ChainShape shape = ChainShape.of(16, 3, sizes, sizes.length);
        return new Subject("K=" + shape.groupSizeList(), shape.toChain(), null, 32, null);
    }

    @Test
    void exportsLoadBackAndNeverReplaceUnasked() throws Exception {
        Path target = dir.resolve("design.json");
        List<Path> one = DesignExport.write(target, List.of(subject(1, 4, 4)), NetworkTemplate.BLOCK, DesignExport.Format.JSON, false);
        assertThat(one).containsExactly(target);
        Design back = DesignFiles.read(target);
        assertThat(((Design.ChainDesign) back).document().chain()).isEqualTo(subject(1, 4, 4).chain());
        assertThatThrownBy(() -> DesignExport.write(target, List.of(subject(1, 16)), NetworkTemplate.BLOCK, DesignExport.Format.JSON, false))
                .isInstanceOf(FileAlreadyExistsException.class);
        DesignExport.write(target, List.of(subject(1, 16)), NetworkTemplate.BLOCK, DesignExport.Format.JSON, true);
        assertThat(((Design.ChainDesign) DesignFiles.read(target)).document().chain()).isEqualTo(subject(1, 16).chain());

        List<Path> two = DesignExport.targets(dir.resolve("graphs.dot"), List.of(subject(1, 16), subject(2, 8)), DesignExport.Format.DOT);
        assertThat(two).containsExactly(dir.resolve("graphs-1.dot"), dir.resolve("graphs-2.dot"));
        DesignExport.write(dir.resolve("graphs.dot"), List.of(subject(1, 16), subject(2, 8)), NetworkTemplate.BLOCK, DesignExport.Format.DOT, false);
        assertThat(Files.readString(two.get(1))).startsWith("strict digraph channels");
    }
}
