package org.igclab.ui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ObservableList;

/**
 * What joins the designs' rows after they are shown, in place (updated copies in the same order, so that rows do not move
 * under the pointer and the picks follow them): the results store's measurements after an evaluation, and the latency
 * predicted from its calibration after each exploration.
 */
final class RowUpdates {
    private final Background background;
    private final Path store;
    private final ObservableList<DesignRow> rows;
    private final Selection selection;
    private final Supplier<ExplorationResult> result;
    private final Consumer<String> notice;
    private final ExplorationProgress predicting;

    RowUpdates(Background background, Path store, ObservableList<DesignRow> rows, Selection selection, Supplier<ExplorationResult> result,
               Consumer<String> notice, ExplorationProgress predicting) {
        this.background = background;
        this.store = store;
        this.rows = rows;
        this.selection = selection;
        this.result = result;
        this.notice = notice;
        this.predicting = predicting;
    }

    /** Reads the store's measurements again; nothing is recomputed. */
    void measurements(ExplorationResult r) {
        if (r == null) {
            return;
        }
        List<DesignRow> before = List.copyOf(rows);
        background.latest("measurements", 0, stale -> Measurements.load(store).join(before, r.template()),
                after -> replace(before, after), e -> notice.accept("cannot read the results store: " + Failures.message(e)));
    }

    /** Predicts the latency of a result's designs from the store's calibration, if it has one. */
    void predictions(ExplorationResult r) {
        List<DesignRow> designs = List.copyOf(rows);
        predicting.start();
        background.latest("predict", 0, stale -> LatencyPredictions.load(store).of(designs, r.template(), r.request().options().resolution(),
                stale, (done, total) -> predicting.report("predicting latency", done, total)), predicted -> {
                    predicting.stop();
                    // onto the rows as they are now (a measurement may have joined them meanwhile), unless another result came
                    if (result.get() == r) {
                        List<DesignRow> before = List.copyOf(rows);
                        Optional.ofNullable(LatencyPredictions.apply(before, predicted)).ifPresent(after -> replace(before, after));
                    }
                }, e -> {
                    predicting.stop();
                    notice.accept("cannot predict latency from the calibration: " + Failures.message(e));
                });
    }

    /** Stops predicting; the designs keep the predictions they had. False when none was in progress. */
    boolean cancelPredictions() {
        if (!predicting.computingProperty().get()) {
            return false;
        }
        background.cancel("predict");
        predicting.stop();
        return true;
    }

    private void replace(List<DesignRow> before, List<DesignRow> after) {
        if (rows.equals(before)) {
            rows.setAll(after);
            selection.follow(before, after);
        }
    }
}
