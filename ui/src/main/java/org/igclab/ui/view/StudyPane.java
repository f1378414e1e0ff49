package org.igclab.ui.view;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.igclab.ui.model.ExplorerModel;
import org.igclab.ui.model.StudyTrials;

/** A study opened from the results store: its trials in a table, its ranked trials and Pareto front on a scatter. */
final class StudyPane extends SplitPane {
    private final TableView<StudyTrials.Trial> trials = new TableView<>();
    private final ChartPane chart;

    StudyPane(ExplorerModel model, ChartPane.Saves saves) {
        setId("studyPane");
        setOrientation(Orientation.HORIZONTAL);
        trials.setId("studyTrials");
        trials.setPlaceholder(new Label("File > Open study... shows a study's trials here."));
        trials.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        chart = new ChartPane("studyChart", saves);
        getItems().addAll(trials, chart);
        setDividerPositions(0.55);
        model.themeProperty().addListener((o, was, now) -> chart.palette(Palette.of(now)));
        chart.palette(Palette.of(model.themeProperty().get()));
        model.studies().studyProperty().addListener((o, was, now) -> show(now));
    }

    private void show(StudyTrials s) {
        if (s == null) {
            return;
        }
        List<TableColumn<StudyTrials.Trial, String>> columns = new java.util.ArrayList<>(List.of(
                column("trial", t -> Integer.toString(t.number())), column("design", StudyTrials.Trial::design),
                column("status", StudyTrials.Trial::status)));
        for (int i = 0; i < s.objectives().size(); i++) {
            int o = i;
            columns.add(column(s.objectives().get(i), t -> t.values().get(o)));
        }
        columns.add(column("Pareto front", t -> t.front() ? "yes" : ""));
        trials.getColumns().setAll(columns);
        trials.getItems().setAll(s.trials());
        chart.show(s.plot());
    }

    private static TableColumn<StudyTrials.Trial, String> column(String header, Function<StudyTrials.Trial, String> cell) {
        TableColumn<StudyTrials.Trial, String> c = new TableColumn<>(header);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(cell.apply(d.getValue())));
        c.setPrefWidth(Math.max(60, 8 * header.length() + 24));
        return c;
    }

    TableView<StudyTrials.Trial> trials() {
        return trials;
    }

    ChartPane chart() {
        return chart;
    }
}
