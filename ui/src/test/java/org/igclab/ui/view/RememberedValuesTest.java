package org.igclab.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.igclab.ui.model.Control;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Defect 3: one bad remembered value blanked the whole window. The window starts from settings holding a width the
 * explorer refuses and an unknown axis; it shows the defaults in their place and names what it replaced. It also
 * applies a typed value after a short pause without Enter (this session's pause is short).
 */
@ExtendWith(ApplicationExtension.class)
class RememberedValuesTest {
    private ExplorerFixture fx;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ExplorerFixture.freshDir();
        Map<Control, String> remembered = new EnumMap<>(Control.class);
        remembered.put(Control.CHANNELS, "100000");
        remembered.put(Control.X_AXIS, "flops");
        fx = ExplorerFixture.show(stage, dir, remembered, (d, r, s, st, p, c) -> "not used", Duration.ofMillis(150), 1280, 800);
    }

    @AfterEach
    void close() {
        fx.model.close();
    }

    @Test
    void badRememberedValuesGiveWayToDefaultsAndAreNamed(FxRobot robot) throws Exception {
        fx.awaitIdle();
        assertThat(ExplorerFixture.table(robot).getItems()).isNotEmpty().allMatch(r -> r.design().shape().channels() == 64);
        assertThat(ExplorerFixture.designsDrawn(ExplorerFixture.chart(robot, "paretoChart"))).isEqualTo(64);
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText())
                .contains("channels = '100000' must be at most 4096", "xAxis = 'flops' choose one of");

        // a pause after typing applies a complete value without Enter
        fx.interact(() -> ExplorerFixture.typeOnly(robot, Control.CHANNELS, "32"));
        assertThat(ExplorerFixture.table(robot).getItems()).isNotEmpty().allMatch(r -> r.design().shape().channels() == 32);
    }
}
