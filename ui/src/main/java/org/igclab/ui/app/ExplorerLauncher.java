package org.igclab.ui.app;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.igclab.ui.model.DesignExport;
import org.igclab.ui.model.ExplorerContext;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.view.ExplorerWindow;
import org.igclab.ui.view.FileDialogs;

/** Opens the explorer in a window until the user closes it, or renders it offscreen to a PNG. */
public final class ExplorerLauncher {
    /** Longest wait for the first result before a snapshot: C = 4096 with every length takes seconds on two cores. */
    static final Duration SNAPSHOT_WAIT = Duration.ofMinutes(2);

    private ExplorerLauncher() {
    }

    /** Shows the window and returns when it is closed. */
    public static void window(ExplorerContext context, double width, double height) throws Exception {
        boolean started = FxPlatform.start();
        CountDownLatch closed = new CountDownLatch(1);
        ExplorerModel model = FxPlatform.call(() -> {
            ExplorerModel m = new ExplorerModel(context);
            Stage stage = stage(m, width, height);
            stage.setTitle("IGC Lab explorer");
            stage.setOnHidden(e -> closed.countDown());
            stage.show();
            m.start();
            return m;
        });
        closed.await();
        FxPlatform.call(() -> {
            model.close();
            return null;
        });
        if (started) {
            Platform.exit();
        }
    }

    /** Renders the window offscreen once its first result is shown, and writes it as a PNG. */
    public static void snapshot(ExplorerContext context, double width, double height, Path out, boolean force) throws Exception {
        boolean started = FxPlatform.start();
        Stage[] stage = new Stage[1];
        ExplorerModel model = FxPlatform.call(() -> {
            ExplorerModel m = new ExplorerModel(context);
            stage[0] = stage(m, width, height);
            stage[0].show();
            m.start();
            return m;
        });
        try {
            if (!model.awaitIdle(SNAPSHOT_WAIT)) {
                throw new IllegalStateException("the explorer was still computing after " + SNAPSHOT_WAIT.toSeconds() + " s");
            }
            BufferedImage image = FxPlatform.call(() -> {
                Scene scene = stage[0].getScene();
                return SwingFXUtils.fromFXImage(scene.snapshot(null), null);
            });
            DesignExport.writePng(out, image, force);
        } finally {
            FxPlatform.call(() -> {
                stage[0].close();
                model.close();
                return null;
            });
            if (started) {
                Platform.exit();
            }
        }
    }

    private static Stage stage(ExplorerModel model, double width, double height) {
        ExplorerWindow window = new ExplorerWindow(model, FileDialogs.system());
        Stage stage = new Stage();
        stage.setScene(window.scene(width, height));
        return stage;
    }
}
