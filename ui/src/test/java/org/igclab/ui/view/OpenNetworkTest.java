package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.NetworkOverview;
import org.igclab.ui.model.NetworkTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Open with a whole network: a network file that is not a skeleton, and an ONNX model written by
 * {@code igc export --format onnx}. Each test leaves a picture of the window in {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class OpenNetworkTest {
    private static final Path NETWORKS = ExplorerFixture.SAMPLES.resolve("networks");
    private ExplorerFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        fx = ExplorerFixture.show(stage, ExplorerFixture.freshDir(), new EnumMap<>(Control.class), (d, r, s, st, p, c) -> "not used", ExplorerFixture.NEVER,
                1440, 900);
    }

    /**
     * No number is cut: every cell shows its whole text, and the costs and their shares end within the table, beside its
     * vertical scroll bar; a layer or type cut short says its whole text in a tooltip.
     */
    private static void assertNumbersWholeAndShown(FxRobot robot, NetworkPane pane) {
        var tree = pane.tree();
        var cells = robot.from(tree).lookup(".tree-table-cell").queryAllAs(TreeTableCell.class);
        assertThat(cells).isNotEmpty();
        for (TreeTableCell<?, ?> cell : cells) {
            if (cell.getText() == null || cell.getText().isEmpty() || !cell.isVisible()) {
                continue;
            }
            String shown = ((Text) cell.lookup(".text")).getText();
            if (cell.getTableColumn().getStyleClass().contains("numeric")) {
                assertThat(shown).as("a number in %s", cell.getTableColumn().getText()).isEqualTo(cell.getText());
            } else if (!shown.equals(cell.getText())) {
                assertThat(cell.getTooltip()).as("the tooltip of a cut %s", cell.getText()).isNotNull();
                assertThat(cell.getTooltip().getText()).contains(cell.getText());
            }
        }
        double right = tree.getColumns().stream().takeWhile(c -> !c.getText().equals("input")).filter(c -> c.isVisible()).mapToDouble(c -> c.getWidth()).sum();
        ScrollBar vertical = robot.from(tree).lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(b -> b.getOrientation() == Orientation.VERTICAL).findFirst().orElseThrow();
        assertThat(right).as("the right edge of %% MACs").isLessThanOrEqualTo(tree.getWidth() - vertical.getWidth());
    }

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    private void open(FxRobot robot, Path file) throws Exception {
        fx.dialogs.nextOpen = file;
        fx.interact(() -> robot.clickOn("#fileMenu").clickOn("#openDesign"));
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name);
        var image = WaitForAsyncUtils.asyncFx(() -> SwingFXUtils.fromFXImage(fx.window.root().getScene().snapshot(null), null)).get();
        ImageIO.write(image, "png", out.toFile());
    }

    @Test
    void aNetworkFileThatIsNoSkeletonOpensInTheNetworkTab(FxRobot robot) throws Exception {
        fx.awaitIdle();
        String template = fx.model.form().get(Control.TEMPLATE);
        open(robot, NETWORKS.resolve("resnet50.json"));
        assertThat(text(robot, "#notice")).startsWith("opened resnet50.json: its layers are in the Network tab");
        assertThat(robot.lookup(".tab-pane").queryAllAs(TabPane.class)).anyMatch(p -> p.getSelectionModel().getSelectedItem() != null
                && "networkTab".equals(p.getSelectionModel().getSelectedItem().getId()));
        NetworkPane pane = fx.window.network();
        NetworkOverview shown = fx.model.network().overviewProperty().get();
        assertThat(text(robot, "#networkSummary")).isEqualTo(shown.summary()).contains("25,557,032 parameters");
        // the top-level layers show, each block folded over its own layers
        var top = pane.tree().getRoot().getChildren();
        assertThat(top).hasSameSizeAs(shown.rows().stream().filter(r -> r.layer().level() == 1).toList());
        TreeItem<NetworkOverview.Row> block = top.stream().filter(i -> i.getValue().layer().path().equals("stages[0].blocks[0]")).findFirst()
                .orElseThrow();
        assertThat(block.getChildren()).isNotEmpty();
        assertThat(robot.lookup("#networkUnknown").queryAs(Label.class).isVisible()).isFalse();
        // not a skeleton: the template stays what it was
        assertThat(fx.model.form().get(Control.TEMPLATE)).isEqualTo(template);
        robot.interact(() -> block.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertNumbersWholeAndShown(robot, pane);
        screenshot(robot, "network-resnet50.png");
    }

    @Test
    void anOnnxModelShowsItsChainsAndAChosenChainInTheDetailPane(FxRobot robot) throws Exception {
        fx.awaitIdle();
        Path onnx = fx.dir.resolve("fashion.onnx");
        StringWriter err = new StringWriter();
        assertThat(IgcCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "export",
                NETWORKS.resolve("fashion-igcv2-small.json").toString(), "--format", "onnx", "-o", onnx.toString())).as(err.toString()).isZero();
        open(robot, onnx);
        NetworkOverview shown = fx.model.network().overviewProperty().get();
        assertThat(shown.chains()).isNotEmpty();
        assertThat(text(robot, "#networkSummary")).contains("chains of group convolutions");

        // choosing a layer of a chain shows the chain in the detail pane: its name, its verdict
        NetworkPane pane = fx.window.network();
        var chain = shown.chains().get(0);
        int index = shown.rows().indexOf(shown.rows().stream().filter(r -> r.layer().path().equals(chain.found().last())).findFirst().orElseThrow());
        fx.interact(() -> robot.interact(() -> {
            pane.tree().getSelectionModel().select(index);
            pane.tree().scrollTo(index);
        }));
        assertThat(text(robot, "#detailName")).contains(chain.found().chain().name());
        assertThat(fx.model.detail().detailProperty().get()).isNotNull();
        // each layer shows its ONNX node's name, as igc cost does beside the path; the tooltip gives both
        var conv = shown.rows().get(0);
        assertThat(conv.name()).isEqualTo("stem[0]/Conv_0").isEqualTo(fx.model.network().overviewProperty().get().rows().get(0).node());
        assertThat(conv.place()).isEqualTo("layers[0] (stem[0]/Conv_0)");
        assertNumbersWholeAndShown(robot, pane);
        screenshot(robot, "network-onnx.png");
    }

    @Test
    void aSkeletonNetworkStillBecomesTheTemplateAndShowsItsLayers(FxRobot robot) throws Exception {
        fx.awaitIdle();
        Path file = NETWORKS.resolve("fashion-igcv2-small.json");
        open(robot, file);
        NetworkTemplate t = NetworkTemplate.ofFile(file).orElseThrow();
        assertThat(fx.model.form().get(Control.TEMPLATE)).isEqualTo(t.key());
        assertThat(text(robot, "#notice")).startsWith("opened fashion-igcv2-small.json as the template " + t.label());
        assertThat(fx.model.network().overviewProperty().get().blocks().blocks()).isNotEmpty();
    }
}
