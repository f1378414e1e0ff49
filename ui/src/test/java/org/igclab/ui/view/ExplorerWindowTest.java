package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.igclab.analyzer.chain.EnumerationOptions;
import org.igclab.analyzer.chain.FirstKernel;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignFiles;
import org.igclab.analyzer.network.cost.CostModel;
import org.igclab.analyzer.report.ChainReports;
import org.igclab.analyzer.report.ChainText;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.condition.Verdict;
import org.igclab.rules.io.ChainJson;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignRow;
import org.igclab.ui.model.NetworkTemplate;
import org.igclab.ui.model.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The explorer driven like a user would, headless (Monocle), checking what each interaction shows. How long the FX
 * thread works during these interactions is measured by {@link FxResponsivenessBench}, not asserted here.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    private ExplorerFixture fx;
    private final List<Throwable> uncaught = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            uncaught.add(e);
            e.printStackTrace();
        });
        Path dir = ExplorerFixture.freshDir();
        Map<Control, String> initial = ExplorerFixture.withWidths("16, 256");
        fx = ExplorerFixture.show(stage, dir, initial, (design, request, side, store, progress, cancelled) -> "not used here");
    }

    @AfterEach
    void noExceptions() throws Exception {
        // the popups a test leaves (a menu, a tooltip) are hidden too: they would take the next test's clicks
        fx.close();
        assertThat(uncaught).as("exceptions thrown on the FX thread or the workers").isEmpty();
    }

    private static EnumerationOptions options(int channels) {
        return new EnumerationOptions(channels, 1, 8, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 32, false);
    }

    @Test
    void changingTheWidthUpdatesTheTableAndTheCharts(FxRobot robot) throws Exception {
        fx.awaitIdle();
        TableView<DesignRow> table = ExplorerFixture.table(robot);
        assertThat(table.getItems()).hasSize(ChainEnumerator.enumerate(options(64), (d, t) -> { }).size())
                .allMatch(r -> r.design().shape().channels() == 64);
        PlotChart length = ExplorerFixture.chart(robot, "lengthChart");
        assertThat(length.plot().legend().get(0).text()).isEqualTo("C = 64");

        fx.interact(() -> ExplorerFixture.type(robot, Control.CHANNELS, "128"));

        int expected = ChainEnumerator.enumerate(options(128), (d, t) -> { }).size();
        assertThat(table.getItems()).hasSize(expected).allMatch(r -> r.design().shape().channels() == 128);
        assertThat(length.plot().legend().stream().map(e -> e.text()).toList()).startsWith("C = 128", "C = 16", "C = 256");
        assertThat(ExplorerFixture.designsDrawn(ExplorerFixture.chart(robot, "paretoChart"))).isEqualTo(expected);
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains(expected + " designs of C = 128");
    }

    @Test
    void selectingADesignFillsTheDetailPaneWithItsVerdict(FxRobot robot) throws Exception {
        fx.awaitIdle();
        TableView<DesignRow> table = ExplorerFixture.table(robot);
        DesignRow strict = table.getItems().stream().filter(r -> r.groupSizes().equals("1,8,8")).findFirst().orElseThrow();
        fx.interact(() -> ExplorerFixture.clickRow(robot, strict));
        assertDetail(robot, strict, "strict");
        assertThat(robot.lookup("#balance").queryAs(Label.class).getText()).isEqualTo("balanced");
        assertThat(robot.lookup("#pathText").queryAs(Label.class).getText()).endsWith(": 1 path");

        // loose chains (prod K > C) are dense: the witness is a pair joined by more than one path
        fx.interact(() -> robot.clickOn("#" + Control.LOOSE.key()));
        DesignRow dense = table.getItems().stream().filter(r -> r.design().complementary().verdict() == Verdict.DENSE)
                .findFirst().orElseThrow();
        fx.interact(() -> ExplorerFixture.clickRow(robot, dense));
        assertDetail(robot, dense, "dense");
        assertThat(robot.lookup("#witness").queryAs(Label.class).getText()).contains("paths");

        // a chain file whose permutations do not interleave is neither strict nor dense
        fx.dialogs.nextOpen = ExplorerFixture.SAMPLES.resolve("chains/not-interleaved-c64.json");
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#openDesign"));
        ComplementaryReport report = ComplementaryCondition.check(ChainJson.read(fx.dialogs.nextOpen).chain());
        assertThat(robot.lookup("#verdict").queryAs(Label.class).getText()).isEqualTo(report.verdict().label());
        assertThat(robot.lookup("#witness").queryAs(Label.class).getText()).isEqualTo("witness: " + report.witness().orElseThrow().describe());
    }

    private static void assertDetail(FxRobot robot, DesignRow row, String verdict) {
        ComplementaryReport report = ComplementaryCondition.check(row.design().shape().toChain());
        assertThat(robot.lookup("#verdict").queryAs(Label.class).getText()).isEqualTo(verdict);
        assertThat(robot.lookup("#detailName").queryAs(Label.class).getText()).contains(row.groupSizes());
        assertThat(robot.lookup("#conditions").queryAs(TextArea.class).getText()).startsWith(ChainText.complementary(report));
        assertThat(robot.lookup("#formula").queryAs(TextArea.class).getText()).contains("weights", "MACs");
        assertThat(robot.lookup("#costs").queryAs(TableView.class).getItems()).hasSize(row.length());
    }

    @Test
    void anInvalidValueIsShownAtItsControl(FxRobot robot) throws Exception {
        fx.awaitIdle();
        TableView<DesignRow> table = ExplorerFixture.table(robot);
        int before = table.getItems().size();
        Label error = robot.lookup("#channelsError").queryAs(Label.class);
        assertThat(error.isVisible()).isFalse();

        fx.interact(() -> ExplorerFixture.type(robot, Control.CHANNELS, "abc"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("'abc' is not a whole number");
        assertThat(robot.lookup("#channels").queryAs(TextField.class).getPseudoClassStates()).contains(Styles.INVALID);
        assertThat(table.getItems()).hasSize(before);

        fx.interact(() -> {
            ExplorerFixture.type(robot, Control.MIN_LAYERS, "5");
            ExplorerFixture.type(robot, Control.MAX_LAYERS, "3");
        });
        assertThat(robot.lookup("#maxLayersError").queryAs(Label.class).getText()).isEqualTo("must be at least the minimum, 5");
        fx.interact(() -> ExplorerFixture.type(robot, Control.RUNS, "0"));
        assertThat(robot.lookup("#runsError").queryAs(Label.class).getText()).isEqualTo("must be at least 1");

        fx.interact(() -> {
            ExplorerFixture.type(robot, Control.CHANNELS, "32");
            ExplorerFixture.type(robot, Control.MAX_LAYERS, "6");
        });
        assertThat(error.isVisible()).isFalse();
        assertThat(robot.lookup("#maxLayersError").queryAs(Label.class).isVisible()).isFalse();
        assertThat(table.getItems()).isNotEmpty().allMatch(r -> r.design().shape().channels() == 32 && r.length() >= 5);
    }

    @Test
    void exportWritesFilesThatLoadBack(FxRobot robot) throws Exception {
        fx.awaitIdle();
        TableView<DesignRow> table = ExplorerFixture.table(robot);
        DesignRow chosen = table.getItems().stream().filter(r -> r.groupSizes().equals("1,8,8")).findFirst().orElseThrow();
        ExplorerFixture.clickRow(robot, chosen);

        Path json = fx.dir.resolve("chosen.json");
        fx.dialogs.nextSave = json;
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#exportJson"));
        Design loaded = DesignFiles.read(json);
        assertThat(loaded).isInstanceOf(Design.ChainDesign.class);
        assertThat(((Design.ChainDesign) loaded).document().chain()).isEqualTo(chosen.design().shape().toChain());
        StringWriter out = new StringWriter();
        assertThat(IgcCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "check", json.toString())).isZero();

        Path dot = fx.dir.resolve("chosen.dot");
        fx.dialogs.nextSave = dot;
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#exportDot"));
        assertThat(Files.readString(dot)).startsWith("strict digraph channels").contains("s0_c0");

        // three rows at once: one CSV with the enumerate columns, or one JSON file per design beside the chosen name
        List<DesignRow> three = table.getItems().subList(0, 3);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            three.forEach(r -> table.getSelectionModel().select(r));
        });
        Path csv = fx.dir.resolve("three.csv");
        fx.dialogs.nextSave = csv;
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#exportCsv"));
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(Files.readString(csv), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).startsWith(ChainReports.CSV_HEADER.toArray(String[]::new))
                    .contains("template_params", "latency_ms");
            records = parser.getRecords();
        }
        assertThat(records.stream().map(r -> r.get("name")).toList()).containsExactlyElementsOf(three.stream().map(DesignRow::name).toList());
        assertThat(records.stream().map(r -> Long.parseLong(r.get("params"))).toList())
                .containsExactlyElementsOf(three.stream().map(DesignRow::params).toList());

        Path many = fx.dir.resolve("many.json");
        fx.dialogs.nextSave = many;
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#exportJson"));
        List<Path> written = three.stream().map(r -> fx.dir.resolve("many-" + r.groupSizes().replace(',', '-') + ".json")).toList();
        for (int i = 0; i < 3; i++) {
            Design d = DesignFiles.read(written.get(i));
            assertThat(((Design.ChainDesign) d).document().chain()).isEqualTo(three.get(i).design().shape().toChain());
        }
        // the same export again would replace them: the user is asked, and saying no leaves them as they were
        Files.writeString(written.get(0), "kept");
        fx.dialogs.replace = false;
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#exportJson"));
        assertThat(fx.dialogs.askedToReplace).hasSize(1);
        assertThat(fx.dialogs.askedToReplace.get(0)).containsExactlyElementsOf(written);
        assertThat(Files.readString(written.get(0))).isEqualTo("kept");

        Path png = fx.dir.resolve("charts.png");
        fx.dialogs.nextSave = png;
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#exportPng"));
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(600);
        assertThat(image.getHeight()).isGreaterThan(150);
    }

    @Test
    void hoveringAPointNamesItAndClickingSelectsIt(FxRobot robot) throws Exception {
        fx.awaitIdle();
        PlotChart scatter = ExplorerFixture.chart(robot, "paretoChart");
        // the dearest design, alone at its point and far from the selected one, so its point is not under the selection ring
        var data = fx.model.charts().scatterProperty().get();
        DesignRow row = data.rows().get(java.util.stream.IntStream.range(0, data.size()).boxed()
                .max(java.util.Comparator.comparingDouble(i -> data.xs()[i])).orElseThrow());
        var screen = ExplorerFixture.screenOf(scatter, row);
        fx.interact(() -> robot.moveTo(screen));
        Label hover = robot.lookup("#paretoChartHover").queryAs(Label.class);
        assertThat(hover.isVisible()).isTrue();
        assertThat(hover.getText()).startsWith(row.label());
        fx.interact(() -> robot.clickOn(screen));
        assertThat(fx.model.selectedProperty().get()).isSameAs(row);
        assertThat(ExplorerFixture.table(robot).getSelectionModel().getSelectedItem()).isSameAs(row);
        assertThat(robot.lookup("#detailName").queryAs(Label.class).getText()).contains(row.groupSizes());
    }

    @Test
    void aNetworkTemplateCostsEveryDesignAsTheNetwork(FxRobot robot) throws Exception {
        fx.awaitIdle();
        NetworkTemplate cifar = fx.model.templatesProperty().get().all().stream().filter(t -> t.key().startsWith("cifar-d38"))
                .findFirst().orElseThrow();
        fx.interact(() -> robot.interact(() -> fx.model.form().text(Control.TEMPLATE).set(cifar.key())));
        DesignRow row = ExplorerFixture.table(robot).getItems().get(0);
        var cost = CostModel.of(cifar.network(row.design().shape(), ""));
        assertThat(row.params()).isEqualTo(cost.params().total());
        assertThat(row.macs()).isEqualTo(cost.macs());
        assertThat(robot.lookup("#totals").queryAs(Label.class).getText()).contains("parameters (PyTorch's count)");
    }

    @Test
    void aFewThousandDesignsStaySortableAndFilterable(FxRobot robot) throws Exception {
        fx.interact(() -> {
            ExplorerFixture.type(robot, Control.MAX_LAYERS, "64");
            ExplorerFixture.type(robot, Control.CHANNELS, "720");
        });
        TableView<DesignRow> table = ExplorerFixture.table(robot);
        int expected = ChainEnumerator.enumerate(options(720).withLayers(1, 64), (d, t) -> { }).size();
        assertThat(expected).isGreaterThan(3000);
        assertThat(table.getItems()).hasSize(expected);
        assertThat(ExplorerFixture.designsDrawn(ExplorerFixture.chart(robot, "paretoChart"))).isEqualTo(expected);

        // sort by parameters, largest first (the header is clicked twice), then keep only the balanced designs
        javafx.scene.Node header = robot.from(table).lookup(".column-header .label")
                .match((javafx.scene.Node n) -> n instanceof Label l && l.getText().equals("params")).query();
        fx.interact(() -> robot.clickOn(header).clickOn(header));
        List<Long> params = table.getItems().stream().map(DesignRow::params).toList();
        assertThat(params).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        fx.interact(() -> robot.clickOn("#" + Control.ONLY_BALANCED.key()));
        assertThat(table.getItems()).isNotEmpty().hasSizeLessThan(expected).allMatch(r -> r.design().isBalanced(0.25));
        assertThat(table.getItems().stream().map(DesignRow::params).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void theControlsAreRememberedBetweenRuns(FxRobot robot) throws Exception {
        fx.interact(() -> ExplorerFixture.type(robot, Control.CHANNELS, "48"));
        robot.interact(() -> fx.model.close());
        Map<Control, String> remembered = new SettingsStore(fx.dir.resolve("settings.json")).load(problem -> {
            throw new AssertionError(problem);
        });
        assertThat(remembered).containsEntry(Control.CHANNELS, "48").containsEntry(Control.WIDTHS, "16, 256");
    }
}
