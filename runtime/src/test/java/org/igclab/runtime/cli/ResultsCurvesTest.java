package org.igclab.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.igclab.rules.io.JsonFields;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code igc results --curve} over several training runs, their curves drawn overlaid with {@code --plot}; each run's
 * settings, checkpoint folder and times to the second.
 */
class ResultsCurvesTest {

    /**
     * A store with two trainings of three and two epochs and one evaluation, written through the store's own API; the
     * first training's checkpoint folder is stored, the second's is not (as in a store before schema 6).
     */
    private static Path store(Path dir) {
        Path file = dir.resolve("r.db");
        try (ResultStore db = ResultStore.open(file)) {
            for (int run = 0; run < 2; run++) {
                long id = db.begin(new RunStart("train", "net " + run, "abcdef0123456789" + run, "{}", SETTINGS, "0123456789abcdef", 1000,
                        2000, "m", "e"));
                if (run == 0) {
                    db.checkpointDir(id, dir.resolve("kept").resolve("..").resolve("ckpt-0"));
                }
                for (int epoch = 1; epoch <= 3 - run; epoch++) {
                    db.addEpoch(id, new EpochRecord(epoch, 1.0 / epoch, 0.5 + 0.1 * epoch, 0.4 + 0.1 * epoch + 0.05 * run, 0.1, 1.5));
                }
                db.finish(id, 1000L, 0.7, "{}");
            }
            db.begin(new RunStart("evaluate", "net 0", "h0", "{}", "{}", "t", 1000, 2000, "m", "e"));
        }
        return file;
    }

    @Test
    void everyTrainingsCurveIsListedAndDrawn(@TempDir Path dir) throws Exception {
        Path db = store(dir);
        MeasuredSweepTest.Run csv = MeasuredSweepTest.igc("results", "--store", db.toString(), "--curve", "--csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("run,design,epoch,train_loss,train_accuracy,test_accuracy,learning_rate,seconds");
        assertThat(lines).hasSize(1 + 3 + 2);

        JsonNode json = JsonFields.MAPPER.readTree(MeasuredSweepTest.igc("results", "--store", db.toString(), "--curve", "--json").out());
        assertThat(json).hasSize(2);
        assertThat(json.findValues("epochs").stream().mapToInt(JsonNode::size).sum()).isEqualTo(5);

        Path png = dir.resolve("curves.png");
        MeasuredSweepTest.Run drawn = MeasuredSweepTest.igc("results", "--store", db.toString(), "--curve", "--plot", png.toString());
        assertThat(drawn.code()).as(drawn.err()).isZero();
        assertThat(drawn.err()).contains("wrote " + png).contains("learning curves of 2 runs");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);

        Path svg = dir.resolve("one.svg");
        MeasuredSweepTest.Run one = MeasuredSweepTest.igc("results", "--store", db.toString(), "--curve", "--name", "net 1", "--plot", svg.toString());
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(Files.readString(svg)).contains("<svg").contains("#2 net 1 (done)").doesNotContain("net 0");
    }

    private static final String SETTINGS = "{\"dataset\":\"fashion-mnist\",\"epochs\":3,\"batchSize\":128,\"trainLimit\":2000,\"testLimit\":0}";

    @Test
    void runsShowTheirSettingsCheckpointFolderAndTimesToTheSecond(@TempDir Path dir) throws Exception {
        Path db = store(dir);
        MeasuredSweepTest.Run text = MeasuredSweepTest.igc("results", "--store", db.toString(), "--kind", "train");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("fashion-mnist, 3 epochs, batch 128, train 2,000 / test all")
                .contains(dir.resolve("ckpt-0").toAbsolutePath().toString())
                .contains("igc-checkpoints/abcdef012345-01234567 (derived)").containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ")
                .doesNotContainPattern("T\\d\\d:\\d\\d:\\d\\d\\.\\d");

        MeasuredSweepTest.Run csv = MeasuredSweepTest.igc("results", "--store", db.toString(), "--csv");
        var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get().parse(new java.io.StringReader(csv.out())).getRecords();
        assertThat(records).hasSize(3);
        var stored = records.stream().filter(r -> r.get("design").equals("net 0") && r.get("kind").equals("train")).findFirst().orElseThrow();
        assertThat(stored.get("checkpoint_dir")).isEqualTo(dir.resolve("ckpt-0").toAbsolutePath().toString());
        var train = records.stream().filter(r -> r.get("design").equals("net 1")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(train.get("settings.epochs"))).isEqualTo(3);
        assertThat(Integer.parseInt(train.get("settings.trainLimit"))).isEqualTo(2000);
        assertThat(train.get("checkpoint_dir")).isEqualTo("igc-checkpoints/abcdef012345-01234567");
        assertThat(java.time.Instant.parse(train.get("started")).getNano()).isZero();
        assertThat(records).allSatisfy(r -> assertThat(r.values()).noneMatch(v -> v.startsWith("{")));
        var evaluation = records.stream().filter(r -> r.get("kind").equals("evaluate")).findFirst().orElseThrow();
        assertThat(evaluation.get("checkpoint_dir")).isEmpty();

        JsonNode json = JsonFields.MAPPER.readTree(MeasuredSweepTest.igc("results", "--store", db.toString(), "--json", "--kind", "train").out());
        JsonNode derived = json.findParents("designName").stream().filter(n -> n.get("designName").asText().equals("net 1")).findFirst().orElseThrow();
        assertThat(derived.get("checkpointDir").asText()).startsWith("igc-checkpoints/");
        assertThat(derived.get("checkpointDirDerived").asBoolean()).isTrue();
        JsonNode kept = json.findParents("designName").stream().filter(n -> n.get("designName").asText().equals("net 0")).findFirst().orElseThrow();
        assertThat(kept.get("checkpointDir").asText()).isEqualTo(dir.resolve("ckpt-0").toAbsolutePath().toString());
        assertThat(kept.has("checkpointDirDerived")).isFalse();
        assertThat(json.get(0).at("/settings/epochs").asInt()).isEqualTo(3);
    }

    @Test
    void aPlotNeedsCurvesAndIsCheckedFirst(@TempDir Path dir) throws Exception {
        Path db = store(dir);
        MeasuredSweepTest.Run noCurve = MeasuredSweepTest.igc("results", "--store", db.toString(), "--plot", dir.resolve("a.png").toString());
        assertThat(noCurve.code()).isEqualTo(2);
        assertThat(noCurve.err()).contains("--plot draws learning curves: add --curve");
        MeasuredSweepTest.Run gif = MeasuredSweepTest.igc("results", "--store", db.toString(), "--curve", "--plot", dir.resolve("a.gif").toString());
        assertThat(gif.code()).isEqualTo(2);
        assertThat(gif.err()).contains(".png or .svg");
        assertThat(MeasuredSweepTest.igc("results", "--store", db.toString(), "--curve", "--kind", "evaluate").err())
                .contains("only trainings have learning curves");
    }
}
