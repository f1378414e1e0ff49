package org.igclab.analyzer.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a command is for: {@code igc --help} lists the commands by task. A command says its own with {@code @Task.Of(...)}. */
public enum Task {
    ANALYSE("Analyse designs: counts and conditions, no engine"),
    MEASURE("Measure them in DJL/PyTorch: latency, training, the results store"),
    EXPLORE("Explore a width's designs in a window"),
    EXPORT("Export for other tools");

    private final String title;

    Task(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The task of a command class (and of the classes that extend it). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Inherited
    public @interface Of {
        Task value();
    }
}
