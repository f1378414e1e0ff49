package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.igclab.ui.model.Control;
import org.igclab.ui.model.DesignRow;
import org.igclab.ui.model.Shortcuts;
import org.igclab.ui.model.Theme;
import org.igclab.ui.model.plot.Mark;
import org.igclab.ui.model.plot.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** What users of Optuna's and TensorBoard's views expect of the charts and the window. */
@ExtendWith(ApplicationExtension.class)
class ExplorerChartsTest {
    private ExplorerFixture fx;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = ExplorerFixture.freshDir();
        Map<Control, String> initial = ExplorerFixture.withWidths("16, 256");
        fx = ExplorerFixture.show(stage, dir, initial, (d, r, s, st, p, c) -> "not used", ExplorerFixture.NEVER, 1440, 900);
    }

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    private static void wheel(PlotChart chart, int notches) {
        javafx.scene.canvas.Canvas c = chart.canvas();
        double x = c.getWidth() / 2;
        double y = c.getHeight() / 2;
        Point2D screen = c.localToScreen(x, y);
        c.fireEvent(new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, x, y, screen.getX(), screen.getY(),
                false, false, false, false, false, false, 0, 40.0 * notches, 0, 40.0 * notches, 40, 40,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0, javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0,
                0, null));
    }

    private static Point2D middle(PlotChart chart) {
        return chart.canvas().localToScreen(chart.canvas().getWidth() / 2, chart.canvas().getHeight() / 2);
    }

    @Test
    void scrollZoomsDragPansShiftDragChoosesDoubleClickResets(FxRobot robot) throws Exception {
        fx.awaitIdle();
        PlotChart scatter = ExplorerFixture.chart(robot, "paretoChart");
        Range all = scatter.viewport().view();
        // three notches of the wheel turned away from the user (positive deltaY, as Linux and Windows report it; Monocle's
        // robot reports its wheel the other way round, so the event is made here)
        fx.interact(() -> robot.moveTo(middle(scatter)).interact(() -> wheel(scatter, 3)));
        Range zoomed = scatter.viewport().view();
        assertThat(zoomed.width()).isLessThan(all.width());
        assertThat(scatter.xAxis().getUpperBound() - scatter.xAxis().getLowerBound()).isCloseTo(zoomed.width(), org.assertj.core.api.Assertions.within(1e-9));
        Point2D from = middle(scatter);
        fx.interact(() -> robot.drag(from, MouseButton.PRIMARY).moveBy(60, 0).drop());
        assertThat(scatter.viewport().view().xLo()).as("dragged right, the view shows what lay to the left").isLessThan(zoomed.xLo());
        fx.interact(() -> robot.doubleClickOn(middle(scatter)));
        assertThat(scatter.viewport().view()).isEqualTo(all);

        // a box around the cheapest designs (bottom left of parameters against L) chooses them in the table
        PlotChart.Hit cheapest = scatter.hits().stream().filter(h -> h.mark() instanceof Mark.Dot d && d.keys().contains(fx.model.shown().get(0)))
                .findFirst().orElseThrow();
        Point2D a = scatter.canvas().localToScreen(cheapest.x() - 12, cheapest.y() - 40);
        Point2D b = scatter.canvas().localToScreen(cheapest.x() + 12, cheapest.y() + 12);
        fx.interact(() -> {
            robot.press(KeyCode.SHIFT);
            robot.drag(a, MouseButton.PRIMARY).dropTo(b);
            robot.release(KeyCode.SHIFT);
        });
        List<DesignRow> chosen = List.copyOf(fx.model.selection().chosen());
        assertThat(chosen).isNotEmpty().contains(fx.model.shown().get(0));
        TableView<DesignRow> table = ExplorerFixture.table(robot);
        assertThat(table.getSelectionModel().getSelectedItems()).containsExactlyInAnyOrderElementsOf(chosen);
    }

    @Test
    void eachAxisHasItsOwnLogScale(FxRobot robot) throws Exception {
        fx.awaitIdle();
        fx.interact(() -> robot.interact(() -> fx.model.form().text(Control.Y_AXIS).set("macs")));
        PlotChart scatter = ExplorerFixture.chart(robot, "paretoChart");
        assertThat(scatter.plot().x().log()).isTrue();
        assertThat(scatter.plot().y().log()).isTrue();
        fx.interact(() -> robot.clickOn("#logY"));
        assertThat(scatter.plot().x().log()).isTrue();
        assertThat(scatter.plot().y().log()).isFalse();
        assertThat(scatter.yAxis().getLabel()).isEqualTo("MACs");
        assertThat(scatter.xAxis().getLabel()).isEqualTo("parameters (log)");
        // the parameters-against-L chart has its own
        assertThat(ExplorerFixture.chart(robot, "lengthChart").plot().y().log()).isTrue();
    }

    @Test
    void rightClickSavesAChartAsPngAtTwiceItsSizeOrAsSvg(FxRobot robot) throws Exception {
        fx.awaitIdle();
        PlotChart scatter = ExplorerFixture.chart(robot, "paretoChart");
        Path png = fx.dir.resolve("scatter.png");
        fx.dialogs.nextSave = png;
        fx.interact(() -> robot.rightClickOn(middle(scatter)).clickOn("#paretoChartSavePng"));
        var image = ImageIO.read(png.toFile());
        ChartPane pane = (ChartPane) scatter.getParent();
        assertThat(image.getWidth()).isEqualTo((int) Math.round(pane.getWidth() * 2));

        Path svg = fx.dir.resolve("scatter.svg");
        fx.dialogs.nextSave = svg;
        fx.interact(() -> robot.rightClickOn(middle(scatter)).clickOn("#paretoChartSaveSvg"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
        String text = doc.getDocumentElement().getTextContent();
        // the chart's own title, axis labels and tick labels, and a circle per dot drawn
        assertThat(text).contains(scatter.getTitle(), "kernels L", "parameters (log)");
        NiceAxis across = (NiceAxis) scatter.getXAxis();
        assertThat(across.getTickMarks()).isNotEmpty();
        across.getTickMarks().forEach(t -> assertThat(text).contains(org.igclab.ui.model.plot.Ticks.label(t.getValue().doubleValue(), across.isLog())));
        long dots = scatter.plot().marks().stream().filter(m -> m instanceof Mark.Dot).count();
        assertThat(doc.getElementsByTagName("circle").getLength()).isGreaterThanOrEqualTo((int) dots);
    }

    @Test
    void twoToFourChosenDesignsAreComparedSideBySide(FxRobot robot) throws Exception {
        fx.awaitIdle();
        List<DesignRow> three = List.copyOf(fx.model.shown().subList(0, 3));
        ExplorerFixture.clickRow(robot, three.get(0));
        robot.press(KeyCode.CONTROL);
        ExplorerFixture.clickRow(robot, three.get(1));
        ExplorerFixture.clickRow(robot, three.get(2));
        robot.release(KeyCode.CONTROL);
        fx.awaitIdle();
        assertThat(fx.model.selection().chosen()).containsExactlyInAnyOrderElementsOf(three);
        javafx.scene.layout.GridPane grid = robot.lookup("#compareGrid").queryAs(javafx.scene.layout.GridPane.class);
        assertThat(grid.isVisible()).isTrue();
        assertThat(grid.getChildren().stream().filter(n -> n instanceof Label l && three.stream().anyMatch(r -> l.getText().equals(r.groupSizes()))))
                .hasSize(3);
        assertThat(robot.lookup("#detailTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().getSelectedItem().getText())
                .isEqualTo("Compare");
    }

    @Test
    void measurementsBringTheMeasuredChartWithItsFront(FxRobot robot) throws Exception {
        fx.awaitIdle();
        PlotChart measured = ExplorerFixture.chart(robot, "measuredChart");
        assertThat(measured.getParent().isVisible()).as("nothing measured yet").isFalse();
        List<DesignRow> rows = fx.model.shown();
        var template = fx.model.resultProperty().get().template();
        Measured.latency(fx.dir.resolve("results.db"), template.design(rows.get(0).design().shape()), 4.0, false);
        Measured.latency(fx.dir.resolve("results.db"), template.design(rows.get(20).design().shape()), 2.0, false);
        Measured.latency(fx.dir.resolve("results.db"), template.design(rows.get(40).design().shape()), 1.0, true);
        // a new exploration reads the store
        fx.interact(() -> ExplorerFixture.type(robot, Control.CHANNELS, "64"));
        fx.interact(() -> robot.interact(() -> {
            fx.model.form().text(Control.KERNEL).set("5");
            fx.model.commit();
        }));
        fx.interact(() -> robot.interact(() -> {
            fx.model.form().text(Control.KERNEL).set("3");
            fx.model.commit();
        }));
        assertThat(measured.getParent().isVisible()).isTrue();
        assertThat(measured.getTitle()).isEqualTo("Measured: latency (ms) against MACs");
        assertThat(measured.plot().marks()).filteredOn(m -> m instanceof Mark.Dot d && !d.hollow()).hasSize(2);
        assertThat(measured.plot().marks()).filteredOn(m -> m instanceof Mark.Dot d && d.hollow()
                && d.ink() == org.igclab.ui.model.plot.Ink.NOISY).hasSize(1);
        assertThat(robot.lookup("#measuredChartNote").queryAs(Label.class).getText()).contains("noisy");
    }

    @Test
    void aDarkThemeFromTheMenuAndTheShortcutsInHelp(FxRobot robot) throws Exception {
        fx.awaitIdle();
        // (the Theme submenu's own popup cannot be clicked through by TestFX under Monocle: the View menu's item is)
        fx.interact(() -> robot.clickOn("#viewMenu").clickOn("#themeDark"));
        assertThat(fx.model.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(stage.getScene().getStylesheets()).contains(Styles.DARK);
        assertThat(fx.model.form().get(Control.THEME)).isEqualTo("dark");
        // and the Theme submenu says so
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem dark = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i instanceof javafx.scene.control.Menu).flatMap(i -> ((javafx.scene.control.Menu) i).getItems().stream())
                .filter(i -> "theme-dark".equals(i.getId())).findFirst().orElseThrow();
        assertThat(((javafx.scene.control.RadioMenuItem) dark).isSelected()).isTrue();
        fx.interact(() -> robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D));
        assertThat(fx.model.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(stage.getScene().getStylesheets()).doesNotContain(Styles.DARK);

        fx.interact(() -> robot.clickOn("#helpMenu").clickOn("#shortcuts"));
        TableView<?> shortcuts = robot.lookup("#shortcutsTable").queryAs(TableView.class);
        assertThat(shortcuts.getItems()).hasSize(Shortcuts.ALL.size());
        robot.interact(() -> ((Stage) shortcuts.getScene().getWindow()).close());

        // Ctrl+L goes to the width, its text selected to be typed over
        fx.interact(() -> robot.push(KeyCode.CONTROL, KeyCode.L));
        javafx.scene.control.TextField width = robot.lookup("#channels").queryAs(javafx.scene.control.TextField.class);
        assertThat(width.isFocused()).isTrue();
        assertThat(width.getSelectedText()).isEqualTo("64");
    }
}
