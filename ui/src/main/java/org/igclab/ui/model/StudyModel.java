package org.igclab.ui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The study the explorer shows beside its own designs: read from the results store off the FX thread. */
public final class StudyModel {
    private final Background background;
    private final Path store;
    private final Consumer<String> notice;
    private final ReadOnlyObjectWrapper<StudyTrials> study = new ReadOnlyObjectWrapper<>(this, "study");

    StudyModel(Background background, Path store, Consumer<String> notice) {
        this.background = background;
        this.store = store;
        this.notice = notice;
    }

    /** The names of the studies in the store (read on the calling thread: a menu asks before it opens). */
    public List<String> names() {
        try {
            return StudyTrials.names(store);
        } catch (RuntimeException e) {
            notice.accept("cannot read the studies in " + store + ": " + Failures.message(e));
            return List.of();
        }
    }

    /** Reads the study and shows it; a study that cannot be read is said in the notice, the one shown stays. */
    public void open(String name) {
        background.latest("study", 0, stale -> StudyTrials.load(store, name), s -> {
            study.set(s);
            notice.accept(String.format("study %s: %,d trials, %,d on the Pareto front", s.name(), s.trials().size(),
                    s.trials().stream().filter(StudyTrials.Trial::front).count()));
        }, e -> notice.accept("cannot open the study " + name + ": " + Failures.message(e)));
    }

    public ReadOnlyObjectProperty<StudyTrials> studyProperty() {
        return study.getReadOnlyProperty();
    }
}
